/** The outcome of racing work against a deadline: the value, or the still-running work. */
export type Timed<T> = { done: true; value: T } | { done: false; later: Promise<T> };

/**
 * Waits for `work` at most `ms` milliseconds. The work is never cancelled: past the deadline the
 * caller gets it back as `later` and must handle its outcome (including a rejection). A rejection
 * before the deadline rejects this call.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<Timed<T>> {
  // No deadline (Infinity): setTimeout would fire at once.
  if (!Number.isFinite(ms)) return { done: true, value: await work };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
    return first === 'late' ? { done: false, later: work } : first;
  } finally {
    clearTimeout(timer);
  }
}
