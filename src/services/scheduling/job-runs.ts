import type { Models } from '../../models';
import { nextFire, parseCron } from '../../time/cron';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { isWorkday } from '../../time/workdays';
import { isDuplicateKey } from '../../models/duplicate-key';
import { type ClaimResult, reclaim, type RunRef } from './job-reclaim';

export type { ClaimResult, RunRef } from './job-reclaim';

export interface JobRunView {
  slot: string;
  slotAt: Date;
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  startedAt: Date;
  finishedAt?: Date;
  attempts: number;
  counts?: Record<string, number>;
  note?: string;
  error?: string;
}

export interface JobSpec {
  name: string;
  schedule: string;
  graceMs: number;
  enabled: boolean;
  /** The job only acts on working days of the official calendar: its next due time skips the others. */
  workdaysOnly?: boolean;
}

export interface JobOverview extends JobSpec {
  lastRuns: JobRunView[];
  failedLastDay: number;
  nextDueAt?: Date;
}

export interface JobRunsOptions {
  models: Models;
  timezone: string;
  staleRunMs: number;
  maxAttempts: number;
  retryDelayMs: number;
  /** The configured jobs, for 任务 (the scheduler passes its own list to overview). */
  specs: JobSpec[];
  /** The deployment's official calendar (next due time of workday-only jobs). */
  calendar?: () => HolidayCalendar;
}

/** The run ledger behind the scheduler: one document per (job, slot), claimed by an atomic insert. */
export function createJobRuns(o: JobRunsOptions) {
  const { JobRun } = o.models;

  return {
    /** Claims a slot before anything is done for it; losers learn why they lost. */
    async claim(p: { job: string; slot: string; slotAt: Date; now: Date; owner: string }): Promise<ClaimResult> {
      try {
        const doc = await JobRun.create({
          job: p.job,
          slot: p.slot,
          slotAt: p.slotAt,
          status: 'running',
          owner: p.owner,
          attempts: 1,
          startedAt: p.now,
        });
        return { claimed: true, takeover: false, run: { id: doc._id, job: p.job, slot: p.slot, attempts: 1 } };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const existing = await JobRun.findOne({ job: p.job, slot: p.slot }).lean();
      if (!existing) return { claimed: false, reason: 'busy' };
      return reclaim(o, existing, p.now, p.owner);
    },

    /** Records a slot that was not run because it was found too late; false if it already has a record. */
    async recordSkipped(p: { job: string; slot: string; slotAt: Date; now: Date; note: string }): Promise<boolean> {
      try {
        await JobRun.create({
          job: p.job,
          slot: p.slot,
          slotAt: p.slotAt,
          status: 'skipped',
          attempts: 0,
          startedAt: p.now,
          finishedAt: p.now,
          note: p.note,
        });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },

    /** Whether the slot already has a final outcome (so the scheduler can stop looking at it). */
    async isSettled(job: string, slot: string): Promise<boolean> {
      const doc = await JobRun.findOne({ job, slot }).select({ status: 1, attempts: 1 }).lean();
      if (!doc) return false;
      return (
        doc.status === 'succeeded' ||
        doc.status === 'skipped' ||
        (doc.status === 'failed' && (doc.attempts ?? 1) >= o.maxAttempts)
      );
    },

    /** Final outcome of a claimed run; false if another instance took the run over meanwhile. */
    async finish(
      run: RunRef,
      now: Date,
      outcome:
        { status: 'succeeded'; counts?: Record<string, number>; note?: string } | { status: 'failed'; error: string },
    ): Promise<boolean> {
      const set: Record<string, unknown> = { status: outcome.status, finishedAt: now };
      if (outcome.status === 'succeeded') {
        if (outcome.counts) set.counts = outcome.counts;
        if (outcome.note) set.note = outcome.note;
      } else {
        set.error = outcome.error.slice(0, 500);
      }
      const res = await JobRun.updateOne({ _id: run.id, status: 'running', attempts: run.attempts }, { $set: set });
      return res.modifiedCount === 1;
    },

    /** Each job's last runs, its failures in the last day and when it is next due (what 任务 shows). */
    overview: (now: Date, specs: JobSpec[] = o.specs, runsPerJob = 3): Promise<JobOverview[]> =>
      overviewOf(o, now, specs, runsPerJob),

    /** Cleanup: fails runs stuck 'running' since before stuckBefore, drops runs older than oldBefore. */
    async purge(p: { oldBefore: Date; stuckBefore: Date; now: Date }): Promise<{ deleted: number; abandoned: number }> {
      const abandoned = await JobRun.updateMany(
        { status: 'running', startedAt: { $lt: p.stuckBefore } },
        {
          $set: { status: 'failed', finishedAt: p.now, error: 'abandoned: the process running it stopped responding' },
        },
      );
      const deleted = await JobRun.deleteMany({ status: { $ne: 'running' }, startedAt: { $lt: p.oldBefore } });
      return { deleted: deleted.deletedCount ?? 0, abandoned: abandoned.modifiedCount };
    },
  };
}

async function overviewOf(o: JobRunsOptions, now: Date, specs: JobSpec[], runsPerJob: number): Promise<JobOverview[]> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  return Promise.all(
    specs.map(async (spec) => {
      const runs = await o.models.JobRun.find({ job: spec.name })
        .sort({ slotAt: -1, _id: -1 })
        .limit(runsPerJob)
        .lean();
      const failedLastDay = await o.models.JobRun.countDocuments({
        job: spec.name,
        status: 'failed',
        startedAt: { $gte: dayAgo },
      });
      const nextDueAt = spec.enabled ? nextDue(o, spec, now) : undefined;
      return { ...spec, failedLastDay, nextDueAt, lastRuns: runs.map(toView) };
    }),
  );
}

/** A job's next slot, skipping days off for jobs that run on working days only. */
function nextDue(o: JobRunsOptions, spec: JobSpec, now: Date): Date | undefined {
  const cron = parseCron(spec.schedule);
  let at = nextFire(cron, now, o.timezone);
  // A long holiday is at most a few weeks of daily slots.
  for (let i = 0; at && spec.workdaysOnly && !isWorkday(at, o.timezone, o.calendar?.()) && i < 400; i += 1)
    at = nextFire(cron, at, o.timezone);
  return at;
}

function toView(d: Record<string, unknown>): JobRunView {
  return {
    slot: String(d.slot),
    slotAt: d.slotAt as Date,
    status: d.status as JobRunView['status'],
    startedAt: d.startedAt as Date,
    finishedAt: (d.finishedAt as Date | undefined) ?? undefined,
    attempts: Number(d.attempts ?? 1),
    counts: (d.counts as Record<string, number> | undefined) ?? undefined,
    note: (d.note as string | undefined) ?? undefined,
    error: (d.error as string | undefined) ?? undefined,
  };
}

export type JobRuns = ReturnType<typeof createJobRuns>;

/** The configured jobs (schedule from config/env, grace and switch from the tunables), one list for 任务 and jobs/. */
export function jobSpecsFromConfig(config: {
  jobSchedules: Record<string, string>;
  tunables: { jobs: Record<string, { graceMs: number; enabled: boolean; workdaysOnly?: boolean }> };
}): JobSpec[] {
  return Object.entries(config.jobSchedules).map(([name, schedule]) => {
    const tunable = config.tunables.jobs[name];
    return {
      name,
      schedule,
      graceMs: tunable?.graceMs ?? 0,
      enabled: tunable?.enabled ?? false,
      workdaysOnly: tunable?.workdaysOnly ?? false,
    };
  });
}
