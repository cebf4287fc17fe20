import type { PipelineStage } from 'mongoose';
import type { Rating } from '../../models/opinion';
import { groupSafe } from '../../text/group-safe';
import { fromWallTime } from '../../time/zone';
import { calendarDaysBetween } from './queries';
import { type Rates, rateAccumulators, type StatusCounts } from './rates';

export interface UnitStats {
  unit: string;
  assigned: number;
  answeredOnTime: number;
  overdue: number;
}

export interface OpinionStats {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  units: UnitStats[];
  rates: Rates;
}

export interface PeriodStats {
  filed: number;
  byCategory: Record<string, number>;
  assigned: number;
  answered: number;
  closed: number;
  ratings: { 满意: number; 基本满意: number; 不满意: number };
}

// The opinions' aggregation stages the reports share (统计, 周报's figures, the 履职 rates): each part's match on an
// indexed field, its pipeline, and how its rows read back.

export type OverdueSummary = { count: number; oldest?: { code: string; title: string; overdueDays: number } };
export type Row = Record<string, unknown>;

/** Pipeline stages: how many assigned opinions are past their deadline, and the longest overdue one. */
export const overdueMatch = (now: Date) => ({ status: '已交办', deadline: { $lt: now } });
export const periodMatch = (from: Date, to: Date) => ({ lastEventAt: { $gte: from }, filedAt: { $lt: to } });
export const filedMatch = (w: { from: Date; to: Date }) => ({ filedAt: { $gte: w.from, $lt: w.to } });

export function overduePipeline(now: Date): PipelineStage.FacetPipelineStage[] {
  return [
    { $match: overdueMatch(now) },
    { $sort: { deadline: 1, seq: 1, _id: 1 } },
    {
      $group: {
        _id: null,
        count: { $sum: 1 },
        oldest: { $first: { code: '$code', title: '$title', deadline: '$deadline' } },
      },
    },
  ];
}

export function overdueFrom(row: Row | undefined, now: Date, tz: string): OverdueSummary {
  if (!row) return { count: 0 };
  const oldest = row.oldest as { code: string; title: string; deadline: Date };
  return {
    count: row.count as number,
    oldest: {
      code: oldest.code,
      title: groupSafe(oldest.title),
      overdueDays: Math.max(1, calendarDaysBetween(oldest.deadline, now, tz)),
    },
  };
}

/**
 * Timeline steps in [from, to), counted by action (filed also by category, rated also by rating).
 * $match on the indexed lastEventAt narrows to opinions touched since `from`.
 */
export function periodPipeline(from: Date, to: Date): PipelineStage.FacetPipelineStage[] {
  return [
    { $match: periodMatch(from, to) },
    // $map, not a dotted projection: the test server mis-projects dotted paths into arrays.
    {
      $project: {
        category: 1,
        timeline: {
          $map: { input: '$timeline', as: 'e', in: { at: '$$e.at', action: '$$e.action', rating: '$$e.rating' } },
        },
      },
    },
    { $unwind: '$timeline' },
    { $match: { 'timeline.at': { $gte: from, $lt: to } } },
    {
      $group: {
        _id: {
          action: '$timeline.action',
          category: { $cond: [{ $eq: ['$timeline.action', 'filed'] }, '$category', null] },
          rating: { $ifNull: ['$timeline.rating', null] },
        },
        n: { $sum: 1 },
      },
    },
  ];
}

export function periodFrom(rows: Row[]): PeriodStats {
  const out: PeriodStats = {
    filed: 0,
    byCategory: {},
    assigned: 0,
    answered: 0,
    closed: 0,
    ratings: { 满意: 0, 基本满意: 0, 不满意: 0 },
  };
  const ordered = [...rows].sort((a, b) => JSON.stringify(a._id).localeCompare(JSON.stringify(b._id)));
  for (const row of ordered) {
    const key = row._id as { action: string; category: string | null; rating: string | null };
    const n = row.n as number;
    if (key.action === 'filed') {
      out.filed += n;
      if (key.category) out.byCategory[key.category] = (out.byCategory[key.category] ?? 0) + n;
    } else if (key.action === 'assigned') out.assigned += n;
    else if (key.action === 'answered') out.answered += n;
    else if (key.action === 'closed') out.closed += n;
    else if (key.action === 'rated' && key.rating && key.rating in out.ratings) out.ratings[key.rating as Rating] += n;
  }
  return out;
}

export function yearWindow(year: number, tz: string): { from: Date; to: Date } {
  return {
    from: fromWallTime({ year, month: 1, day: 1 }, tz),
    to: fromWallTime({ year: year + 1, month: 1, day: 1 }, tz),
  };
}

/** Per-status counts (with ratings) of opinions filed in [from, to) (the indexed filedAt): the rates' input. */
export function ratesPipeline(w: { from: Date; to: Date }): PipelineStage.FacetPipelineStage[] {
  return [{ $match: filedMatch(w) }, { $group: { _id: '$status', n: { $sum: 1 }, ...rateAccumulators() } }];
}

export const statusRows = (rows: Row[]): StatusCounts[] =>
  rows.map((r) => ({
    status: String(r._id),
    n: r.n as number,
    rated: r.rated as number,
    satisfied: r.satisfied as number,
    resolved: r.resolved as number,
  }));

/**
 * Per unit, over every handling round (withdrawn and rejected opinions left out): assigned, answered by
 * the deadline, and answered late or still unanswered past it.
 */
export function unitPipeline(now: Date): PipelineStage.FacetPipelineStage[] {
  const answered = { $gt: ['$rounds.answeredAt', null] };
  return [
    { $match: { status: { $nin: ['已退回', '已撤回'] } } },
    { $project: { rounds: 1 } },
    { $unwind: '$rounds' },
    {
      $group: {
        _id: '$rounds.unit',
        assigned: { $sum: 1 },
        answeredOnTime: {
          $sum: { $cond: [{ $and: [answered, { $lte: ['$rounds.answeredAt', '$rounds.deadline'] }] }, 1, 0] },
        },
        overdue: {
          $sum: {
            $cond: [
              {
                $or: [
                  { $and: [answered, { $gt: ['$rounds.answeredAt', '$rounds.deadline'] }] },
                  { $and: [{ $not: [answered] }, { $gt: [now, '$rounds.deadline'] }] },
                ],
              },
              1,
              0,
            ],
          },
        },
      },
    },
  ];
}

/** Most assigned first, then by name. */
export function sortUnits(units: UnitStats[]): UnitStats[] {
  return [...units].sort((a, b) => b.assigned - a.assigned || a.unit.localeCompare(b.unit, 'zh'));
}
