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
