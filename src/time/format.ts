import { wallTime, type WallTime } from './zone';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** 周一 … 周日 for an ISO weekday (1 = Monday). */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? '';
}

/** 2026年11月25日（周三）14:30 */
export function formatDateTime(date: Date, tz: string): string {
  const w = wallTime(date, tz);
  return `${fullDate(w)}${clock(w)}`;
}

/** 2026年11月25日（周三） */
export function formatDate(date: Date, tz: string): string {
  return fullDate(wallTime(date, tz));
}

/** 11月25日 14:30, with the year (2027年1月5日 09:00) only when it differs from now's year. */
export function formatShortDateTime(date: Date, tz: string, now?: Date): string {
  const w = wallTime(date, tz);
  const sameYear = now === undefined || wallTime(now, tz).year === w.year;
  const prefix = sameYear ? '' : `${w.year}年`;
  return `${prefix}${w.month}月${w.day}日 ${clock(w)}`;
}

/** 11月25日 */
export function formatMonthDay(date: Date, tz: string): string {
  const w = wallTime(date, tz);
  return `${w.month}月${w.day}日`;
}

function fullDate(w: WallTime): string {
  return `${w.year}年${w.month}月${w.day}日（${weekdayName(w.weekday)}）`;
}

function clock(w: WallTime): string {
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** 2026年11月25日 (no weekday: the 述职 draft's dates). */
export function formatPlainDate(date: Date, tz: string): string {
  const w = wallTime(date, tz);
  return `${w.year}年${w.month}月${w.day}日`;
}
