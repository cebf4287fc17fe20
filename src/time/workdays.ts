import { bundledCalendar, type HolidayCalendar } from './holiday-calendar';
import { addDaysYmd, compareYmd, fromWallTime, wallTime, weekdayOfYmd, ymdKey, type Ymd } from './zone';

// Pure arithmetic over an official calendar passed in; callers pass the deployment's calendar
// (entered years in front of the bundled data), tests may pass their own. Reading deadlines typed in
// Chinese is a door's job: src/time/parse-deadline.ts.

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

/** The end (23:59:59.999 in tz) of a calendar day. */
export function endOfYmd(ymd: Ymd, tz: string): Date {
  return fromWallTime(
    { year: ymd.year, month: ymd.month, day: ymd.day, hour: 23, minute: 59, second: 59, millisecond: 999 },
    tz,
  );
}

/**
 * Working days after `from`'s day up to and including `to`'s day (0 on the same day, or when `to` is
 * earlier): an answer given the next working day took 1, a deadline passed yesterday is 1 working day red.
 */
export function workdaysBetween(from: Date, to: Date, tz: string, calendar: HolidayCalendar = bundledCalendar): number {
  const end = wallTime(to, tz);
  let day: Ymd = wallTime(from, tz);
  let counted = 0;
  while (compareYmd(day, end) < 0) {
    day = addDaysYmd(day, 1);
    if (isWorkdayYmd(day, calendar)) counted += 1;
  }
  return counted;
}
