import { normalizeCommandText } from '../text/normalize';
import { bundledCalendar, type HolidayCalendar } from './holiday-calendar';
import { parseChineseNumber, parseWhen } from './parse-time';
import {
  DEFAULT_TZ,
  addDaysYmd,
  daysInMonth,
  endOfDay,
  fromWallTime,
  wallTime,
  weekdayOfYmd,
  ymdKey,
  type Ymd,
} from './zone';

// Pure arithmetic over an official calendar passed in; callers pass the deployment's calendar
// (entered years in front of the bundled data), tests may pass their own.

export type DeadlineResult =
  | { ok: true; date: Date; usedFallback: boolean }
  | { ok: false; reason: 'empty' | 'unrecognized' | 'invalid_date' | 'past' };

/** Whether the official calendar (holidays and make-up days) knows this year. */
export function isCalendarCovered(year: number, calendar: HolidayCalendar = bundledCalendar): boolean {
  return calendar.covers(year);
}

/** Working day per the official calendar; weekends-only for years it does not cover. */
export function isWorkday(date: Date, tz: string, calendar: HolidayCalendar = bundledCalendar): boolean {
  return isWorkdayYmd(wallTime(date, tz), calendar);
}

function isWorkdayYmd(ymd: Ymd, calendar: HolidayCalendar): boolean {
  const type = calendar.dayType(ymdKey(ymd));
  if (type !== undefined) return type === 'work';
  return weekdayOfYmd(ymd) <= 5;
}

/**
 * End (23:59:59.999 in tz) of the n-th working day after start's day; n = 0 is the end of start's day.
 * usedFallback: some counted day lies in a year the calendar does not know (weekends only, an estimate).
 */
export function addWorkdays(
  start: Date,
  n: number,
  tz: string,
  calendar: HolidayCalendar = bundledCalendar,
): { date: Date; usedFallback: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays: n must be a non-negative integer, got ${n}`);
  let day: Ymd = wallTime(start, tz);
  let usedFallback = false;
  for (let counted = 0; counted < n;) {
    day = addDaysYmd(day, 1);
    if (!calendar.covers(day.year)) usedFallback = true;
    if (isWorkdayYmd(day, calendar)) counted += 1;
  }
  return { date: endOfYmd(day, tz), usedFallback };
}

const N = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,3})';
const WITHIN = '(?:内|之内|以内|后|以后|之后)?';
const RELATIVE: Array<{ re: RegExp; unit: 'workday' | 'day' | 'week' | 'month'; max: number }> = [
  { re: new RegExp(`^${N}\\s*个?\\s*工作日${WITHIN}$`), unit: 'workday', max: 1000 },
  { re: new RegExp(`^${N}\\s*[天日]${WITHIN}$`), unit: 'day', max: 3660 },
  { re: new RegExp(`^${N}\\s*个?\\s*(?:周|星期|礼拜)${WITHIN}$`), unit: 'week', max: 520 },
  // 个 is required: "3月" alone names March, not three months.
  { re: new RegExp(`^${N}\\s*个\\s*月${WITHIN}$`), unit: 'month', max: 120 },
];
const DATE_SUFFIX = /^(?:前|之前|以前|为止|止)?$/;

/** A deadline typed by a person: `15个工作日`, `30天`, `2周`, `1个月`, or a date (end of that day unless a time is given). */
export function parseDeadline(
  text: string,
  opts: { now: Date; tz?: string; calendar?: HolidayCalendar },
): DeadlineResult {
  const tz = opts.tz ?? DEFAULT_TZ;
  const calendar = opts.calendar ?? bundledCalendar;
  const norm = normalizeCommandText(text);
  if (norm === '') return { ok: false, reason: 'empty' };
  const relative = parseRelative(norm, opts.now, tz, calendar);
  const result = relative ?? parseDateDeadline(norm, opts.now, tz);
  if (result.ok && result.date.getTime() < opts.now.getTime()) return { ok: false, reason: 'past' };
  return result;
}

function parseRelative(norm: string, now: Date, tz: string, calendar: HolidayCalendar): DeadlineResult | null {
  for (const { re, unit, max } of RELATIVE) {
    const m = re.exec(norm);
    if (!m) continue;
    const n = parseChineseNumber(m[1] ?? '');
    if (n === null || n < 1) return { ok: false, reason: 'unrecognized' };
    if (n > max) return { ok: false, reason: 'invalid_date' };
    if (unit === 'workday') return { ok: true, ...addWorkdays(now, n, tz, calendar) };
    const today: Ymd = wallTime(now, tz);
    const target = unit === 'month' ? addMonthsClamped(today, n) : addDaysYmd(today, unit === 'week' ? n * 7 : n);
    return { ok: true, date: endOfYmd(target, tz), usedFallback: false };
  }
  return null;
}

function parseDateDeadline(norm: string, now: Date, tz: string): DeadlineResult {
  const parsed = parseWhen(norm, { now, tz });
  if (!parsed.ok) return parsed;
  // The whole value must be the date (plus 前/为止); "12月1日左右" is not a deadline.
  const rest = norm.slice(norm.indexOf(parsed.matched) + parsed.matched.length).trim();
  if (!DATE_SUFFIX.test(rest)) return { ok: false, reason: 'unrecognized' };
  const date = parsed.hasTime ? parsed.date : endOfDay(parsed.date, tz);
  return { ok: true, date, usedFallback: false };
}

/** Same day-of-month n months later, clamped to the month's last day (1月31日 + 1个月 = 2月28日). */
function addMonthsClamped(ymd: Ymd, months: number): Ymd {
  const index = ymd.month - 1 + months;
  const year = ymd.year + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(ymd.day, daysInMonth(year, month)) };
}

function endOfYmd(ymd: Ymd, tz: string): Date {
  return fromWallTime(
    { year: ymd.year, month: ymd.month, day: ymd.day, hour: 23, minute: 59, second: 59, millisecond: 999 },
    tz,
  );
}
