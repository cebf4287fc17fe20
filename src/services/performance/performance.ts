import type { Config } from '../../../config';
import type { Clock } from '../../clock';
import { UserError } from '../../errors';
import type { Models } from '../../models';
import { fromWallTime, yearOf } from '../../time/zone';
import type { Attendance } from '../events';
import { hasAnyFigure, type OpinionFacts, type PerformanceRecord, type StudyFacts, summarizePerformance } from './summary';
import type { RosterEntry, Roster } from '../roster';

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

type OpinionRow = { code: string; title: string; source: string; status: string; rating?: string | null; filer: string; filedAt: Date; timeline?: Array<{ action: string; by: string; at: Date }> };
type StudyRow = { code: string; title: string; pushedAt?: Date | null; learned?: Array<{ userid: string; at: Date }> };

/**
 * Deputies' performance records (履职). Contracts other features rely on:
 * - recordFor(userid, year): one deputy's figures and itemised list for a year (Beijing calendar year).
 * - register(year): every deputy's record for the year (performance register export).
 * Both go through summarizePerformance, so the same year gives the same figures everywhere.
 */
export function createPerformance(d: PerformanceDeps) {
  const { Opinion, StudyItem } = d.models;
  const tz = d.config.timezone;

  function windowOf(year: number): { from: Date; to: Date } {
    return { from: fromWallTime({ year, month: 1, day: 1 }, tz), to: fromWallTime({ year: year + 1, month: 1, day: 1 }, tz) };
  }

  /** Refuses a year before records began or after the current one. */
  function checkYear(year: number): void {
    const current = yearOf(d.clock.now(), tz);
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > current) throw new UserError('performanceBadYear', { year: String(year), current });
  }

  async function loadOpinions(filter: Record<string, unknown>, w: { from: Date; to: Date }): Promise<OpinionFacts[]> {
    // Anything filed before the year's end and touched since its start: filed or co-signed in the year.
    const docs = await Opinion.find({ ...filter, filedAt: { $lt: w.to }, lastEventAt: { $gte: w.from } })
      .select({ content: 0, rounds: 0, answer: 0 })
      .lean<OpinionRow[]>();
    return docs.map((o) => ({
      code: o.code, title: o.title, source: o.source, status: o.status, rating: o.rating, filer: o.filer, filedAt: o.filedAt,
      cosigns: (o.timeline ?? []).filter((e) => e.action === 'cosigned').map((e) => ({ userid: e.by, at: e.at })),
    }));
  }

  async function loadStudy(w: { to: Date }): Promise<StudyFacts[]> {
    const docs = await StudyItem.find({ createdAt: { $lt: w.to } }).select({ code: 1, title: 1, pushedAt: 1, learned: 1 }).lean<StudyRow[]>();
    return docs.map((s) => ({ code: s.code, title: s.title, pushedAt: s.pushedAt, learned: s.learned ?? [] }));
  }

  async function summarize(deputy: { userid: string; name: string }, year: number, opinions: OpinionFacts[], study: StudyFacts[]): Promise<PerformanceRecord> {
    const w = windowOf(year);
    const attendance = await d.attendanceFor(deputy.userid, year);
    return summarizePerformance({ ...deputy, year, ...w, now: d.clock.now(), opinions, attendance, study, activityTypes: d.config.tunables.activityTypes });
  }

  async function recordFor(userid: string, year: number): Promise<PerformanceRecord> {
    checkYear(year);
    const w = windowOf(year);
    const name = (await d.roster.namesOf([userid])).get(userid) ?? userid;
    const opinions = await loadOpinions({ $or: [{ filer: userid }, { cosigners: userid }] }, w);
    return summarize({ userid, name }, year, opinions, await loadStudy(w));
  }

  /** Active deputies who are not office staff, plus anyone else with a figure that year; by name. */
  async function register(year: number): Promise<RegisterEntry[]> {
    checkYear(year);
    const w = windowOf(year);
    const [deputies, opinions, study] = [await d.roster.list(), await loadOpinions({}, w), await loadStudy(w)];
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

  return { recordFor, register, windowOf };
}

export type Performance = ReturnType<typeof createPerformance>;
