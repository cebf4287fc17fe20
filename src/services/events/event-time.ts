import type { Reminder } from '../../models/event-parts';
import { UserError } from '../../errors';
import { t } from '../../messages';
import { formatDateTime } from '../../time/format';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { addWorkdays } from '../../time/workdays';
import { wallTime } from '../../time/zone';

export interface CheckinTunables {
  beforeStartMinutes: number;
  defaultDurationMinutes: number;
}

/** A sign-up deadline from the chat's 截止: a moment read from words (not past), or working days from now. */
export type SignupDeadlineChoice = { date: Date } | { workdays: number };

/**
 * The chat's 截止 against the start: working days counted on the official calendar; a deadline after the
 * start ("截止：11月25日" for an activity that day at 14:30) means until the start, not midnight after it.
 */
export function resolveSignupDeadline(
  choice: SignupDeadlineChoice,
  now: Date,
  startAt: Date,
  tz: string,
  calendar?: HolidayCalendar,
): { date: Date; estimated: boolean } {
  const r = 'workdays' in choice ? addWorkdays(now, choice.workdays, tz, calendar) : { ...choice, usedFallback: false };
  if (r.date.getTime() > startAt.getTime()) return { date: startAt, estimated: false };
  // Working days counted into a year whose holidays are not entered yet: weekends only.
  return { date: r.date, estimated: r.usedFallback };
}

/**
 * The calendar a 截止 in working days is counted on before it is stored (re-read when this instance's copy
 * lacks a year it reaches: another instance may just have entered it); a plain moment needs none.
 */
export async function storedCalendarFor(
  d: { calendar?: () => HolidayCalendar; storedCalendar?: (from: Date, workdays: number) => Promise<HolidayCalendar> },
  choice: SignupDeadlineChoice,
  now: Date,
): Promise<HolidayCalendar | undefined> {
  if (!('workdays' in choice)) return undefined;
  return d.storedCalendar ? d.storedCalendar(now, choice.workdays) : d.calendar?.();
}

/**
 * A sign-up deadline as people read it, marked while it rests on weekends only: counted in working
 * days into a year whose holidays were unknown, and still unknown to `calendar`.
 */
export function formatSignupDeadline(
  a: { deadline: Date; deadlineEstimated?: boolean | null },
  tz: string,
  calendar?: HolidayCalendar,
): string {
  const estimated = a.deadlineEstimated === true && !(calendar?.covers(wallTime(a.deadline, tz).year) ?? false);
  return formatDateTime(a.deadline, tz) + (estimated ? t('deadlineEstimated') : '');
}

/** When check-in is open: from a set time before the start until the end (given or default length). */
export function checkinWindow(
  startAt: Date,
  endAt: Date | null | undefined,
  t: CheckinTunables,
): { opens: Date; closes: Date } {
  return {
    opens: new Date(startAt.getTime() - t.beforeStartMinutes * 60_000),
    closes: endAt ?? new Date(startAt.getTime() + t.defaultDurationMinutes * 60_000),
  };
}

/** The end used for "is it over": the given end, or start + the default duration. */
export function effectiveEnd(startAt: Date, endAt: Date | null | undefined, t: CheckinTunables): Date {
  return checkinWindow(startAt, endAt, t).closes;
}

/** Reminders for a start time; those already due when planned are skipped (the notice itself informs). */
export function planReminders(startAt: Date, beforeMinutes: readonly number[], now: Date): Reminder[] {
  return [...new Set(beforeMinutes)]
    .sort((a, b) => b - a)
    .map((minutesBefore) => {
      const at = new Date(startAt.getTime() - minutesBefore * 60_000);
      return at.getTime() > now.getTime()
        ? { minutesBefore, at, status: 'pending' as const }
        : { minutesBefore, at, status: 'skipped' as const, doneAt: now };
    });
}

/** The earliest unfinished reminder time, or null when none is left (the sweep's index key). */
export function nextPendingAt(reminders: readonly Reminder[]): Date | null {
  // A claimed reminder is not finished yet: keep the document visible to the sweep.
  const pending = reminders.filter((r) => r.status === 'pending' || r.status === 'claimed').map((r) => r.at.getTime());
  return pending.length ? new Date(Math.min(...pending)) : null;
}

/** Unfinished reminders become cancelled (the event was cancelled); a claim left by a crash too. */
export function cancelReminders(reminders: readonly Reminder[], now: Date): Reminder[] {
  return reminders.map((r) =>
    r.status === 'pending' || r.status === 'claimed' ? { ...r, status: 'cancelled' as const, doneAt: now } : r,
  );
}

/** A start (and optional end) chosen in a form: already instants, so only the rules are checked. */
export interface EventTimeInput {
  startAt: Date;
  endAt?: Date | null;
}

/** The console form's time: in the future, the end (if any) after the start; the same rules as `时间：`. */
export function checkEventTime(at: EventTimeInput, now: Date, tz: string): { startAt: Date; endAt?: Date } {
  if (at.startAt.getTime() <= now.getTime())
    throw new UserError('eventFormStartPast', { when: formatDateTime(at.startAt, tz) });
  if (!at.endAt) return { startAt: at.startAt };
  if (at.endAt.getTime() <= at.startAt.getTime())
    throw new UserError('eventFormEndBeforeStart', { start: formatDateTime(at.startAt, tz) });
  return { startAt: at.startAt, endAt: at.endAt };
}

/**
 * The console form's sign-up deadline (null: until the start, as when `截止：` is left out): after now
 * and not after the start. A form states the instant, so a deadline after the start is refused rather
 * than moved to the start as the chat does with a bare date.
 */
export function checkSignupDeadline(deadline: Date, now: Date, startAt: Date, tz: string): Date {
  if (deadline.getTime() <= now.getTime())
    throw new UserError('eventFormDeadlinePast', { when: formatDateTime(deadline, tz) });
  if (deadline.getTime() > startAt.getTime())
    throw new UserError('eventFormDeadlineAfterStart', { start: formatDateTime(startAt, tz) });
  return deadline;
}
