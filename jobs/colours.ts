import type { JobContext, JobResult } from '../src/scheduler/types';
import { isWorkday } from '../src/time/workdays';

/**
 * Working days 09:00 (三色预警): each unit's contacts hear privately when a case turns yellow or red, and the
 * office is asked to 督办 a case red for ESCALATE_WORKDAYS working days. Each change is told once (colour-notices.ts).
 */
export function createColoursRun(o: { timezone: string }) {
  return async ({ now, slot, services }: JobContext): Promise<JobResult> => {
    if (!isWorkday(slot.at, o.timezone, await services.holidays.current()))
      return { counts: { yellow: 0, red: 0, escalated: 0 }, note: 'not_workday' };
    const counts = await services.opinions.remindColours(now);
    return { counts: { ...counts } };
  };
}
