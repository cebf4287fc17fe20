// The events domain: activities, meetings, liaison-station shifts, check-in, leave and reminders.
export { type Events, createEvents } from './events';
export type { EventDeps } from './deps';
export { type ActivityDoc, type MyActivityStatus, myActivityStatus } from './activities';
export type { MeetingDoc } from './meetings';
export { shiftLabel } from './shift-labels';
export type { StationChoice } from './stations';
export { eventKindOf } from './event-codes';
export {
  type CheckinTunables,
  checkinWindow,
  type EventTimeInput,
  formatSignupDeadline,
  nextPendingAt,
  planReminders,
  type SignupDeadlineChoice,
} from './event-time';
export { meetingResultFor, meetingResults } from './meeting-outcome';
export type { Attendance, EventPeriodSummary, UpcomingEvents } from './reports';
export type { ActivityBoard, BoardRow, EventBoard, MeetingBoard, Person } from './board';
export type { ShiftPerson, ShiftView } from './shift-board';
export type { EventFormFields, NewEventForm } from './event-form';
