import type { HolidayCalendar } from '../../time/holiday-calendar';
import type { Notifier } from '../delivery';
import { type NoticeContext, createHandlingNotices } from './notice-handling';
import { createOutcomeNotices } from './notice-outcomes';

/**
 * Tells the filer and co-signers about a step. Keys are per opinion, step and round, so a retried
 * command or a re-run never pushes twice.
 */
export function createOpinionNotices(
  notify: Notifier,
  tz: string,
  officeUserids: () => Promise<string[]>,
  calendar: () => HolidayCalendar,
) {
  const context: NoticeContext = { notify, tz, officeUserids, calendar };
  return { ...createHandlingNotices(context), ...createOutcomeNotices(context) };
}

export type OpinionNotices = ReturnType<typeof createOpinionNotices>;
