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
  deadline?: string;
  signedUp?: Person[];
  waitlist?: Person[];
  leaves?: Person[];
  attending?: Person[];
  excused?: Person[];
  silent?: Person[];
  checkins: Person[];
  room: Omit<RoomCodeView, 'code' | 'title' | 'status'>;
}
