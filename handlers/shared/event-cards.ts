import type { ActivityFacts, MeetingFacts, MyActivityState } from '../../src/cards';
import { type ActivityDoc, formatSignupDeadline, type MeetingDoc, myActivityStatus } from '../../src/services/events';
import { groupSafe } from '../../src/text/group-safe';
import type { HolidayCalendar } from '../../src/time/holiday-calendar';
import { formatDateTime } from '../../src/time/format';
import { describeMine } from './event-format';

// What the meeting and activity cards show, read from the records (the commands and the taps share it).

export function meetingFacts(m: MeetingDoc, tz: string): MeetingFacts {
  return { code: m.code, title: groupSafe(m.title), when: formatDateTime(m.startAt, tz), place: groupSafe(m.place) };
}

export function activityFacts(a: ActivityDoc, tz: string, calendar?: HolidayCalendar): ActivityFacts {
  return {
    code: a.code,
    title: groupSafe(a.title),
    when: formatDateTime(a.startAt, tz),
    place: groupSafe(a.place),
    capacity: a.capacity,
    confirmed: a.confirmedCount,
    deadline: formatSignupDeadline(a, tz, calendar),
  };
}

/** Where one deputy stands on an activity, for their card (leave after signing up reads as not signed up). */
export function myActivityState(a: ActivityDoc, userid: string): { mine: MyActivityState; mineText: string } {
  const s = myActivityStatus(a, userid);
  const mine: MyActivityState =
    s.kind === 'confirmed'
      ? s
      : s.kind === 'waitlisted'
        ? { kind: 'waitlisted', position: s.position }
        : { kind: 'none' };
  return { mine, mineText: describeMine(s) };
}
