import type { Config } from '../config';
import type { Job, JobContext, JobResult } from '../src/scheduler/types';
import { jobSpecsFromConfig } from '../src/services/scheduling';
import { parseCron } from '../src/time/cron';
import { runCleanup } from './cleanup';
import { createColoursRun } from './colours';
import { runDigest } from './digest';
import { createOverdueRun } from './overdue';
import { createRemindersRun } from './reminders';
import { runStudy } from './study';

type RunFn = (ctx: JobContext) => Promise<JobResult>;

/**
 * THE job table. What each job does lives in its own file; when it runs (schedule, grace window,
 * on/off) comes from config, so operators change it without touching code.
 */
export function createJobs(config: Config): Job[] {
  const graceOf = (name: string) => config.tunables.jobs[name as keyof Config['tunables']['jobs']]?.graceMs ?? 0;
  const runs: Record<string, RunFn> = {
    reminders: createRemindersRun({ graceMs: graceOf('reminders') }),
    study: runStudy,
    overdue: createOverdueRun({ timezone: config.timezone }),
    digest: runDigest,
    cleanup: runCleanup,
    colours: createColoursRun({ timezone: config.timezone }),
  };
  return jobSpecsFromConfig(config).map((spec) => {
    const run = runs[spec.name];
    if (!run) throw new Error(`job "${spec.name}" is configured but has no implementation in jobs/`);
    checkSchedule(spec.name, spec.schedule);
    return { ...spec, run };
  });
}

/** A bad schedule stops start-up naming the variable the operator set, not just the job. */
function checkSchedule(name: string, schedule: string): void {
  try {
    parseCron(schedule);
  } catch (err) {
    throw new Error(`JOB_SCHEDULE_${name.toUpperCase()}: ${(err as Error).message}`, { cause: err });
  }
}
