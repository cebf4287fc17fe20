import { type Connection, Schema } from 'mongoose';
import {
  type EventStatus,
  indexScheduledEvent,
  type Reminder,
  scheduledEventFields,
  scheduledEventIdentity,
  type RoomCode,
  type Stamp,
} from './event-parts';

const replySchema = new Schema(
  {
    userid: { type: String, required: true },
    answer: { type: String, enum: ['参加', '请假'], required: true },
    reason: String,
    at: Date,
  },
  { _id: false },
);

/** A meeting every active deputy is expected at; reply slips and check-ins live inside it. */
const meetingSchema = new Schema(
  {
    ...scheduledEventIdentity,
    /** Active deputies when the notice went out; deputies who answer later are added. */
    expectedIds: { type: [String], default: [] },
    replies: { type: [replySchema], default: [] },
    /** Written by earlier versions (replies[i].userid); slips are now guarded on 'replies.userid'. */
    replyIds: { type: [String], default: undefined },
    ...scheduledEventFields,
  },
  { timestamps: true, collection: 'meetings' },
);
indexScheduledEvent(meetingSchema);

export interface MeetingReply {
  userid: string;
  answer: '参加' | '请假';
  reason?: string;
  at: Date;
}

export interface MeetingDoc {
  _id: unknown;
  code: string;
  year: number;
  title: string;
  type: string;
  place: string;
  startAt: Date;
  endAt?: Date | null;
  status: EventStatus;
  expectedIds: string[];
  replies: MeetingReply[];
  replyIds?: string[];
  checkins: Stamp[];
  checkinIds: string[];
  reminders: Reminder[];
  nextReminderAt: Date | null;
  reminderRev: number;
  version: number;
  cancelReason?: string;
  cancelOrigin?: string;
  createdBy: string;
  origin: string;
  roomCode?: RoomCode | null;
}

export function meetingModel(conn: Connection) {
  return conn.model('Meeting', meetingSchema);
}
