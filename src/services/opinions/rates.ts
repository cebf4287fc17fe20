// The single definition of the rates (commands.md), shared by replies, digest, exports, 履职 and the units' records.

/** States that count as "assigned or later"; 已撤回 and 已退回 are excluded from every rate. */
export const ASSIGNED_OR_LATER: readonly string[] = ['已交办', '已答复', '已办结'];
export const ANSWERED_OR_CLOSED: readonly string[] = ['已答复', '已办结'];
export const SATISFIED_RATINGS: readonly string[] = ['满意', '基本满意'];
/** The 落实 class that counts as solved: 解决率 = answers of class A ÷ answers (an unclassified answer is not A). */
export const RESOLVED_CLASS = 'A';

/** 解决率 of `resolved` A-class answers among `answered` answers. */
export function resolveRate(resolved: number, answered: number): string {
  return formatRate(resolved, answered);
}

/** A percentage with one decimal place (`87.5%`), or `—` when there is nothing to divide by. */
export function formatRate(num: number, den: number): string {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return '—';
  // Integer arithmetic first, so 1/8 shows 12.5% and not 12.4% from a binary rounding artefact.
  const tenths = Math.round((num * 1000) / den);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** The same rate as a number of percent with one decimal (for charts), or null when nothing to divide by. */
export function rateValue(num: number, den: number): number | null {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return null;
  return Math.round((num * 1000) / den) / 10;
}

export interface RateCounts {
  assignedOrLater: number;
  answeredOrClosed: number;
  closed: number;
  rated: number;
  satisfied: number;
  /** Answered-or-closed opinions whose latest answer is class A. */
  resolved: number;
}

export interface Rates extends RateCounts {
  answerRate: string;
  closeRate: string;
  satisfactionRate: string;
  resolveRate: string;
}

const noCounts = (): RateCounts => ({
  assignedOrLater: 0,
  answeredOrClosed: 0,
  closed: 0,
  rated: 0,
  satisfied: 0,
  resolved: 0,
});

/** Counts and formatted rates over opinions given by their current status, latest rating and 落实 class. */
export function computeRates(
  items: ReadonlyArray<{ status: string; rating?: string | null; resolution?: string | null }>,
): Rates {
  const counts = noCounts();
  for (const o of items) {
    if (o.status === '已撤回' || o.status === '已退回') continue;
    if (ASSIGNED_OR_LATER.includes(o.status)) counts.assignedOrLater += 1;
    if (ANSWERED_OR_CLOSED.includes(o.status)) {
      counts.answeredOrClosed += 1;
      if (o.resolution === RESOLVED_CLASS) counts.resolved += 1;
    }
    if (o.status === '已办结') counts.closed += 1;
    if (o.rating) {
      counts.rated += 1;
      if (SATISFIED_RATINGS.includes(o.rating)) counts.satisfied += 1;
    }
  }
  return withRates(counts);
}

export function withRates(c: RateCounts): Rates {
  return {
    ...c,
    answerRate: formatRate(c.answeredOrClosed, c.assignedOrLater),
    closeRate: formatRate(c.closed, c.assignedOrLater),
    satisfactionRate: formatRate(c.satisfied, c.rated),
    resolveRate: resolveRate(c.resolved, c.answeredOrClosed),
  };
}

/**
 * The rates' counts per group, as `$group` accumulators: how many carry a rating, how many a satisfied
 * one, how many a class-A answer (counted by ratesFromStatusCounts only for answered-or-closed states).
 */
export function rateAccumulators(): Record<'rated' | 'satisfied' | 'resolved', { $sum: unknown }> {
  return {
    rated: { $sum: { $cond: [{ $gt: ['$rating', null] }, 1, 0] } },
    satisfied: { $sum: { $cond: [{ $in: ['$rating', [...SATISFIED_RATINGS]] }, 1, 0] } },
    resolved: { $sum: { $cond: [{ $eq: ['$resolution', RESOLVED_CLASS] }, 1, 0] } },
  };
}

/** One row per status (grouped in the database with rateAccumulators): the counts behind the rates. */
export interface StatusCounts {
  status: string;
  n: number;
  rated: number;
  satisfied: number;
  resolved: number;
}

/** The same rates as computeRates, from per-status counts (a handful of rows instead of every opinion). */
export function ratesFromStatusCounts(rows: readonly StatusCounts[]): Rates {
  const counts = noCounts();
  for (const r of rows) {
    if (r.status === '已撤回' || r.status === '已退回') continue;
    if (ASSIGNED_OR_LATER.includes(r.status)) counts.assignedOrLater += r.n;
    if (ANSWERED_OR_CLOSED.includes(r.status)) {
      counts.answeredOrClosed += r.n;
      counts.resolved += r.resolved;
    }
    if (r.status === '已办结') counts.closed += r.n;
    counts.rated += r.rated;
    counts.satisfied += r.satisfied;
  }
  return withRates(counts);
}
