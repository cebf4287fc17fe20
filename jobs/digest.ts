import type { JobContext, JobResult } from '../src/scheduler/types';

/** Monday 09:00: the weekly digest to the group, keyed by the slot so a re-run posts nothing twice. */
export async function runDigest({ now, slot, services }: JobContext): Promise<JobResult> {
  const pushed = await services.digest.push(now, slot.key);
  return { counts: { parts: pushed.parts, charts: pushed.chart === 'queued' ? 1 : 0 } };
}
