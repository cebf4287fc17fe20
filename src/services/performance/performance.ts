import type { Config } from '../../../config';
import type { Clock } from '../../clock';
import { refuse } from '../../refusals';
import type { Models } from '../../models';
import { fromWallTime, yearOf } from '../../time/zone';
import type { Attendance } from '../events';
import {
  hasAnyFigure,
  type OpinionFacts,
  type PerformanceRecord,
  type StudyFacts,
  summarizePerformance,
} from './summary';
import type { RosterEntry, Roster } from '../roster';
import { draftReport } from './report-draft';
import { loadOpinionFacts, loadStudyFacts } from './facts';
import { type ScoreCard, scoreRecord } from './score';

export interface PerformanceDeps {
  models: Models;
  config: Config;
  clock: Clock;
  roster: Roster;
  /** The events service's contract for one deputy's activities, meetings and shifts. */
  attendanceFor: (userid: string, year: number) => Promise<Attendance>;
}

export interface RegisterEntry {
  deputy: RosterEntry;
  record: PerformanceRecord;
}

/** The earliest year any record or export may ask for. */
export const FIRST_YEAR = 2000;
// Parallel attendance reads for the register: enough to overlap round trips, few enough for a small server.
const REGISTER_CONCURRENCY = 4;

/**
 * Deputies' performance records (履职). Contracts other features rely on:
 * - recordFor(userid, year): one deputy's figures and itemised list for a year (Beijing calendar year).
 * - register(year): every deputy's record for the year (performance register export).
 * Both go through summarizePerformance, so the same year gives the same figures everywhere. The facts are read
 * by facts.ts (one aggregation each for opinions and study).
 */
export function createPerformance(d: PerformanceDeps) {
  const { Opinion, StudyItem } = d.models;
  const tz = d.config.timezone;

  function windowOf(year: number): { from: Date; to: Date } {
    return {
      from: fromWallTime({ year, month: 1, day: 1 }, tz),
      to: fromWallTime({ year: year + 1, month: 1, day: 1 }, tz),
    };
  }

  /** Refuses a year before records began or after the current one. */
  function checkYear(year: number): void {
    const current = yearOf(d.clock.now(), tz);
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > current)
      refuse('records.badYear', { year, from: FIRST_YEAR, current });
  }

  async function summarize(
    deputy: { userid: string; name: string },
    year: number,
    opinions: OpinionFacts[],
    study: StudyFacts[],
  ): Promise<PerformanceRecord> {
    const w = windowOf(year);
    const attendance = await d.attendanceFor(deputy.userid, year);
    return summarizePerformance({
      ...deputy,
      year,
      ...w,
      now: d.clock.now(),
      opinions,
      attendance,
      study,
      activityTypes: d.config.tunables.activityTypes,
    });
  }

  async function recordFor(userid: string, year: number): Promise<PerformanceRecord> {
    checkYear(year);
    const w = windowOf(year);
    const name = (await d.roster.namesOf([userid])).get(userid) ?? userid;
    const [opinions, study] = await Promise.all([
      loadOpinionFacts(Opinion, { $or: [{ filer: userid }, { cosigners: userid }] }, w, userid),
      loadStudyFacts(StudyItem, w, userid),
    ]);
    return summarize({ userid, name }, year, opinions, study);
  }

  /** Active deputies who are not office staff, plus anyone else with a figure that year; by name. */
  async function register(year: number): Promise<RegisterEntry[]> {
    checkYear(year);
    const w = windowOf(year);
    const [deputies, opinions, study] = [
      await d.roster.list(),
      await loadOpinionFacts(Opinion, {}, w),
      await loadStudyFacts(StudyItem, w),
    ];
    const out: RegisterEntry[] = [];
    for (let i = 0; i < deputies.length; i += REGISTER_CONCURRENCY) {
      const batch = deputies.slice(i, i + REGISTER_CONCURRENCY);
      const records = await Promise.all(batch.map((dep) => summarize(dep, year, opinions, study)));
      batch.forEach((deputy, j) => {
        const record = records[j]!;
        if ((deputy.active && !deputy.isOffice) || hasAnyFigure(record)) out.push({ deputy, record });
      });
    }
    return out.sort((a, b) => a.deputy.name.localeCompare(b.deputy.name, 'zh'));
  }

  /** The 述职 draft of one register entry (the pack renders every deputy's from one register read). */
  async function reportOf(e: RegisterEntry): Promise<{ fileName: string; docx: Buffer }> {
    const draft = draftReport(e.record, e.deputy, { timezone: tz, asOf: d.clock.now() });
    // docx is loaded with the first draft: most starts never write one.
    const { renderReportDocx } = await import('./report-docx');
    return { fileName: draft.fileName, docx: await renderReportDocx(draft) };
  }

  /** One deputy's 述职 draft for a year; undefined for a userid the roster has never held. */
  async function reportFor(userid: string, year: number): Promise<{ fileName: string; docx: Buffer } | undefined> {
    checkYear(year);
    const deputy = (await d.roster.list()).find((x) => x.userid === userid);
    if (!deputy) return undefined;
    return reportOf({ deputy, record: await recordFor(userid, year) });
  }

  /** The optional 履职积分 of a record (undefined while PERFORMANCE_SCORE is not set). */
  function scoreOf(r: PerformanceRecord): ScoreCard | undefined {
    return d.config.performanceScore ? scoreRecord(r, d.config.performanceScore, tz) : undefined;
  }

  return { recordFor, register, windowOf, checkYear, reportFor, reportOf, scoreOf };
}

export type Performance = ReturnType<typeof createPerformance>;
