import type { JobContext, JobResult } from '../src/scheduler/types';
import { isWorkday } from '../src/time/workdays';

/**
 * Workdays 09:30: the overdue and soon-due opinions, by unit, to the office. Cron says Mon–Fri;
 * the official calendar decides (holidays are skipped, make-up Saturdays count).
 */
export function createOverdueRun(o: { timezone: string }) {
  return async ({ now, slot, services }: JobContext): Promise<JobResult> => {
    // Read as stored: a holiday entered on another instance a moment ago decides this once-a-day run too.
    if (!isWorkday(slot.at, o.timezone, await services.holidays.current()))
      return { counts: { sent: 0 }, note: 'not_workday' };
    const report = await services.opinions.overdueReport(now);
    if (!report) return { counts: { sent: 0 }, note: 'nothing_due' };
    await services.notify.toUsers(`overdue:${slot.key}`, await services.officeDirectory.userIds(), report);
    return { counts: { sent: 1 } };
  };
}
