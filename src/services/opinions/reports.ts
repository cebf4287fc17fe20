import { t } from '../../messages';
import { OPINION_STATUSES, type Rating } from '../../models/opinion';
import { toHalfWidth } from '../../text/normalize';
import { formatDate } from '../../time/format';
import { fromWallTime, wallTime } from '../../time/zone';
import { groupSafe } from '../../text/group-safe';
import { dueSoonHorizon } from './due';
import { calendarDaysBetween } from './queries';
import { formatDeadline, type Opinion, type OpinionDeps } from './opinion-steps';
import { computeRates, type Rates } from './rates';

export interface StatsPeriod {
  from: Date;
  to: Date;
  label: string;
}

/** `本年`/`今年`/empty, `本月`, `去年`, `上月`, or a year (`2025`, `2025年`); undefined when not understood. */
export function parseStatsPeriod(text: string, now: Date, tz: string): StatsPeriod | undefined {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const today = wallTime(now, tz);
  const year = (y: number): StatsPeriod => ({ from: fromWallTime({ year: y, month: 1, day: 1 }, tz), to: fromWallTime({ year: y + 1, month: 1, day: 1 }, tz), label: t('statsLabelYear', { year: y }) });
  const month = (y: number, m: number): StatsPeriod => {
    const next = m === 12 ? { year: y + 1, month: 1 } : { year: y, month: m + 1 };
    return { from: fromWallTime({ year: y, month: m, day: 1 }, tz), to: fromWallTime({ ...next, day: 1 }, tz), label: t('statsLabelMonth', { year: y, month: m }) };
  };
  if (s === '' || s === '本年' || s === '今年' || s === '本年度') return year(today.year);
  if (s === '去年' || s === '上年') return year(today.year - 1);
  if (s === '本月' || s === '这个月' || s === '这月') return month(today.year, today.month);
  if (s === '上月' || s === '上个月') return today.month === 1 ? month(today.year - 1, 12) : month(today.year, today.month - 1);
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

  type Due = { code: string; title: string; unit: string; deadline: Date; shown: string; overdue: boolean; days: number };

  async function dueItems(now: Date): Promise<Due[]> {
    const horizon = dueSoonHorizon(now, d.config.tunables.dueSoonDays, tz);
    const docs = await Opinion.find({ status: '已交办', deadline: { $lte: horizon } })
      .sort({ deadline: 1, seq: 1 })
      .select({ code: 1, title: 1, unit: 1, deadline: 1, deadlineEstimated: 1 })
      .lean<Array<Pick<Opinion, 'code' | 'title' | 'unit' | 'deadline' | 'deadlineEstimated'>>>();
    const calendar = d.calendar();
    return docs.map((o) => {
      const deadline = o.deadline as Date;
      const overdue = deadline.getTime() < now.getTime();
      const days = overdue ? Math.max(1, calendarDaysBetween(deadline, now, tz)) : calendarDaysBetween(now, deadline, tz);
      return { code: o.code, title: groupSafe(o.title), unit: o.unit ?? '', deadline, shown: formatDeadline(o, tz, calendar), overdue, days };
    });
  }

  /** Markdown for the office: overdue and soon-due opinions by unit, oldest first; null when there are none. */
  async function overdueReport(now: Date): Promise<string | null> {
    const items = await dueItems(now);
    if (items.length === 0) return null;
    const byUnit = new Map<string, Due[]>();
    for (const item of items) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
    const overdue = items.filter((i) => i.overdue).length;
    const lines = [t('overdueHeader', { date: formatDate(now, tz), overdue, soon: items.length - overdue, soonDays: d.config.tunables.dueSoonDays })];
    for (const [unit, list] of byUnit) {
      lines.push(t('overdueUnit', { unit: groupSafe(unit) }));
      for (const i of list) lines.push(t('overdueLine', { code: i.code, title: i.title, deadline: i.shown, days: i.days, overdue: i.overdue }));
    }
    lines.push(t('overdueFooter'));
    return lines.join('\n');
  }

  /** For the weekly digest: how many are overdue and the longest overdue one (title masked and group-safe). */
  async function overdueSummary(now: Date): Promise<{ count: number; oldest?: { code: string; title: string; overdueDays: number } }> {
    const overdue = (await dueItems(now)).filter((i) => i.overdue);
    const first = overdue[0];
    return { count: overdue.length, oldest: first ? { code: first.code, title: first.title, overdueDays: first.days } : undefined };
  }

  /** Steps that happened in [from, to), read from the timelines. */
  async function periodStats(from: Date, to: Date): Promise<PeriodStats> {
    const docs = await Opinion.find({ lastEventAt: { $gte: from }, filedAt: { $lt: to } })
      .select({ category: 1, timeline: 1 })
      .lean<Array<Pick<Opinion, 'category' | 'timeline'>>>();
    const out: PeriodStats = { filed: 0, byCategory: {}, assigned: 0, answered: 0, closed: 0, ratings: { 满意: 0, 基本满意: 0, 不满意: 0 } };
    for (const o of docs) {
      for (const e of o.timeline) {
        if (e.at < from || e.at >= to) continue;
        if (e.action === 'filed') {
          out.filed += 1;
          out.byCategory[o.category] = (out.byCategory[o.category] ?? 0) + 1;
        } else if (e.action === 'assigned') out.assigned += 1;
        else if (e.action === 'answered') out.answered += 1;
        else if (e.action === 'closed') out.closed += 1;
        else if (e.action === 'rated' && e.rating) out.ratings[e.rating as Rating] += 1;
      }
    }
    return out;
  }

  async function filedBetween(from: Date, to: Date): Promise<Opinion[]> {
    return Opinion.find({ filedAt: { $gte: from, $lt: to } }).select({ timeline: 0, content: 0 }).lean<Opinion[]>();
  }

  /** Rates over opinions filed in that (Beijing) year. */
  async function yearRates(year: number): Promise<Rates> {
    const from = fromWallTime({ year, month: 1, day: 1 }, tz);
    const to = fromWallTime({ year: year + 1, month: 1, day: 1 }, tz);
    return computeRates(await filedBetween(from, to));
  }

  /** 统计: opinions filed in the period, by state, category and unit, with the three rates. */
  async function stats(period: { from: Date; to: Date }, now: Date): Promise<OpinionStats> {
    const docs = await filedBetween(period.from, period.to);
    const byStatus: Record<string, number> = {};
    for (const s of OPINION_STATUSES) {
      const n = docs.filter((o) => o.status === s).length;
      if (n) byStatus[s] = n;
    }
    const byCategory: Record<string, number> = {};
    for (const name of [...Object.keys(d.config.categories), ...docs.map((o) => o.category)]) {
      const n = docs.filter((o) => o.category === name).length;
      if (n) byCategory[name] = n;
    }
    return { total: docs.length, byStatus, byCategory, units: unitStats(docs, now), rates: computeRates(docs) };
  }

  return { dueItems, overdueReport, overdueSummary, periodStats, yearRates, stats };
}

/** Per unit, over every handling round: assigned, answered by the deadline, and late or still overdue. */
export function unitStats(docs: ReadonlyArray<Pick<Opinion, 'status' | 'rounds'>>, now: Date): UnitStats[] {
  const map = new Map<string, UnitStats>();
  for (const o of docs) {
    if (o.status === '已退回' || o.status === '已撤回') continue;
    for (const r of o.rounds) {
      const s = map.get(r.unit) ?? { unit: r.unit, assigned: 0, answeredOnTime: 0, overdue: 0 };
      s.assigned += 1;
      const deadline = r.deadline.getTime();
      if (r.answeredAt) {
        if (r.answeredAt.getTime() <= deadline) s.answeredOnTime += 1;
        else s.overdue += 1;
      } else if (now.getTime() > deadline) s.overdue += 1;
      map.set(r.unit, s);
    }
  }
  return [...map.values()].sort((a, b) => b.assigned - a.assigned || a.unit.localeCompare(b.unit, 'zh'));
}
