import { z } from 'zod';
import { t } from '../messages';
import { isValidYmd } from '../time/zone';

// The console forms' times are Beijing wall times ("2026-12-05 14:30", what the date-time picker shows).

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

export function wallParts(s: string) {
  const m = WALL.exec(s);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return isValidYmd(year, month, day) && hour <= 23 && minute <= 59 ? { year, month, day, hour, minute } : undefined;
}

/** A form field holding a wall time; its error names the field by `label`. */
export const wallTime = (label: string) =>
  z.string().refine((s) => wallParts(s) !== undefined, { message: t('formDateTime', { label }) });

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A form's calendar day ("2026-12-05"), or undefined when it is no real day. */
export function dayParts(s: string) {
  const m = DAY.exec(s);
  if (!m) return undefined;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  return isValidYmd(year, month, day) ? { year, month, day } : undefined;
}

/** A form field holding a calendar day; its error names the field by `label`. */
export const wallDay = (label: string) =>
  z.string().refine((s) => dayParts(s) !== undefined, { message: t('formDate', { label }) });
