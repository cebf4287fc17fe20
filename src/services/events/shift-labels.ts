import { neutralizeUserText } from '../../text/sanitize';
import type { ShiftDoc } from '../../models/shift';
import { formatDate, formatDateTime } from '../../time/format';
import { endOfDay, startOfDay } from '../../time/zone';
import type { EventDeps } from './deps';
import { checkinWindow } from './event-time';

// How a shift is named and when it is open: shared by 排班, 值班, 签到, the reminders and the console's week.

export function shiftLabel(s: Pick<ShiftDoc, 'day' | 'startAt' | 'station'>, tz: string): string {
  return `${s.startAt ? formatDateTime(s.startAt, tz) : formatDate(s.day, tz)} ${s.station}`;
}

/** The label in a push: a station's name is typed by people (chat, console, a roster file) and must mention nobody. */
export function shiftPushLabel(s: Pick<ShiftDoc, 'day' | 'startAt' | 'station'>, tz: string): string {
  return neutralizeUserText(shiftLabel(s, tz));
}

/** When a deputy on the shift may check in: the whole day, or around the given start. */
export function shiftWindow(s: Pick<ShiftDoc, 'day' | 'startAt'>, d: EventDeps): { opens: Date; closes: Date } {
  const tz = d.config.timezone;
  return s.startAt
    ? checkinWindow(s.startAt, null, d.config.tunables.checkin)
    : { opens: startOfDay(s.day, tz), closes: endOfDay(s.day, tz) };
}

/** Who is on a shift (from the stamps; old documents also carry memberIds, kept in step). */
export function memberIdsOf(s: Pick<ShiftDoc, 'members'>): string[] {
  return (s.members ?? []).map((m) => m.userid);
}
