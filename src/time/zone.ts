import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import isoWeek from 'dayjs/plugin/isoWeek';

// Plugins are registered once here; every other module imports dayjs from this file.
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.extend(isoWeek);

export { dayjs };

export const DEFAULT_TZ = 'Asia/Shanghai';

/** A calendar day, independent of any time zone. month is 1-12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Wall-clock reading of an instant in a zone. weekday: 1 = Monday … 7 = Sunday (ISO). */
export interface WallTime extends Ymd {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

export function inZone(date: Date, tz: string): dayjs.Dayjs {
  return dayjs(date).tz(tz);
}

// One formatter per zone: building an Intl.DateTimeFormat is the expensive part (dayjs's tz() builds
// one per call, which showed up as the largest cost of a command in the benchmark's profile).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of tz from UTC at that instant, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(date: Date, tz: string): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) return inZone(date, tz).utcOffset();
  // Offsets change a few times a year at most: an hour whose first and last second agree has no change
  // inside it, and its offset is remembered (formatToParts is the costly part of every time reading).
  const hour = Math.floor(t / HOUR_MS);
  let known = offsetsByHour.get(tz);
  if (!known) offsetsByHour.set(tz, (known = new Map()));
  const cached = known.get(hour);
  if (cached !== undefined) return cached;
  const first = offsetAt(hour * HOUR_MS, tz);
  if (offsetAt(hour * HOUR_MS + HOUR_MS - 1000, tz) !== first) return offsetAt(t, tz);
  if (known.size >= OFFSET_HOURS_KEPT) known.clear();
  known.set(hour, first);
  return first;
}

const HOUR_MS = 3_600_000;
const OFFSET_HOURS_KEPT = 10_000;
const offsetsByHour = new Map<string, Map<number, number>>();

function offsetAt(t: number, tz: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(t)))
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  const asUtc = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

export function wallTime(date: Date, tz: string): WallTime {
  // Shift by the zone offset and read UTC fields: independent of the server's TZ.
  const shifted = new Date(date.getTime() + zoneOffsetMinutes(date, tz) * 60_000);
  const weekday = shifted.getUTCDay();
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: weekday === 0 ? 7 : weekday,
  };
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar arithmetic on a plain day (no zone, so no DST surprises). */
export function addDaysYmd(ymd: Ymd, days: number): Ymd {
  const d = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a plain day: 1 = Monday … 7 = Sunday. */
export function weekdayOfYmd(ymd: Ymd): number {
  const w = new Date(Date.UTC(ymd.year, ymd.month - 1, ymd.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function ymdKey(ymd: Ymd): string {
  return `${ymd.year}-${pad2(ymd.month)}-${pad2(ymd.day)}`;
}

/**
 * The instant at which the wall clock in tz shows the given time.
 * Fields may overflow (hour 24 = next day 00:00). In a DST gap the later offset wins.
 */
export function fromWallTime(
  parts: Ymd & { hour?: number; minute?: number; second?: number; millisecond?: number },
  tz: string,
): Date {
  const naive = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
    parts.millisecond ?? 0,
  );
  // Two passes converge for every real zone, including around DST switches.
  const first = naive - zoneOffsetMinutes(new Date(naive), tz) * 60_000;
  const second = naive - zoneOffsetMinutes(new Date(first), tz) * 60_000;
  return new Date(second);
}

export function startOfDay(date: Date, tz: string): Date {
  const w = wallTime(date, tz);
  return fromWallTime({ year: w.year, month: w.month, day: w.day }, tz);
}

export function endOfDay(date: Date, tz: string): Date {
  const w = wallTime(date, tz);
  return fromWallTime(
    { year: w.year, month: w.month, day: w.day, hour: 23, minute: 59, second: 59, millisecond: 999 },
    tz,
  );
}

/** Monday 00:00 of the week containing date (Chinese weeks start on Monday). */
export function startOfWeek(date: Date, tz: string): Date {
  const w = wallTime(date, tz);
  return fromWallTime(addDaysYmd(w, 1 - w.weekday), tz);
}

/** ISO-8601 week key, e.g. 2026-W48; the year is the ISO week-numbering year. */
export function isoWeekKey(date: Date, tz: string): string {
  const w = wallTime(date, tz);
  const thursday = addDaysYmd(w, 4 - w.weekday);
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000) + 1;
  const week = Math.floor((dayOfYear - 1) / 7) + 1;
  return `${thursday.year}-W${pad2(week)}`;
}

export function dayKey(date: Date, tz: string): string {
  return ymdKey(wallTime(date, tz));
}

export function yearOf(date: Date, tz: string): number {
  return wallTime(date, tz).year;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
