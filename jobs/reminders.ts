import type { JobContext, JobResult } from '../src/scheduler/types';

/**
 * Every minute: due scheduled announcements, the activity/meeting/shift reminders the events work
 * recorded, and any waitlist promotion whose push a crash cut off. Both are keyed per item in the outbox, so a re-run of a minute sends nothing twice.
 */
export function createRemindersRun(o: { graceMs: number }) {
  return async ({ now, services }: JobContext): Promise<JobResult> => {
    const announced = await services.announcements.sendDue(now);
    const reminders = await services.events.sendDueReminders(now, o.graceMs);
    const promotions = await services.events.flushPromotions();
    return { counts: { announcements: announced.sent, expired: announced.expired, reminders, promotions } };
  };
}
