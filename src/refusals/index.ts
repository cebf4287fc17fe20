// Refusals as data: the catalogue, the error that carries one, and the chat door's rendering.
export {
  type LastStep,
  type OpinionStep,
  type RefusalCode,
  type RefusalFields,
  type RefusalKind,
  REFUSAL_CODES,
  REFUSALS,
} from './catalogue';
export { type CalendarRefusalCode, type CalendarRefusalFields, type HolidayList } from './calendar';
export { type RecordsRefusalCode, type RecordsRefusalFields } from './records';
export { type EventKind, type EventRefusalCode, type EventRefusalFields } from './events';
export { type ProjectRefusalCode, type ProjectRefusalFields } from './projects';
export { type RosterMatch, type RosterNameRefusal, type RosterRefusalCode, type RosterRefusalFields } from './roster';
export { type UnitRefusalCode, type UnitRefusalFields } from './units';
export { type FollowUpRefusalCode, type FollowUpRefusalFields } from './follow-up';
export { type PhotoRefusalCode, type PhotoRefusalFields } from './photos';
export { type AnyRefusal, isRefusal, Refusal, refuse } from './refusal';
export { type ChatRendering, renderForChat } from './chat';
