import type { JobContext, JobResult } from '../src/scheduler/types';

/** Daily 03:00: expires delivery records, finished pushes, rate windows and old job runs. */
export async function runCleanup({ now, services }: JobContext): Promise<JobResult> {
  return { counts: await services.cleanup.purgeExpired(now) };
}
