import { t } from '../messages';
import { formatDate, formatDateTime } from '../time/format';
import type { ChatRendering } from './spec';
import type { EventRefusalCode, EventRefusalFields } from './events';
import { rosterNameForChat } from './chat-roster';

type Render<C extends EventRefusalCode> = (f: EventRefusalFields[C], c: ChatRendering) => string;

const at = (d: Date, c: ChatRendering) => formatDateTime(d, c.timezone);
const dayOrTime = (f: { at: Date; withTime: boolean }, c: ChatRendering) =>
  f.withTime ? formatDateTime(f.at, c.timezone) : formatDate(f.at, c.timezone);
const window = (f: { code: string; opens: Date; closes: Date }, c: ChatRendering) => ({
  code: f.code,
  opens: at(f.opens, c),
  closes: at(f.closes, c),
});

/** The chat's sentences for the events domain's refusals (the same words the chat has always said). */
export const EVENT_CHAT: { readonly [C in EventRefusalCode]: Render<C> } = {
  'event.codeInvalid': (f) => t(f.kind === 'activity' ? 'activityCodeInvalid' : 'meetingCodeInvalid', f),
  'event.notFound': (f) => t(f.kind === 'activity' ? 'activityNotFound' : 'meetingNotFound', f),
  'event.cancelled': (f) => t(f.kind === 'activity' ? 'activityCancelled' : 'meetingCancelled', f),
  'event.over': (f) => t(f.kind === 'activity' ? 'activityOver' : 'meetingOver', f),
  'event.alreadyCancelled': (f) => t(f.kind === 'activity' ? 'activityAlreadyCancelled' : 'meetingAlreadyCancelled', f),
  'event.changedMeanwhile': (f) => t('eventChangedMeanwhile', f),
  'event.titleMissing': (f) => t(f.kind === 'activity' ? 'activityUsage' : 'meetingUsage'),
  'event.titleTooLong': () => t('eventTitleTooLong'),
  'event.timeMissing': () => t('eventTimeMissing'),
  'event.placeMissing': (f) => t('eventPlaceMissing', f),
  'event.typeInvalid': (f) =>
    t(f.kind === 'activity' ? 'activityTypeInvalid' : 'meetingTypeInvalid', {
      text: f.text,
      types: f.types.join('、'),
    }),
  'event.changeMissing': (f) => t(f.kind === 'activity' ? 'activityChangeUsage' : 'meetingChangeUsage'),
  'event.startPast': (f, c) => t('eventFormStartPast', { when: at(f.startAt, c) }),
  'event.endBeforeStart': (f, c) => t('eventFormEndBeforeStart', { start: at(f.startAt, c) }),
  'event.deadlinePast': (f, c) => t('eventFormDeadlinePast', { when: at(f.deadline, c) }),
  'event.deadlineAfterStart': (f, c) => t('eventFormDeadlineAfterStart', { start: at(f.startAt, c) }),
  'activity.capacityInvalid': (f) => t('activityCapacityInvalid', f),
  'activity.capacityBelowSigned': (f) => t('activityCapacityBelowSigned', f),
  'activity.signupClosed': (f) => t('activityDeadlinePassed', f),
  'activity.started': (f) => t('activityStarted', f),
  'activity.alreadySigned': (f) => t('activityAlreadySigned', f),
  'activity.alreadyWaitlisted': (f) => t('activityAlreadyWaitlisted', f),
  'activity.notSigned': (f) => t('activityNotSigned', f),
  'meeting.replyClosed': (f, c) => t('meetingReplyClosed', { code: f.code, when: at(f.startAt, c) }),
  'leave.usage': () => t('leaveUsage'),
  'leave.reasonMissing': (f) => t('leaveNeedsReason', f),
  'leave.which': (f) => t('leaveWhich', f),
  'checkin.usage': () => t('checkinUsage'),
  'checkin.tooEarly': (f, c) => t('checkinTooEarly', window(f, c)),
  'checkin.tooLate': (f, c) => t('checkinTooLate', window(f, c)),
  'checkin.notSigned': (f) => t('checkinNotSigned', f),
  'checkin.waitlisted': (f) => t('checkinWaitlisted', f),
  'checkin.already': (f, c) => t('checkinAlready', { code: f.code, at: at(f.at, c) }),
  'checkin.which': (f) => t('checkinWhich', f),
  'checkin.whichOf': (f) => t('checkinWhichOf', { codes: f.codes.join('、') }),
  'checkin.notFound': (f) => t('checkinNotFound', f),
  'checkin.nothingOpen': () => t('checkinNothingOpen'),
  'roomCode.needed': (f) => t('roomCodeNeeded', f),
  'roomCode.wrong': (f) => t('roomCodeWrong', f),
  'roomCode.expired': (f) => t('roomCodeExpired', f),
  'roomCode.cancelled': (f) => t('roomCodeCancelled', f),
  'roomCode.onlyEvents': () => t('roomCodeOnlyEvents'),
  'station.invalid': () => t('stationInvalid'),
  'station.ambiguous': (f) => t('stationAmbiguous', { text: f.text, candidates: f.candidates.join('、') }),
  'shift.notFound': () => t('shiftNotFound'),
  'shift.pastLocked': (f) => t('shiftPastLocked', f),
  'shift.memberCheckedIn': (f) => t('shiftMemberCheckedIn', f),
  'shift.timePast': (f, c) => t('eventTimePast', { when: dayOrTime(f, c) }),
  'shift.dateInvalid': (f) => t('shiftFormDateInvalid', f),
  'shift.dayPast': (f, c) => t('shiftFormPast', { when: dayOrTime(f, c) }),
  'shift.stationMissing': (f) => t('shiftStationMissing', { known: f.known.join('、') }),
  'shift.namesMissing': () => t('shiftNoNames'),
  'shift.namesInvalid': (f) => t('shiftNamesInvalid', { problems: f.problems.map(rosterNameForChat) }),
  'shift.notOnRoster': (f) => t('shiftNotOnRoster', f),
  'shift.noneToday': () => t('shiftNoneToday'),
  'shift.checkinNotYet': (f, c) =>
    t('shiftCheckinNotYet', { label: f.label, opens: at(f.opens, c), closes: at(f.closes, c) }),
  'shift.checkinAlready': (f) => t('shiftCheckinAlready', f),
};
