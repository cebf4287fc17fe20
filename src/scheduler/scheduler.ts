import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { schedule, type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import type { JobOverview } from '../services/scheduling';
import { type CronSpec, parseCron, previousFire, slotKey } from '../time/cron';
import { runClaimedSlot } from './run-slot';
import type { Job, Slot } from './types';

export interface SchedulerOptions {
  jobs: Job[];
  services: Services;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Sees each slot's outcome (metrics). */
  onOutcome?: (report: TickReport) => void;
}

export type TickOutcome =
  | 'succeeded'
  | 'failed'
  /** The slot was found after its grace window: recorded as skipped, not run. */
  | 'skipped_late'
  /** The slot lies before this deployment first started: it was never due, nothing is recorded. */
  | 'before_first_start'
  /** Another run holds the slot (this or another instance), or it already has its outcome. */
  | 'busy'
  | 'done'
  | 'exhausted'
  | 'waiting'
  | 'error';

export interface TickReport {
  job: string;
  slot: string;
  outcome: TickOutcome;
}

/**
 * Runs each job once per slot across every bot instance. A tick (every minute in production, or
 * called by tests with an injected clock) looks at each job's most recent slot ≤ now: if it is
 * within the job's grace window and has no run yet, it is claimed and run; if it is older, it is
 * recorded as skipped so the office sees the gap in 任务. Start-up runs a tick at once (catch-up).
 */
export function createScheduler(o: SchedulerOptions) {
  const tz = o.config.timezone;
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = o.log.child({ part: 'scheduler' });
  const specs = compile(o.jobs);
  /** Last slot per job known to need nothing more, so steady ticks touch the database once per slot. */
  const settled = new Map<string, string>();
  const running = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  let task: ScheduledTask | undefined;

  async function tickJob(job: Job, spec: CronSpec, now: Date): Promise<TickReport | undefined> {
    const at = previousFire(spec, now, tz);
    if (!at) return undefined;
    const slot: Slot = { key: slotKey(job.name, at, tz), at };
    if (settled.get(job.name) === slot.key) return undefined;
    if (running.has(job.name)) return { job: job.name, slot: slot.key, outcome: 'busy' };
    running.add(job.name);
    let report: TickReport;
    try {
      report = { job: job.name, slot: slot.key, outcome: await claimAndRun(job, slot, now) };
    } catch (err) {
      // Database trouble while claiming or recording: the next tick tries again.
      log.error({ err, job: job.name, slot: slot.key }, 'scheduler could not process slot');
      report = { job: job.name, slot: slot.key, outcome: 'error' };
    } finally {
      running.delete(job.name);
    }
    o.onOutcome?.(report);
    return report;
  }

  async function claimAndRun(job: Job, slot: Slot, now: Date): Promise<TickOutcome> {
    const unrun = await notToRun(o.services, log, job, slot, now);
    if (unrun) {
      settled.set(job.name, slot.key);
      return unrun;
    }
    const claim = await o.services.jobRuns.claim({ job: job.name, slot: slot.key, slotAt: slot.at, now, owner });
    if (!claim.claimed) {
      if (claim.reason === 'done' || claim.reason === 'exhausted') settled.set(job.name, slot.key);
      return claim.reason;
    }
    if (claim.takeover)
      log.warn({ job: job.name, slot: slot.key, attempt: claim.run.attempts }, 'taking over a stale or failed run');
    const outcome = await runClaimedSlot(job, slot, claim.run, now, { services: o.services, clock: o.clock, log });
    if (outcome === 'succeeded') settled.set(job.name, slot.key);
    return outcome;
  }

  /** Runs whatever is due at `now` (including catch-up), every job in parallel; resolves when done. */
  async function tick(now: Date = o.clock.now()): Promise<TickReport[]> {
    const reports = await Promise.all(specs.map(({ job, spec }) => tickJob(job, spec, now)));
    return reports.filter((r): r is TickReport => r !== undefined);
  }

  function track(p: Promise<unknown>): void {
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
  }

  return {
    tick,
    owner,
    /** Ticks every minute (node-cron, in config.timezone whatever the server's zone) and catches up now; a `Receiver`. */
    async start(): Promise<void> {
      if (task) return;
      task = schedule('* * * * *', () => track(tick(o.clock.now())), {
        timezone: tz,
        name: 'scheduler',
        logger: cronLogger(log),
      });
      track(tick(o.clock.now()));
      log.info({ jobs: specs.map((s) => `${s.job.name} ${s.job.schedule}`), timezone: tz }, 'scheduler started');
    },
    async stop(): Promise<void> {
      await task?.destroy();
      task = undefined;
      await Promise.allSettled([...inFlight]);
    },
    /** Last runs and next due time per job (what 任务 shows). */
    status(now: Date = o.clock.now()): Promise<JobOverview[]> {
      return o.services.jobRuns.overview(now, o.jobs.map(jobDefinition));
    },
  };
}

/** A slot that is not run: before the first start, or past its grace window. */
async function notToRun(
  services: Services,
  log: Logger,
  job: Job,
  slot: Slot,
  now: Date,
): Promise<TickOutcome | undefined> {
  // A fresh install would otherwise report the last week's slots as missed.
  const firstStart = await services.deployment.firstStartedAt();
  if (firstStart && slot.at.getTime() < firstStart.getTime()) return 'before_first_start';
  if (now.getTime() - slot.at.getTime() > job.graceMs) return skipLate(services.jobRuns, log, job, slot, now);
  return undefined;
}

/** A slot past its grace window is never run: it is recorded as skipped once, so 任务 shows the gap. */
async function skipLate(
  jobRuns: Services['jobRuns'],
  log: Logger,
  job: Job,
  slot: Slot,
  now: Date,
): Promise<'done' | 'skipped_late'> {
  if (await jobRuns.isSettled(job.name, slot.key)) return 'done';
  const inserted = await jobRuns.recordSkipped({ job: job.name, slot: slot.key, slotAt: slot.at, now, note: 'late' });
  if (inserted)
    log.warn(
      { job: job.name, slot: slot.key, lateMs: now.getTime() - slot.at.getTime() },
      'slot missed its grace window; skipped',
    );
  return inserted ? 'skipped_late' : 'done';
}

/** What 任务 shows of a job's definition. */
function jobDefinition({ name, schedule: s, graceMs, enabled, workdaysOnly }: Job) {
  return { name, schedule: s, graceMs, enabled, workdaysOnly };
}

/** Bad schedules and duplicate names fail at start-up, naming the job. */
function compile(jobs: Job[]): Array<{ job: Job; spec: CronSpec }> {
  const names = new Set<string>();
  const out: Array<{ job: Job; spec: CronSpec }> = [];
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job "${job.name}" is defined twice`);
    names.add(job.name);
    let spec: CronSpec;
    try {
      spec = parseCron(job.schedule);
    } catch (err) {
      throw new Error(`job "${job.name}": ${(err as Error).message}`, { cause: err });
    }
    if (job.enabled) out.push({ job, spec });
  }
  return out;
}

function cronLogger(log: Logger) {
  return {
    info: (m: string) => log.debug(m),
    warn: (m: string) => log.warn(m),
    error: (m: string | Error, err?: Error) => log.error({ err: err ?? m }, 'node-cron error'),
    debug: (m: string | Error) => log.debug({ detail: String(m) }, 'node-cron'),
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
