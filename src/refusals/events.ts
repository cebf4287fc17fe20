import type { RosterNameRefusal } from './roster';
import type { RefusalSpec } from './spec';

// The events domain's refusals (activities, meetings, sign-up and waitlist, leave, check-in, room codes,
// shifts): kept in a block of their own so other domains' codes merge beside them untouched.

/** Which event a refusal is about: an activity (HD) or a meeting (HY). */
export type EventKind = 'activity' | 'meeting';

export interface EventRefusalFields {
  /** Text that is no event code of that kind. */
  'event.codeInvalid': { kind: EventKind; text: string };
  'event.notFound': { kind: EventKind; code: string };
  'event.cancelled': { kind: EventKind; code: string; reason: string };
  /** A change or cancel of an event already over. */
  'event.over': { kind: EventKind; code: string };
  'event.alreadyCancelled': { kind: EventKind; code: string };
  /** The console page showed an older version of the event. */
  'event.changedMeanwhile': { code: string };
  'event.titleMissing': { kind: EventKind };
  'event.titleTooLong': { max: number };
  'event.timeMissing': Record<string, never>;
  'event.placeMissing': { kind: EventKind };
  'event.typeInvalid': { kind: EventKind; text: string; types: string[] };
  /** A change that names nothing to change. */
  'event.changeMissing': { kind: EventKind };
  'event.startPast': { startAt: Date };
  'event.endBeforeStart': { startAt: Date };
  'event.deadlinePast': { deadline: Date };
  'event.deadlineAfterStart': { startAt: Date };
  'activity.capacityInvalid': { text: string };
  'activity.capacityBelowSigned': { code: string; count: number };
  /** deadline: the sign-up deadline as the activity's list shows it (workdays aware). */
  'activity.signupClosed': { code: string; deadline: string };
  'activity.started': { code: string };
  'activity.alreadySigned': { code: string };
  'activity.alreadyWaitlisted': { code: string; position: number };
  'activity.notSigned': { code: string };
  'meeting.replyClosed': { code: string; startAt: Date };
  'leave.usage': Record<string, never>;
  'leave.reasonMissing': { code: string };
  /** A bare number that is both a meeting and an activity the deputy signed up for. */
  'leave.which': { activity: string; meeting: string };
  'checkin.usage': Record<string, never>;
  'checkin.tooEarly': { code: string; opens: Date; closes: Date };
  'checkin.tooLate': { code: string; opens: Date; closes: Date };
  'checkin.notSigned': { code: string; canSignUp: boolean };
  'checkin.waitlisted': { code: string; position: number };
  'checkin.already': { code: string; at: Date };
  'checkin.which': { activity: string; meeting: string };
  'checkin.whichOf': { codes: string[] };
  'checkin.notFound': { text: string };
  'checkin.nothingOpen': Record<string, never>;
  'roomCode.needed': { code: string };
  'roomCode.wrong': { code: string; given: string };
  'roomCode.expired': { code: string; given: string };
  'roomCode.cancelled': { code: string };
  'roomCode.onlyEvents': Record<string, never>;
  'station.invalid': { max: number };
  /** A typed 联络站 name that could be several known ones. */
  'station.ambiguous': { text: string; candidates: string[] };
  'shift.notFound': Record<string, never>;
  /** label: the shift's day, time and station as lists show it. */
  'shift.pastLocked': { label: string };
  'shift.memberCheckedIn': { name: string; label: string };
  /** 排班 for a day (or a start) already gone; withTime: the start was given. */
  'shift.timePast': { at: Date; withTime: boolean };
  'shift.dateInvalid': { text: string };
  /** The console form's day (and start) already gone. */
  'shift.dayPast': { at: Date; withTime: boolean };
  'shift.stationMissing': { known: string[] };
  'shift.namesMissing': Record<string, never>;
  /** problems: the roster's refusal for each name it could not place (each door words them). */
  'shift.namesInvalid': { problems: RosterNameRefusal[] };
  'shift.notOnRoster': { userid: string };
  'shift.noneToday': Record<string, never>;
  'shift.checkinNotYet': { label: string; opens: Date; closes: Date };
  'shift.checkinAlready': { label: string };
}

