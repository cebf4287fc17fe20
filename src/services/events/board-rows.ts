import type { EventRow } from '../../contracts';
import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import { type CheckinTunables, effectiveEnd } from './event-time';
import { expectedOf } from './meeting-outcome';

// The console's list rows of activities and meetings (board.ts reads them and the people of one event).

/** A row of the console's list (src/contracts) as the service holds it: times are Dates. */
export type BoardRow = Omit<EventRow, 'startAt' | 'endsAt'> & { startAt: Date; endsAt: Date };

/** An activity as a row of the console's list. */
export function activityRowOf(a: ActivityDoc, checkin: CheckinTunables): BoardRow {
  return {
    kind: 'activity',
    code: a.code,
    title: a.title,
    type: a.type,
    place: a.place,
    startAt: a.startAt,
    endsAt: effectiveEnd(a.startAt, a.endAt, checkin),
    status: a.status,
    cancelReason: a.cancelReason,
    capacity: a.capacity,
    confirmed: a.confirmedIds.length,
    waitlisted: a.waitlistIds.length,
    checkedIn: a.checkinIds.length,
    roomCode: Boolean(a.roomCode),
  };
}

/** A meeting as a row of the console's list. */
export function meetingRowOf(m: MeetingDoc, checkin: CheckinTunables): BoardRow {
  return {
    kind: 'meeting',
    code: m.code,
    title: m.title,
    type: m.type,
    place: m.place,
    startAt: m.startAt,
    endsAt: effectiveEnd(m.startAt, m.endAt, checkin),
    status: m.status,
    cancelReason: m.cancelReason,
    expected: expectedOf(m).length,
    answered: m.replies.length,
    checkedIn: m.checkinIds.length,
    roomCode: Boolean(m.roomCode),
  };
}
