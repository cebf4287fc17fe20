import { t } from '../messages';
import type { EventRefusalCode, EventRefusalFields } from '../refusals';
import type { ChatRendering } from '../refusals';
import { EVENT_CHAT } from '../refusals/chat-events';
import { formatDateTime } from '../time/format';
import { rosterNameForConsole } from './refusals-roster';

/** What the console knows when it answers (the same as ConsoleRendering in ./refusals). */
interface ConsoleRendering {
  timezone: string;
  now: Date;
}

type Render<C extends EventRefusalCode> = (f: EventRefusalFields[C], c: ConsoleRendering) => string;
type ChatRender = (f: unknown, c: ChatRendering) => string;

const at = (d: Date, c: ConsoleRendering) => formatDateTime(d, c.timezone);

/** The chat's sentence, for refusals the chat words without a chat command. */
const asChat =
  <C extends EventRefusalCode>(code: C): Render<C> =>
  (f, c) =>
    (EVENT_CHAT[code] as ChatRender)(f, { ...c, office: true });

/** The console's sentences for the events domain's refusals: a form's words, no chat usage lines. */
export const EVENT_CONSOLE: { readonly [C in EventRefusalCode]: Render<C> } = {
  'event.codeInvalid': (f) => t('refusalEventCodeInvalid', f),
  'event.notFound': (f) => t('refusalEventNotFound', f),
  'event.cancelled': (f) => t('refusalEventCancelled', f),
  'event.over': asChat('event.over'),
  'event.alreadyCancelled': (f) => t('refusalEventAlreadyCancelled', f),
  'event.changedMeanwhile': asChat('event.changedMeanwhile'),
  'event.titleMissing': () => t('refusalEventTitleMissing'),
  'event.titleTooLong': (f) => t('formTooLong', { label: '标题', max: f.max }),
  'event.timeMissing': () => t('refusalEventTimeMissing'),
  'event.placeMissing': () => t('refusalEventPlaceMissing'),
  'event.typeInvalid': (f) => t('refusalEventTypeInvalid', { kind: f.kind, text: f.text, types: f.types.join('、') }),
  'event.changeMissing': () => t('refusalEventChangeMissing'),
  'event.startPast': asChat('event.startPast'),
  'event.endBeforeStart': asChat('event.endBeforeStart'),
  'event.deadlinePast': asChat('event.deadlinePast'),
  'event.deadlineAfterStart': asChat('event.deadlineAfterStart'),
  'activity.capacityInvalid': (f) => t('refusalActivityCapacityInvalid', f),
  'activity.capacityBelowSigned': asChat('activity.capacityBelowSigned'),
  'activity.signupClosed': (f) => t('refusalActivitySignupClosed', f),
  'activity.started': asChat('activity.started'),
  'activity.alreadySigned': (f) => t('refusalActivityAlreadySigned', f),
  'activity.alreadyWaitlisted': asChat('activity.alreadyWaitlisted'),
  'activity.notSigned': (f) => t('refusalActivityNotSigned', f),
  'meeting.replyClosed': asChat('meeting.replyClosed'),
  'leave.usage': () => t('refusalLeaveUsage'),
  'leave.reasonMissing': (f) => t('refusalLeaveReasonMissing', f),
  'leave.which': (f) => t('refusalEventWhich', f),
  'checkin.usage': () => t('refusalCheckinUsage'),
  'checkin.tooEarly': (f, c) =>
    t('refusalCheckinTooEarly', { code: f.code, opens: at(f.opens, c), closes: at(f.closes, c) }),
  'checkin.tooLate': asChat('checkin.tooLate'),
  'checkin.notSigned': (f) => t('refusalCheckinNotSigned', f),
  'checkin.waitlisted': asChat('checkin.waitlisted'),
  'checkin.already': asChat('checkin.already'),
  'checkin.which': (f) => t('refusalEventWhich', f),
  'checkin.whichOf': (f) => t('refusalCheckinWhichOf', { codes: f.codes.join('、') }),
  'checkin.notFound': (f) => t('refusalCheckinNotFound', f),
  'checkin.nothingOpen': () => t('refusalCheckinNothingOpen'),
  'roomCode.needed': (f) => t('refusalRoomCodeNeeded', f),
  'roomCode.wrong': (f) => t('refusalRoomCodeWrong', f),
  'roomCode.expired': (f) => t('refusalRoomCodeExpired', f),
  'roomCode.cancelled': asChat('roomCode.cancelled'),
  'roomCode.onlyEvents': asChat('roomCode.onlyEvents'),
  'station.invalid': (f) => t('refusalStationInvalid', f),
  'station.ambiguous': asChat('station.ambiguous'),
  'shift.notFound': asChat('shift.notFound'),
  'shift.pastLocked': asChat('shift.pastLocked'),
  'shift.memberCheckedIn': asChat('shift.memberCheckedIn'),
  'shift.timePast': (f, c) => asChat('shift.dayPast')(f, c),
  'shift.dateInvalid': asChat('shift.dateInvalid'),
  'shift.dayPast': asChat('shift.dayPast'),
  'shift.stationMissing': (f) => t('refusalShiftStationMissing', { known: f.known.join('、') }),
  'shift.namesMissing': () => t('refusalShiftNamesMissing'),
  'shift.namesInvalid': (f) => t('shiftNamesInvalid', { problems: f.problems.map(rosterNameForConsole) }),
  'shift.notOnRoster': asChat('shift.notOnRoster'),
  'shift.noneToday': () => t('refusalShiftNoneToday'),
  'shift.checkinNotYet': asChat('shift.checkinNotYet'),
  'shift.checkinAlready': asChat('shift.checkinAlready'),
};
