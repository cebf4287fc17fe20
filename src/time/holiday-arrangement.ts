import { toHalfWidth } from '../text/normalize';
import type { YearArrangement } from './holiday-calendar';
import { addDaysYmd, compareYmd, isValidYmd, weekdayOfYmd, ymdKey, type Ymd } from './zone';

// How the office types a year's arrangement, e.g. `休：1月1日-1月3日，2月15日-2月23日 班：2月14日，2月28日`.
// Forgiving on purpose: 放假/休息/休 and 上班/补班/调休上班/班, with or without a colon; dates as
// 1月1日, 1.1 or 1/1 (optionally with the year); ranges with - — ~ 至 到, the end may omit the month.

export type ArrangementProblem =
  | { kind: 'empty' }
  | { kind: 'bad_date'; text: string }
  | { kind: 'other_year'; text: string; year: number }
  | { kind: 'reversed'; text: string }
  | { kind: 'too_long'; text: string; max: number }
  | { kind: 'both'; days: string[] }
  | { kind: 'stray'; text: string };

export type ArrangementResult = { ok: true; arrangement: YearArrangement } | { ok: false; problem: ArrangementProblem };

/** A single range longer than this is almost surely a typo (the longest holiday is about nine days). */
export const MAX_RANGE_DAYS = 31;

const SECTION = /(调休上班|补班|上班|放假|休息|班|休)\s*:?/g;
const ITEM_SEPARATOR = /[,、;。\s]+/;
const RANGE = /^(.+?)(?:-|—|–|~|至|到)(.+)$/;
const FULL_DATE = /^(?:(\d{4})(?:年|[./-]))?(\d{1,2})(?:月|[./])(\d{1,2})[日号]?$/;
const DAY_ONLY = /^(\d{1,2})[日号]?$/;

/** Parses `休：… 班：…` for one year and validates it (see validateArrangement). */
export function parseArrangement(year: number, text: string): ArrangementResult {
  const norm = toHalfWidth(text)
    .replace(/[～〜]/g, '~')
    // ISO dates (as a file may hold them) become 年月日 so their dashes cannot read as ranges.
    .replace(
      /(\d{4})-(\d{1,2})-(\d{1,2})/g,
      (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
    )
    .replace(/\s*(-|—|–|~|至|到)\s*/g, '$1')
    .trim();
  const sections: Array<{ kind: 'off' | 'on'; body: string }> = [];
  const marks = [...norm.matchAll(SECTION)];
  const before = norm.slice(0, marks[0]?.index ?? norm.length).trim();
  if (before) return { ok: false, problem: { kind: 'stray', text: before.slice(0, 20) } };
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? norm.length;
    sections.push({ kind: /班/.test(m[1] ?? '') ? 'on' : 'off', body: norm.slice(start, end) });
  });
  const off: string[] = [];
  const on: string[] = [];
  for (const section of sections) {
    for (const item of section.body.split(ITEM_SEPARATOR).filter(Boolean)) {
      const days = parseItem(year, item);
      if (!Array.isArray(days)) return { ok: false, problem: days };
      (section.kind === 'off' ? off : on).push(...days.map(ymdKey));
    }
  }
  return validateArrangement({ year, off, on });
}

function parseItem(year: number, item: string): Ymd[] | ArrangementProblem {
  const range = RANGE.exec(item);
  const first = parseDay(year, range ? range[1]! : item, undefined);
  if ('kind' in first) return first;
  if (!range) return [first];
  const last = parseDay(year, range[2]!, first.month);
  if ('kind' in last) return last;
  if (compareYmd(last, first) < 0) return { kind: 'reversed', text: item };
  const days: Ymd[] = [];
  for (let d = first; compareYmd(d, last) <= 0; d = addDaysYmd(d, 1)) {
    days.push(d);
    if (days.length > MAX_RANGE_DAYS) return { kind: 'too_long', text: item, max: MAX_RANGE_DAYS };
  }
  return days;
}

function parseDay(year: number, text: string, monthOfRange: number | undefined): Ymd | ArrangementProblem {
  const t = text.trim();
  const full = FULL_DATE.exec(t);
  const dayOnly = monthOfRange !== undefined ? DAY_ONLY.exec(t) : null;
  if (!full && !dayOnly) return { kind: 'bad_date', text: t };
  const y = full?.[1] ? Number(full[1]) : year;
  const month = full ? Number(full[2]) : monthOfRange!;
  const day = Number(full ? full[3] : dayOnly![1]);
  if (y !== year) return { kind: 'other_year', text: t, year };
  if (!isValidYmd(y, month, day)) return { kind: 'bad_date', text: t };
  return { year: y, month, day };
}

/**
 * Every date inside the year, none both off and on, at least one date; duplicates dropped, sorted.
 * The same check guards the office's entry and a file under config/holidays/.
 */
export function validateArrangement(a: YearArrangement): ArrangementResult {
  const key = /^(\d{4})-(\d{2})-(\d{2})$/;
  for (const d of [...a.off, ...a.on]) {
    const m = key.exec(d);
    if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])))
      return { ok: false, problem: { kind: 'bad_date', text: d } };
    if (Number(m[1]) !== a.year) return { ok: false, problem: { kind: 'other_year', text: d, year: a.year } };
  }
  const off = [...new Set(a.off)].sort();
  const on = [...new Set(a.on)].sort();
  if (off.length === 0 && on.length === 0) return { ok: false, problem: { kind: 'empty' } };
  const onSet = new Set(on);
  const both = off.filter((d) => onSet.has(d));
  if (both.length) return { ok: false, problem: { kind: 'both', days: both } };
  return { ok: true, arrangement: { year: a.year, off, on } };
}

/** Consecutive days folded into ranges, for showing: [['2027-01-01','2027-01-03'], ['2027-02-14']]. */
export function foldRanges(days: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const d of [...days].sort()) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && ymdKey(addDaysYmd(toYmd(prev), 1)) === d) last[1] = d;
    else out.push([d]);
  }
  return out;
}

/** Make-up working days that fall on a weekday anyway (worth a second look, not an error). */
export function weekdayMakeUps(a: YearArrangement): string[] {
  return a.on.filter((d) => weekdayOfYmd(toYmd(d)) <= 5);
}

export function toYmd(key: string): Ymd {
  const [year, month, day] = key.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}
