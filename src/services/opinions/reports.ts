import type { PipelineStage } from 'mongoose';
import { t } from '../../messages';
import { OPINION_STATUSES, type Rating } from '../../models/opinion';
import { toHalfWidth } from '../../text/normalize';
import { formatDate } from '../../time/format';
import { fromWallTime, wallTime } from '../../time/zone';
import { groupSafe } from '../../text/group-safe';
import { colourOf, colourRuleOf, redWorkdays, workdaysLeft, yellowUntil } from './colours';
import type { Colour } from '../../contracts/labels';
import { calendarDaysBetween } from './queries';
import { formatDeadline, type Opinion, type OpinionDeps } from './opinion-steps';
import { type Rates, ratesFromStatusCounts, rateAccumulators, type StatusCounts } from './rates';

export interface StatsPeriod {
  from: Date;
  to: Date;
  label: string;
}

/** `本年`/`今年`/empty, `本月`, `去年`, `上月`, or a year (`2025`, `2025年`); undefined when not understood. */
export function parseStatsPeriod(text: string, now: Date, tz: string): StatsPeriod | undefined {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const today = wallTime(now, tz);
  const year = (y: number): StatsPeriod => ({
    from: fromWallTime({ year: y, month: 1, day: 1 }, tz),
    to: fromWallTime({ year: y + 1, month: 1, day: 1 }, tz),
    label: t('statsLabelYear', { year: y }),
  });
  const month = (y: number, m: number): StatsPeriod => {
    const next = m === 12 ? { year: y + 1, month: 1 } : { year: y, month: m + 1 };
    return {
      from: fromWallTime({ year: y, month: m, day: 1 }, tz),
      to: fromWallTime({ ...next, day: 1 }, tz),
      label: t('statsLabelMonth', { year: y, month: m }),
    };
  };
  if (s === '' || s === '本年' || s === '今年' || s === '本年度') return year(today.year);
  if (s === '去年' || s === '上年') return year(today.year - 1);
  if (s === '本月' || s === '这个月' || s === '这月') return month(today.year, today.month);
  if (s === '上月' || s === '上个月')
    return today.month === 1 ? month(today.year - 1, 12) : month(today.year, today.month - 1);
  const y = /^(\d{4})年?(?:度)?$/.exec(s);
  if (y && Number(y[1]) >= 2000 && Number(y[1]) <= 2100) return year(Number(y[1]));
  return undefined;
}

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

