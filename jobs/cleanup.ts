import type { JobContext, JobResult } from '../src/scheduler/types';

/** Daily 03:00: expires delivery records, finished pushes, rate windows, old job runs and unclaimed photos. */
export async function runCleanup({ now, services }: JobContext): Promise<JobResult> {
  const counts = await services.cleanup.purgeExpired(now);
  return { counts: { ...counts, ...(await services.photos.purgeUnclaimed(now)) } };
}
