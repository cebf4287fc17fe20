import { t } from '../../messages';
import { toHalfWidth } from '../../text/normalize';
import { fromWallTime, wallTime } from '../../time/zone';
import type { OpinionDeps } from './opinion-steps';
import { type Rates, ratesFromStatusCounts } from './rates';
import { createDueReports } from './report-due';
import {
  type OverdueSummary,
  type PeriodStats,
  type Row,
  filedMatch,
  overdueFrom,
  overdueMatch,
  overduePipeline,
  periodFrom,
  periodMatch,
  periodPipeline,
  ratesPipeline,
  statusRows,
  yearWindow,
} from './report-pipelines';
import { statsOf } from './report-stats';

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

/** The opinions' reports: 督办 (report-due.ts), 统计 (report-stats.ts), the digest's figures and the year's rates. */
export function createReports(d: OpinionDeps) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;

  /** For the weekly digest: how many are overdue and the longest overdue one (title masked and group-safe). */
  async function overdueSummary(now: Date): Promise<OverdueSummary> {
    const [row] = await Opinion.aggregate<Row>(overduePipeline(now));
    return overdueFrom(row, now, tz);
  }

  /** Steps that happened in [from, to), read from the timelines. */
  async function periodStats(from: Date, to: Date): Promise<PeriodStats> {
    return periodFrom(await Opinion.aggregate<Row>(periodPipeline(from, to)));
  }

  /** Rates over opinions filed in that (Beijing) year. */
  async function yearRates(year: number): Promise<Rates> {
    return ratesFromStatusCounts(statusRows(await Opinion.aggregate<Row>(ratesPipeline(yearWindow(year, tz)))));
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
    const w = yearWindow(p.year, tz);
    const [period, overdue, rates] = [periodPipeline(p.from, p.to), overduePipeline(p.now), ratesPipeline(w)];
    const [facets] = await Opinion.aggregate<{ period: Row[]; overdue: Row[]; rates: Row[] }>([
      { $match: { $or: [periodMatch(p.from, p.to), overdueMatch(p.now), filedMatch(w)] } },
      { $facet: { period: period, overdue: overdue, rates: rates } },
    ]);
    return {
      lastWeek: periodFrom(facets?.period ?? []),
      overdue: overdueFrom(facets?.overdue[0], p.now, tz),
      rates: ratesFromStatusCounts(statusRows(facets?.rates ?? [])),
    };
  }

  return {
    ...createDueReports(d),
    overdueSummary,
    periodStats,
    yearRates,
    digestFigures,
    stats: (period: { from: Date; to: Date }, now: Date) => statsOf(d, period, now),
  };
}
