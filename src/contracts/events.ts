// 活动与会议 and 值班 in the console: listings, one event's people, the form, the room's check-in code.
import type { Day, Instant } from './common';
import type { EventKind } from './labels';

/** An event's room code state (the board's `room`); the screen page gets the event's code, title and status too. */
export interface RoomCodeState {
  on: boolean;
  /** The code to show now (absent when off). */
  current?: string;
  changesAt?: Instant;
  /** Seconds until the code changes, by the server's clock. */
  secondsLeft?: number;
  since?: Instant;
  slotSeconds: number;
}
export interface RoomCodeView extends RoomCodeState {
  code: string;
  title: string;
  status: string;
}

export interface EventRow {
  kind: EventKind;
  code: string;
  title: string;
  type: string;
  place: string;
  startAt: Instant;
  endsAt: Instant;
  status: string;
  cancelReason?: string;
  /** Activities: signed up / places; meetings: expected / answered. */
  capacity?: number | null;
  confirmed?: number;
  waitlisted?: number;
  expected?: number;
  answered?: number;
  checkedIn: number;
  roomCode: boolean;
}

/** GET /events?when=upcoming|past */
export interface EventList {
  when: 'upcoming' | 'past';
  items: EventRow[];
}

export interface EventPerson {
  userid: string;
  name: string;
  at?: Instant;
  reason?: string;
}

/** GET /events/:code (and what create, change and cancel answer with). */
export interface EventDetail extends EventRow {
  /** Sent back with an edit: a change made meanwhile is a 409. */
  version: number;
  /** The stated end (null: none given). */
  endAt: Instant | null;
  deadline?: Instant;
  deadlineIsDefault?: boolean;
  signedUp?: EventPerson[];
  waitlist?: EventPerson[];
  leaves?: EventPerson[];
  attending?: EventPerson[];
  excused?: EventPerson[];
  silent?: EventPerson[];
  checkins: EventPerson[];
  room: RoomCodeState;
}

/** GET /event-form */
export interface EventFormOptions {
  activityTypes: string[];
  meetingTypes: string[];
  /** A meeting notice goes to every active deputy. */
  meetingExpected: number;
  /** The year's 民生实事 projects an activity (a 视察) may name. */
  projects: Array<{ code: string; title: string }>;
}

/** Times are wall times in the deployment's zone: `2026-12-05 14:30`. */
export interface EventFields {
  startAt: string;
  endAt?: string | null;
  place: string;
  capacity?: number | null;
  signupDeadline?: string | null;
  roomCode?: boolean;
}
/** POST /events; `requestId` makes a retried submission return the record the first one made. */
export interface EventCreateBody extends EventFields {
  kind: EventKind;
  title: string;
  type?: string;
  /** Activities: the 民生实事 project inspected (SS2026-001). */
  project?: string;
  requestId: string;
}
export type EventCreated = EventDetail & { existed: boolean };
/** POST /events/:code/change */
export interface EventChangeBody extends EventFields {
  version: number;
}
export type EventChanged = EventDetail & { changed: string[] };

// -- 值班
export interface ShiftPerson {
  userid: string;
  name: string;
  at?: Instant;
}

export interface Shift {
  id: string;
  day: Day;
  /** HH:mm when the shift has a start time; null for the whole day. */
  time: string | null;
  station: string;
  label: string;
  members: ShiftPerson[];
  checkins: ShiftPerson[];
  /** Until its check-in window closes a shift can still be changed. */
  editable: boolean;
}

/** GET /shifts?week=&station= */
export interface ShiftWeek {
  station: string | null;
  from: Day;
  to: Day;
  days: Day[];
  today: Day;
  stations: string[];
  items: Shift[];
}

/** POST /shifts */
export interface ShiftAssignBody {
  day: Day;
  time: string | null;
  station: string;
  userids: string[];
  requestId: string;
}
export interface ShiftAssigned {
  shift: Shift;
  added: string[];
  already: string[];
  /** The station as understood: a new name, or a near one corrected to a known station. */
  station: { name: string; isNew: boolean; corrected: boolean };
}
/** POST /shifts/:id/remove: the shift as it is now (null when it was left empty and deleted). */
export interface ShiftRemoved {
  shift: Shift | null;
  removed: boolean;
}
