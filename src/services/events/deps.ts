import type { Config } from '../../../config';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import type { Notifier } from '../delivery';
import type { Roster } from '../roster';

/** What the activity, meeting and shift services are built from. */
export interface EventDeps {
  models: Models;
  config: Config;
  notify: Notifier;
  roster: Roster;
  clock: Clock;
  /** The deployment's official calendar, for sign-up deadlines given in working days. */
  calendar?: () => HolidayCalendar;
  /** The calendar for a stored sign-up deadline of n working days from a moment (re-read when the copy lacks a year). */
  storedCalendar?: (from: Date, workdays: number) => Promise<HolidayCalendar>;
}
