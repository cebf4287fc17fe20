/** How often an optimistic (version-guarded) update is retried before giving up as a bug. */
export const MAX_VERSION_RETRIES = 25;

/**
 * A short random pause after losing a version race, so a cancellation during a burst of sign-ups
 * gets its turn instead of failing in lockstep (wall time for back-off only, not business time).
 */
export function afterConflict(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(5 * 2 ** attempt, 200);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
