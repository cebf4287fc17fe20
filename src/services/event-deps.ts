import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Models } from '../models';
import type { HolidayCalendar } from '../time/holiday-calendar';
import type { Notifier } from './notify';
import type { Roster } from './roster';

/** What the activity, meeting and shift services are built from. */
export interface EventDeps {
  models: Models;
  config: Config;
  notify: Notifier;
  roster: Roster;
  clock: Clock;
  /** The deployment's official calendar, for sign-up deadlines given in working days. */
  calendar?: () => HolidayCalendar;
}

/** Mongo duplicate-key error (a retried command meeting its own unique `origin`). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number }).code === 11000;
}

/** How often an optimistic (version-guarded) update is retried before giving up as a bug. */
export const MAX_VERSION_RETRIES = 25;

/**
 * A short random pause after losing a version race, so a cancellation during a burst of sign-ups
 * gets its turn instead of failing in lockstep (wall time for back-off only, not business time).
 */
export function afterConflict(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(5 * 2 ** attempt, 200);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
