import type { Colour } from '../../contracts/labels';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { addWorkdays, workdaysBetween } from '../../time/workdays';
import { startOfDay } from '../../time/zone';

// 三色预警, in one place: 督办, 进度, the console's list and case page, the colours job and the office's push.
// Only a case waiting for the unit's answer (已交办) has a colour; its deadline is the end of a day.

export interface ColourRule {
  tz: string;
  /** The official calendar (holidays off, make-up weekend days on). */
  calendar: HolidayCalendar;
  /** Yellow from this many working days before the deadline (the deadline's own day counts as 0). */
  warnWorkdays: number;
}

/**
 * The last moment a deadline still counts as yellow: just before the (warn+1)-th working day after today
 * begins. A deadline at or before it (and not yet past) is within `warnWorkdays` working days.
 */
export function yellowUntil(now: Date, rule: ColourRule): Date {
  const beyond = addWorkdays(now, rule.warnWorkdays + 1, rule.tz, rule.calendar).date;
  return new Date(startOfDay(beyond, rule.tz).getTime() - 1);
}

/** Working days left until the deadline's day (0: due today). */
export function workdaysLeft(deadline: Date, now: Date, rule: ColourRule): number {
  return workdaysBetween(now, deadline, rule.tz, rule.calendar);
}

/** Working days a case has been red: working days after the deadline's day up to today. */
export function redWorkdays(deadline: Date, now: Date, rule: ColourRule): number {
  return workdaysBetween(deadline, now, rule.tz, rule.calendar);
}

/** The colour of a case now, or null when it is not waiting for the unit (not 已交办, or no deadline). */
export function colourOf(o: { status: string; deadline?: Date | null }, now: Date, rule: ColourRule): Colour | null {
  if (o.status !== '已交办' || !o.deadline) return null;
  if (o.deadline.getTime() < now.getTime()) return 'red';
  return o.deadline.getTime() <= yellowUntil(now, rule).getTime() ? 'yellow' : 'green';
}

/** The MongoDB filter of the assigned cases of one colour now (the console's list and its export). */
export function colourFilter(colour: Colour, now: Date, rule: ColourRule): Record<string, unknown> {
  if (colour === 'red') return { status: '已交办', deadline: { $lt: now } };
  const until = yellowUntil(now, rule);
  if (colour === 'yellow') return { status: '已交办', deadline: { $gte: now, $lte: until } };
  return { status: '已交办', deadline: { $gt: until } };
}

/** The deployment's rule now (this instance's calendar copy: colours are shown, not stored). */
export function colourRuleOf(d: {
  config: { timezone: string; colours: { warnWorkdays: number } };
  calendar: () => HolidayCalendar;
}): ColourRule {
  return { tz: d.config.timezone, calendar: d.calendar(), warnWorkdays: d.config.colours.warnWorkdays };
}

/** A case's colour with its working days: left until the deadline (green, yellow) or overdue (red). */
export interface ColourView {
  colour: Colour;
  workdays: number;
}

export function colourView(
  o: { status: string; deadline?: Date | null },
  now: Date,
  rule: ColourRule,
): ColourView | null {
  const colour = colourOf(o, now, rule);
  if (!colour || !o.deadline) return null;
  const workdays = colour === 'red' ? redWorkdays(o.deadline, now, rule) : workdaysLeft(o.deadline, now, rule);
  return { colour, workdays };
}
