import { normalizeCommandText } from '../text/normalize';
import { bundledCalendar, type HolidayCalendar } from './holiday-calendar';
import { parseChineseNumber, parseWhen } from './parse-time';
import { addWorkdays, endOfYmd } from './workdays';
import { DEFAULT_TZ, addDaysYmd, daysInMonth, endOfDay, wallTime, type Ymd } from './zone';

// Deadlines typed in Chinese, read at a door (the chat): services take the typed result, never the words.

/** What the words said: working days (counted on the official calendar by the service) or a moment. */
export type DeadlineWords = { workdays: number } | { date: Date };

type Failure =
  { ok: false; reason: 'empty' | 'unrecognized' | 'invalid_date' } | { ok: false; reason: 'past'; date: Date };

export type DeadlineWordsResult = { ok: true; deadline: DeadlineWords } | Failure;
export type DeadlineResult = { ok: true; date: Date; usedFallback: boolean } | Failure;

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

/**
 * A deadline typed by a person: `15个工作日` (working days, left for the official calendar), `30天`, `2周`,
 * `1个月`, or a date (end of that day unless a time is given). A moment already past is refused.
 */
export function parseDeadlineWords(text: string, opts: { now: Date; tz?: string }): DeadlineWordsResult {
  const tz = opts.tz ?? DEFAULT_TZ;
  const norm = normalizeCommandText(text);
  if (norm === '') return { ok: false, reason: 'empty' };
  const result = parseRelative(norm, opts.now, tz) ?? parseDateDeadline(norm, opts.now, tz);
  if (result.ok && 'date' in result.deadline && result.deadline.date.getTime() < opts.now.getTime())
    return { ok: false, reason: 'past', date: result.deadline.date };
  return result;
}

/** The same words resolved to a moment on the given calendar (the event forms' signup deadline). */
export function parseDeadline(
  text: string,
  opts: { now: Date; tz?: string; calendar?: HolidayCalendar },
): DeadlineResult {
  const tz = opts.tz ?? DEFAULT_TZ;
  const r = parseDeadlineWords(text, opts);
  if (!r.ok) return r;
  if ('date' in r.deadline) return { ok: true, date: r.deadline.date, usedFallback: false };
  return { ok: true, ...addWorkdays(opts.now, r.deadline.workdays, tz, opts.calendar ?? bundledCalendar) };
}

function parseRelative(norm: string, now: Date, tz: string): DeadlineWordsResult | null {
  for (const { re, unit, max } of RELATIVE) {
    const m = re.exec(norm);
    if (!m) continue;
    const n = parseChineseNumber(m[1] ?? '');
    if (n === null || n < 1) return { ok: false, reason: 'unrecognized' };
    if (n > max) return { ok: false, reason: 'invalid_date' };
    if (unit === 'workday') return { ok: true, deadline: { workdays: n } };
    const today: Ymd = wallTime(now, tz);
    const target = unit === 'month' ? addMonthsClamped(today, n) : addDaysYmd(today, unit === 'week' ? n * 7 : n);
    return { ok: true, deadline: { date: endOfYmd(target, tz) } };
  }
  return null;
}

function parseDateDeadline(norm: string, now: Date, tz: string): DeadlineWordsResult {
  const parsed = parseWhen(norm, { now, tz });
  if (!parsed.ok) return parsed;
  // The whole value must be the date (plus 前/为止); "12月1日左右" is not a deadline.
  const rest = norm.slice(norm.indexOf(parsed.matched) + parsed.matched.length).trim();
  if (!DATE_SUFFIX.test(rest)) return { ok: false, reason: 'unrecognized' };
  return { ok: true, deadline: { date: parsed.hasTime ? parsed.date : endOfDay(parsed.date, tz) } };
}

/** Same day-of-month n months later, clamped to the month's last day (1月31日 + 1个月 = 2月28日). */
function addMonthsClamped(ymd: Ymd, months: number): Ymd {
  const index = ymd.month - 1 + months;
  const year = ymd.year + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(ymd.day, daysInMonth(year, month)) };
}