export function createReports(d: OpinionDeps) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;

  type Due = {
    code: string;
    title: string;
    unit: string;
    deadline: Date;
    shown: string;
    /** Red or yellow (a green case is not due). */
    colour: Exclude<Colour, 'green'>;
    overdue: boolean;
    /** Red: working days overdue (at least 1 once past the deadline); yellow: working days left (0: today). */
    days: number;
  };

  /** The red and yellow cases (三色预警), most urgent first. */
  async function dueItems(now: Date): Promise<Due[]> {
    const rule = colourRuleOf(d);
    const docs = await Opinion.find({ status: '已交办', deadline: { $lte: yellowUntil(now, rule) } })
      .sort({ deadline: 1, seq: 1, _id: 1 })
      .select({ code: 1, title: 1, unit: 1, status: 1, deadline: 1, deadlineEstimated: 1 })
      .lean<Array<Pick<Opinion, 'code' | 'title' | 'unit' | 'status' | 'deadline' | 'deadlineEstimated'>>>();
    return docs.map((o) => {
      const deadline = o.deadline as Date;
      const colour = colourOf(o, now, rule) === 'red' ? 'red' : 'yellow';
      return {
        code: o.code,
        title: groupSafe(o.title),
        unit: o.unit ?? '',
        deadline,
        shown: formatDeadline(o, tz, rule.calendar),
        colour,
        overdue: colour === 'red',
        days: colour === 'red' ? Math.max(1, redWorkdays(deadline, now, rule)) : workdaysLeft(deadline, now, rule),
      };
    });
  }

  /** Markdown for the office: overdue and soon-due opinions by unit, oldest first; null when there are none. */
  async function overdueReport(now: Date): Promise<string | null> {
    const items = await dueItems(now);
    if (items.length === 0) return null;
    const byUnit = new Map<string, Due[]>();
    for (const item of items) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
    const overdue = items.filter((i) => i.overdue).length;
    const lines = [
      t('overdueHeader', {
        date: formatDate(now, tz),
        overdue,
        soon: items.length - overdue,
        warnWorkdays: d.config.colours.warnWorkdays,
      }),
    ];
    for (const [unit, list] of byUnit) {
      lines.push(t('overdueUnit', { unit: groupSafe(unit) }));
      for (const i of list)
        lines.push(
          t('overdueLine', { code: i.code, title: i.title, deadline: i.shown, days: i.days, overdue: i.overdue }),
        );
    }
    lines.push(t('overdueFooter'));
    return lines.join('\n');
  }

  type OverdueSummary = { count: number; oldest?: { code: string; title: string; overdueDays: number } };
  type Row = Record<string, unknown>;

  /** Pipeline stages: how many assigned opinions are past their deadline, and the longest overdue one. */
  const overdueMatch = (now: Date) => ({ status: '已交办', deadline: { $lt: now } });
  const periodMatch = (from: Date, to: Date) => ({ lastEventAt: { $gte: from }, filedAt: { $lt: to } });
  const filedMatch = (w: { from: Date; to: Date }) => ({ filedAt: { $gte: w.from, $lt: w.to } });

  function overduePipeline(now: Date): PipelineStage.FacetPipelineStage[] {
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

  function overdueFrom(row: Row | undefined, now: Date): OverdueSummary {
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

  /** For the weekly digest: how many are overdue and the longest overdue one (title masked and group-safe). */
  async function overdueSummary(now: Date): Promise<OverdueSummary> {
    const [row] = await Opinion.aggregate<Row>(overduePipeline(now));
    return overdueFrom(row, now);
  }

  /**
   * Timeline steps in [from, to), counted by action (filed also by category, rated also by rating).
   * $match on the indexed lastEventAt narrows to opinions touched since `from`.
   */
  function periodPipeline(from: Date, to: Date): PipelineStage.FacetPipelineStage[] {
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

  function periodFrom(rows: Row[]): PeriodStats {
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
      else if (key.action === 'rated' && key.rating && key.rating in out.ratings)
        out.ratings[key.rating as Rating] += n;
    }
    return out;
  }

  /** Steps that happened in [from, to), read from the timelines. */
  async function periodStats(from: Date, to: Date): Promise<PeriodStats> {
    return periodFrom(await Opinion.aggregate<Row>(periodPipeline(from, to)));
  }

  function yearWindow(year: number): { from: Date; to: Date } {
    return {
      from: fromWallTime({ year, month: 1, day: 1 }, tz),
      to: fromWallTime({ year: year + 1, month: 1, day: 1 }, tz),
    };
  }

  /** Per-status counts (with ratings) of opinions filed in [from, to) (the indexed filedAt): the rates' input. */
  function ratesPipeline(w: { from: Date; to: Date }): PipelineStage.FacetPipelineStage[] {
    return [{ $match: filedMatch(w) }, { $group: { _id: '$status', n: { $sum: 1 }, ...rateAccumulators() } }];
  }

  const statusRows = (rows: Row[]): StatusCounts[] =>
    rows.map((r) => ({
      status: String(r._id),
      n: r.n as number,
      rated: r.rated as number,
      satisfied: r.satisfied as number,
      resolved: r.resolved as number,
    }));

  /** Rates over opinions filed in that (Beijing) year. */
  async function yearRates(year: number): Promise<Rates> {
    return ratesFromStatusCounts(statusRows(await Opinion.aggregate<Row>(ratesPipeline(yearWindow(year)))));
  }

  /**
   * The digest's three opinion figures in one round trip: the union of the three indexed matches
   * first, then a $facet applies each part's own match to that (much smaller) set.
   */
  async function digestFigures(p: {
    now: Date;
    from: Date;
    to: Date;
    year: number;
  }): Promise<{ lastWeek: PeriodStats; overdue: OverdueSummary; rates: Rates }> {
    const w = yearWindow(p.year);
    const [period, overdue, rates] = [periodPipeline(p.from, p.to), overduePipeline(p.now), ratesPipeline(w)];
    const [facets] = await Opinion.aggregate<{ period: Row[]; overdue: Row[]; rates: Row[] }>([
      { $match: { $or: [periodMatch(p.from, p.to), overdueMatch(p.now), filedMatch(w)] } },
      { $facet: { period: period, overdue: overdue, rates: rates } },
    ]);
    return {
      lastWeek: periodFrom(facets?.period ?? []),
      overdue: overdueFrom(facets?.overdue[0], p.now),
      rates: ratesFromStatusCounts(statusRows(facets?.rates ?? [])),
    };
  }

  /**
   * 统计: opinions filed in the period, by state, category and unit, with the three rates. One read: a
   * $group by (status, category) gives states, categories and the rates' counts; the units branch
   * unwinds only the rounds (a projection first keeps the unwound copies small).
   */
  async function stats(period: { from: Date; to: Date }, now: Date): Promise<OpinionStats> {
    const [facets] = await Opinion.aggregate<{ rows: Row[]; units: Row[] }>([
      { $match: filedMatch(period) },
      {
        $facet: {
          rows: [
            { $group: { _id: { status: '$status', category: '$category' }, n: { $sum: 1 }, ...rateAccumulators() } },
          ],
          units: unitPipeline(now),
        },
      },
    ]);
    const rows = (facets?.rows ?? []).map((r) => ({
      ...(r._id as { status: string; category: string }),
      n: r.n as number,
      rated: r.rated as number,
      satisfied: r.satisfied as number,
      resolved: r.resolved as number,
    }));
    const sum = (pick: (r: (typeof rows)[number]) => string, key: string) =>
      rows.filter((r) => pick(r) === key).reduce((n, r) => n + r.n, 0);
    const byStatus: Record<string, number> = {};
    for (const s of OPINION_STATUSES) if (sum((r) => r.status, s)) byStatus[s] = sum((r) => r.status, s);
    // Configured categories first (in their order), then any others by name.
    const byCategory: Record<string, number> = {};
    const others = [...new Set(rows.map((r) => r.category))].sort((a, b) => a.localeCompare(b, 'zh'));
    for (const name of [...Object.keys(d.config.categories), ...others])
      if (!(name in byCategory) && sum((r) => r.category, name)) byCategory[name] = sum((r) => r.category, name);
    const units = (facets?.units ?? []).map((r) => ({
      unit: String(r._id),
      assigned: r.assigned as number,
      answeredOnTime: r.answeredOnTime as number,
      overdue: r.overdue as number,
    }));
    return {
      total: rows.reduce((n, r) => n + r.n, 0),
      byStatus,
      byCategory,
      units: sortUnits(units),
      rates: ratesFromStatusCounts(rows),
    };
  }

  return { dueItems, overdueReport, overdueSummary, periodStats, yearRates, digestFigures, stats };
}

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
