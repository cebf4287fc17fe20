import { addDaysYmd, endOfDay, fromWallTime, wallTime } from '../../time/zone';

/** "Due soon" ends with the last of the next `dueSoonDays` calendar days: one definition for 督办, the job and the console. */
export function dueSoonHorizon(now: Date, dueSoonDays: number, tz: string): Date {
  return endOfDay(fromWallTime(addDaysYmd(wallTime(now, tz), dueSoonDays), tz), tz);
}
