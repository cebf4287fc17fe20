// The single definition of the three rates (commands.md), shared by replies, digest, exports and 履职.

/** States that count as "assigned or later"; 已撤回 and 已退回 are excluded from every rate. */
export const ASSIGNED_OR_LATER: readonly string[] = ['已交办', '已答复', '已办结'];
export const ANSWERED_OR_CLOSED: readonly string[] = ['已答复', '已办结'];
export const SATISFIED_RATINGS: readonly string[] = ['满意', '基本满意'];

/** A percentage with one decimal place (`87.5%`), or `—` when there is nothing to divide by. */
export function formatRate(num: number, den: number): string {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return '—';
  // Integer arithmetic first, so 1/8 shows 12.5% and not 12.4% from a binary rounding artefact.
  const tenths = Math.round((num * 1000) / den);
  return `${(tenths / 10).toFixed(1)}%`;
}

export interface RateCounts {
  assignedOrLater: number;
  answeredOrClosed: number;
  closed: number;
  rated: number;
  satisfied: number;
}

export interface Rates extends RateCounts {
  answerRate: string;
  closeRate: string;
  satisfactionRate: string;
}

/** Counts and formatted rates over opinions given by their current status and latest rating. */
export function computeRates(items: ReadonlyArray<{ status: string; rating?: string | null }>): Rates {
  const counts: RateCounts = { assignedOrLater: 0, answeredOrClosed: 0, closed: 0, rated: 0, satisfied: 0 };
  for (const o of items) {
    if (o.status === '已撤回' || o.status === '已退回') continue;
    if (ASSIGNED_OR_LATER.includes(o.status)) counts.assignedOrLater += 1;
    if (ANSWERED_OR_CLOSED.includes(o.status)) counts.answeredOrClosed += 1;
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
  };
}

const EXCLUDED: readonly string[] = ['已撤回', '已退回'];

/**
 * The same counts as computeRates, as `$group` accumulators over opinion documents (status and rating
 * fields), so a report can count in the database with the one definition.
 */
export function rateAccumulators(): Record<keyof RateCounts, { $sum: unknown }> {
  const when = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
  const counted = { $not: [{ $in: ['$status', [...EXCLUDED]] }] };
  const rated = { $and: [counted, { $gt: ['$rating', null] }, { $ne: ['$rating', ''] }] };
  return {
    assignedOrLater: when({ $in: ['$status', [...ASSIGNED_OR_LATER]] }),
    answeredOrClosed: when({ $in: ['$status', [...ANSWERED_OR_CLOSED]] }),
    closed: when({ $eq: ['$status', '已办结'] }),
    rated: when(rated),
    satisfied: when({ $and: [rated, { $in: ['$rating', [...SATISFIED_RATINGS]] }] }),
  };
}

/** Rates from a row grouped with rateAccumulators (or zeros when nothing matched). */
export function ratesFromGroup(row: Partial<RateCounts> | undefined): Rates {
  return withRates({
    assignedOrLater: row?.assignedOrLater ?? 0,
    answeredOrClosed: row?.answeredOrClosed ?? 0,
    closed: row?.closed ?? 0,
    rated: row?.rated ?? 0,
    satisfied: row?.satisfied ?? 0,
  });
}
