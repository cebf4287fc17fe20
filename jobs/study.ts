import type { JobContext, JobResult } from '../src/scheduler/types';

/** Wednesday 10:00: pushes the next queued study item (title, link, how to mark 已学). */
export async function runStudy({ now, slot, services }: JobContext): Promise<JobResult> {
  const item = await services.study.pushNext(now, slot.key);
  if (!item) return { counts: { pushed: 0 }, note: 'queue_empty' };
  return { counts: { pushed: 1 }, note: item.code };
}
