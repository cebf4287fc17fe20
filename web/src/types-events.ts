// Shapes of the console's activity and meeting API (src/console/routes-events.ts).

export interface RoomCodeView {
  code: string;
  title: string;
  status: string;
  on: boolean;
  current?: string;
  changesAt?: string;
  secondsLeft?: number;
  since?: string;
  slotSeconds: number;
}

export interface EventRow {
  kind: 'activity' | 'meeting';
  code: string;
  title: string;
  type: string;
  place: string;
  startAt: string;
  endsAt: string;
  status: string;
  cancelReason?: string;
  capacity?: number | null;
  confirmed?: number;
  waitlisted?: number;
  expected?: number;
  answered?: number;
  checkedIn: number;
  roomCode: boolean;
}

export interface Person {
  userid: string;
  name: string;
  at?: string;
  reason?: string;
}

export interface EventDetail extends EventRow {
  /** Sent back with an edit: a change made meanwhile is a 409. */
  version: number;
  /** The stated end (null: none given). */
  endAt: string | null;
  deadline?: string;
  deadlineIsDefault?: boolean;
  signedUp?: Person[];
  waitlist?: Person[];
  leaves?: Person[];
  attending?: Person[];
  excused?: Person[];
  silent?: Person[];
  checkins: Person[];
  room: Omit<RoomCodeView, 'code' | 'title' | 'status'>;
}

export interface EventFormOptions {
  activityTypes: string[];
  meetingTypes: string[];
  /** A meeting notice goes to every active deputy. */
  meetingExpected: number;
}

// 值班 (src/console/routes-shifts.ts).
export interface ShiftPerson {
  userid: string;
  name: string;
  at?: string;
}

export interface Shift {
  id: string;
  day: string;
  time: string | null;
  station: string;
  label: string;
  members: ShiftPerson[];
  checkins: ShiftPerson[];
  editable: boolean;
}

export interface ShiftWeek {
  station: string | null;
  from: string;
  to: string;
  days: string[];
  today: string;
  stations: string[];
  items: Shift[];
}
