import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import { type HolidayList, refuse } from '../../refusals';
import { type ArrangementProblem, parseArrangement, validateArrangement } from '../../time/holiday-arrangement';
import { bundledArrangement, type HolidayCalendar, type YearArrangement } from '../../time/holiday-calendar';
import { addWorkdays } from '../../time/workdays';
import { wallTime } from '../../time/zone';
import { createCalendarCache } from './calendar-cache';

export type ArrangementSource = 'office' | 'file' | 'bundled' | 'none';

export interface ArrangementView {
  year: number;
  source: ArrangementSource;
  arrangement?: YearArrangement;
  updatedAt?: Date;
  updatedByName?: string;
  /** The office's entry hides a file's arrangement for the same year. */
  shadowsFile: boolean;
}

export interface HolidaysOptions {
  models: Models;
  clock: Clock;
  log: Logger;
  timezone: string;
  /** Years from config/holidays/*.json (validated at start). */
  files: readonly YearArrangement[];
  /** Other instances' entries reach this one within this time. */
  refreshMs: number;
  /** The month (1-12) from which a missing next year is worth a warning. */
  warnFromMonth: number;
}

/** How far from this year the office may enter an arrangement (catches 2072 for 2027). */
const YEARS_BACK = 1;
const YEARS_AHEAD = 2;

/**
 * The deployment's official calendar: the office's entries (database) in front of the files in
 * config/holidays/ in front of the bundled chinese-days data. Working-day arithmetic needs it
 * synchronously, so each instance keeps a snapshot, rebuilt on its own writes at once and
 * re-read in the background when older than refreshMs (entries made on another instance); a
 * computation whose result is stored and reaches a year the snapshot lacks reads the entries first (`stored`).
 */
export function createHolidays(o: HolidaysOptions) {
  const { HolidayYear } = o.models;
  const cache = createCalendarCache(o);
  const { calendar } = cache;

  return {
    /** Reads the office's entries; the composition root awaits it before serving. */
    load: cache.refresh,
    calendar,
    /** The calendar as stored now (one read): for a decision that is recorded once, such as a daily job's run. */
    current: cache.read,
    /**
     * The calendar for `workdays` working days from `from` whose result is STORED (a deadline on an
     * opinion or an activity): this copy when it knows every year counted, else read from the database,
     * so a year entered on another instance a moment ago counts. See "Per-instance caches" in
     * docs/architecture.md (why not on every such write).
     */
    async stored(from: Date, workdays: number): Promise<HolidayCalendar> {
      const copy = calendar();
      return addWorkdays(from, workdays, o.timezone, copy).usedFallback ? cache.read() : copy;
    },
    /** Resolves when a background re-read started by calendar() has finished (tests, shutdown). */
    settled: cache.settled,

    /** From warnFromMonth on, next year when nobody has entered its arrangement yet. */
    missingNextYear(now: Date): number | undefined {
      const { year, month } = wallTime(now, o.timezone);
      if (month < o.warnFromMonth) return undefined;
      return calendar().covers(year + 1) ? undefined : year + 1;
    },

    /** The year's arrangement and where it comes from (the office, a file, the bundled data, or none). */
    show: (year: number) => showArrangement(o, year),

    /**
     * 节假日 设置 (chat, parsed at the door) and the console's form: replaces the year's arrangement (one
     * upsert; a retried message writes the same document again). The days are `YYYY-MM-DD`, checked here
     * whoever sent them. Returns the stored arrangement and the open opinions whose deadline in that year
     * was estimated on weekends only (the office may want to adjust them).
     */
    async set(
      year: number,
      days: { off: readonly string[]; on: readonly string[] },
      by: { userid: string; name: string },
      now: Date,
    ): Promise<{ arrangement: YearArrangement; estimated: string[] }> {
      checkYear(year, now);
      const checked = validateArrangement({ year, off: [...days.off], on: [...days.on] });
      if (!checked.ok) refuseArrangement(year, checked.problem, days);
      return store(checked.arrangement, by, now);
    },
  };

  function checkYear(year: number, now: Date): void {
    const current = wallTime(now, o.timezone).year;
    if (year < current - YEARS_BACK || year > current + YEARS_AHEAD)
      refuse('holiday.yearOutOfRange', { year, from: current - YEARS_BACK, to: current + YEARS_AHEAD });
  }

  /** Replaces the year's arrangement (one upsert; a retry writes the same document again). */
  async function store(
    a: YearArrangement,
    by: { userid: string; name: string },
    now: Date,
  ): Promise<{ arrangement: YearArrangement; estimated: string[] }> {
    await HolidayYear.updateOne(
      { year: a.year },
      { $set: { off: a.off, on: a.on, updatedAt: now, updatedBy: by.userid, updatedByName: by.name } },
      { upsert: true },
    );
    await cache.refresh();
    o.log.info({ year: a.year, off: a.off.length, on: a.on.length, by: by.userid }, 'holiday calendar entered');
    return { arrangement: a, estimated: await estimatedDeadlines(o, a.year) };
  }
}