export type EventRefusalCode = keyof EventRefusalFields;

export const EVENT_REFUSALS: { readonly [C in EventRefusalCode]: RefusalSpec } = {
  'event.codeInvalid': { kind: 'notFound' },
  'event.notFound': { kind: 'notFound' },
  'event.cancelled': { kind: 'conflict' },
  'event.over': { kind: 'conflict' },
  'event.alreadyCancelled': { kind: 'conflict' },
  'event.changedMeanwhile': { kind: 'conflict' },
  'event.titleMissing': { kind: 'invalid', field: 'title' },
  'event.titleTooLong': { kind: 'invalid', field: 'title' },
  'event.timeMissing': { kind: 'invalid', field: 'startAt' },
  'event.placeMissing': { kind: 'invalid', field: 'place' },
  'event.typeInvalid': { kind: 'invalid', field: 'type' },
  'event.changeMissing': { kind: 'invalid' },
  'event.startPast': { kind: 'invalid', field: 'startAt' },
  'event.endBeforeStart': { kind: 'invalid', field: 'endAt' },
  'event.deadlinePast': { kind: 'invalid', field: 'signupDeadline' },
  'event.deadlineAfterStart': { kind: 'invalid', field: 'signupDeadline' },
  'activity.capacityInvalid': { kind: 'invalid', field: 'capacity' },
  'activity.capacityBelowSigned': { kind: 'invalid', field: 'capacity' },
  'activity.signupClosed': { kind: 'conflict' },
  'activity.started': { kind: 'conflict' },
  'activity.alreadySigned': { kind: 'conflict' },
  'activity.alreadyWaitlisted': { kind: 'conflict' },
  'activity.notSigned': { kind: 'conflict' },
  'meeting.replyClosed': { kind: 'conflict' },
  'leave.usage': { kind: 'invalid', field: 'code' },
  'leave.reasonMissing': { kind: 'invalid', field: 'reason' },
  'leave.which': { kind: 'invalid', field: 'code' },
  'checkin.usage': { kind: 'invalid', field: 'code' },
  'checkin.tooEarly': { kind: 'conflict' },
  'checkin.tooLate': { kind: 'conflict' },
  'checkin.notSigned': { kind: 'forbidden' },
  'checkin.waitlisted': { kind: 'forbidden' },
  'checkin.already': { kind: 'conflict' },
  'checkin.which': { kind: 'invalid', field: 'code' },
  'checkin.whichOf': { kind: 'invalid', field: 'code' },
  'checkin.notFound': { kind: 'notFound' },
  'checkin.nothingOpen': { kind: 'notFound' },
  'roomCode.needed': { kind: 'invalid', field: 'roomCode' },
  'roomCode.wrong': { kind: 'invalid', field: 'roomCode' },
  'roomCode.expired': { kind: 'invalid', field: 'roomCode' },
  'roomCode.cancelled': { kind: 'conflict' },
  'roomCode.onlyEvents': { kind: 'notFound' },
  'station.invalid': { kind: 'invalid', field: 'station' },
  'station.ambiguous': { kind: 'invalid', field: 'station' },
  'shift.notFound': { kind: 'notFound' },
  'shift.pastLocked': { kind: 'conflict' },
  'shift.memberCheckedIn': { kind: 'conflict' },
  'shift.timePast': { kind: 'invalid', field: 'day' },
  'shift.dateInvalid': { kind: 'invalid', field: 'day' },
  'shift.dayPast': { kind: 'invalid', field: 'day' },
  'shift.stationMissing': { kind: 'invalid', field: 'station' },
  'shift.namesMissing': { kind: 'invalid', field: 'userids' },
  'shift.namesInvalid': { kind: 'invalid', field: 'userids' },
  'shift.notOnRoster': { kind: 'invalid', field: 'userids' },
  'shift.noneToday': { kind: 'notFound' },
  'shift.checkinNotYet': { kind: 'conflict' },
  'shift.checkinAlready': { kind: 'conflict' },
};
