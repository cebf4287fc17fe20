import type { Models } from '../../models';

/** A claimed run: the attempt number guards every later update, so a taken-over run cannot overwrite its successor. */
export interface RunRef {
  id: unknown;
  job: string;
  slot: string;
  attempts: number;
}

export type ClaimResult =
  | { claimed: true; run: RunRef; takeover: boolean }
  | { claimed: false; reason: 'done' | 'busy' | 'exhausted' | 'waiting' };

/** Re-claims an existing record when its holder is presumed dead or its failure may be retried. */
export async function reclaim(
  o: { models: Models; staleRunMs: number; retryDelayMs: number; maxAttempts: number },
  existing: { _id: unknown; status: string; startedAt: Date; finishedAt?: Date | null; attempts?: number | null },
  now: Date,
  owner: string,
): Promise<ClaimResult> {
  const attempts = existing.attempts ?? 1;
  if (existing.status === 'succeeded' || existing.status === 'skipped') return { claimed: false, reason: 'done' };
  const stale = existing.status === 'running' && existing.startedAt.getTime() <= now.getTime() - o.staleRunMs;
  const retryable =
    existing.status === 'failed' && (existing.finishedAt?.getTime() ?? 0) <= now.getTime() - o.retryDelayMs;
  if (existing.status === 'running' && !stale) return { claimed: false, reason: 'busy' };
  if (existing.status === 'failed' && !retryable)
    return { claimed: false, reason: attempts >= o.maxAttempts ? 'exhausted' : 'waiting' };
  if (attempts >= o.maxAttempts) {
    if (stale) {
      await o.models.JobRun.updateOne(
        { _id: existing._id, status: 'running', attempts },
        {
          $set: { status: 'failed', finishedAt: now, error: 'abandoned: the process running it stopped responding' },
        },
      );
    }
    return { claimed: false, reason: 'exhausted' };
  }
  // The filter pins the state we saw: of two instances taking over at once, one wins.
  const taken = await o.models.JobRun.findOneAndUpdate(
    { _id: existing._id, status: existing.status as 'running' | 'failed', attempts },
    {
      $set: { status: 'running', startedAt: now, owner },
      $inc: { attempts: 1 },
      $unset: { finishedAt: 1, error: 1 },
    },
    { returnDocument: 'after' },
  ).lean<{ _id: unknown; job: string; slot: string; attempts?: number }>();
  if (!taken) return { claimed: false, reason: 'busy' };
  return {
    claimed: true,
    takeover: true,
    run: { id: taken._id, job: taken.job, slot: taken.slot, attempts: taken.attempts ?? attempts + 1 },
  };
}