export type Holidays = ReturnType<typeof createHolidays>;

async function showArrangement(o: HolidaysOptions, year: number): Promise<ArrangementView> {
  const file = o.files.find((f) => f.year === year);
  const doc = await o.models.HolidayYear.findOne({ year }).lean();
  if (doc) {
    return {
      year,
      source: 'office',
      arrangement: { year, off: doc.off, on: doc.on },
      updatedAt: doc.updatedAt,
      updatedByName: doc.updatedByName,
      shadowsFile: Boolean(file),
    };
  }
  if (file) return { year, source: 'file', arrangement: file, shadowsFile: false };
  const bundled = bundledArrangement(year);
  return bundled
    ? { year, source: 'bundled', arrangement: bundled, shadowsFile: false }
    : { year, source: 'none', shadowsFile: false };
}

/** Open opinions whose deadline in `year` was estimated on weekends only (no arrangement then). */
async function estimatedDeadlines(o: HolidaysOptions, year: number): Promise<string[]> {
  const from = new Date(Date.UTC(year - 1, 11, 30));
  const to = new Date(Date.UTC(year + 1, 0, 2));
  const docs = await o.models.Opinion.find({
    status: '已交办',
    deadlineEstimated: true,
    deadline: { $gte: from, $lt: to },
  })
    .select({ code: 1, deadline: 1 })
    .sort({ deadline: 1 })
    .limit(200)
    .lean();
  return docs.filter((d) => d.deadline && wallTime(d.deadline, o.timezone).year === year).map((d) => d.code);
}

/** The list holding the offending date; a day in both lists, or none at all, concerns both. */
function listsOf(p: ArrangementProblem, days: { off: readonly string[] }): HolidayList[] {
  if (p.kind === 'both' || p.kind === 'empty') return ['off', 'on'];
  if ('text' in p && days.off.includes(p.text)) return ['off'];
  return ['on'];
}

/** What validateArrangement found, as the use case's refusal (its words are each door's). */
function refuseArrangement(year: number, p: ArrangementProblem, days: { off: readonly string[] }): never {
  const lists = listsOf(p, days);
  switch (p.kind) {
    case 'empty':
      return refuse('holiday.empty', { year, lists });
    case 'both':
      return refuse('holiday.both', { days: p.days, lists });
    case 'other_year':
      return refuse('holiday.otherYear', { text: p.text, year: p.year, lists });
    default:
      // validateArrangement finds nothing else in dates already split into days.
      return refuse('holiday.badDate', { text: 'text' in p ? p.text : '', lists });
  }
}

/**
 * Reads config/holidays/<year>.json: `{ "off": ["1月1日-1月3日", "2027-02-15"], "on": ["2月14日"] }`
 * (the year comes from the file name). A file that does not validate stops the start, naming it.
 */
export async function loadHolidayFiles(dir: string): Promise<YearArrangement[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const years: YearArrangement[] = [];
  for (const name of names.filter((n) => /^\d{4}\.json$/.test(n)).sort()) {
    const file = path.join(dir, name);
    const year = Number(name.slice(0, 4));
    let body: unknown;
    try {
      body = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err });
    }
    const list = (key: 'off' | 'on'): string[] => {
      const v = (body as Record<string, unknown> | null)?.[key] ?? [];
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        throw new Error(`${file}: "${key}" must be a list of dates`);
      return v;
    };
    const off = list('off');
    const on = list('on');
    const parsed = parseArrangement(year, `休：${off.join('，')} 班：${on.join('，')}`);
    const checked = parsed.ok ? validateArrangement(parsed.arrangement) : parsed;
    if (!checked.ok) throw new Error(`${file}: ${describeProblem(checked.problem)}`);
    years.push(checked.arrangement);
  }
  return years;
}

function describeProblem(p: ArrangementProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'no dates';
    case 'both':
      return `both off and on: ${p.days.join(', ')}`;
    case 'other_year':
      return `"${p.text}" is not in ${p.year}`;
    case 'too_long':
      return `range "${p.text}" is longer than ${p.max} days`;
    case 'reversed':
      return `range "${p.text}" ends before it starts`;
    default:
      return `"${p.text}" is not a date`;
  }
}
