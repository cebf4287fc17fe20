import { type Connection, Schema } from 'mongoose';
import { type Reminder, type Stamp, reminderSchema, stampSchema } from './event-parts';

const replySchema = new Schema(
  { userid: { type: String, required: true }, answer: { type: String, enum: ['参加', '请假'], required: true }, reason: String, at: Date },
  { _id: false },
);

/** A meeting every active deputy is expected at; reply slips and check-ins live inside it. */
const meetingSchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    type: { type: String, required: true },
    place: { type: String, required: true },
    startAt: { type: Date, required: true },
    endAt: { type: Date },
    status: { type: String, enum: ['active', 'cancelled'], default: 'active' },
    /** Active deputies when the notice went out; deputies who answer later are added. */
    expectedIds: { type: [String], default: [] },
    replies: { type: [replySchema], default: [] },
    /** replies[i].userid, kept in step (pushed together): the guard for a first slip. */
    replyIds: { type: [String], default: [] },
    checkins: { type: [stampSchema], default: [] },
    checkinIds: { type: [String], default: [] },
    reminders: { type: [reminderSchema], default: [] },
    nextReminderAt: { type: Date, default: null },
    reminderRev: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
    cancelReason: { type: String },
    cancelledAt: { type: Date },
    /** The message that cancelled it: a WeCom retry of that message re-sends the notices, nothing more. */
    cancelOrigin: { type: String },
    createdBy: { type: String, required: true },
    origin: { type: String, required: true },
  },
  { timestamps: true, collection: 'meetings' },
);
meetingSchema.index({ code: 1 }, { unique: true });
meetingSchema.index({ origin: 1 }, { unique: true });
meetingSchema.index({ status: 1, startAt: 1 });
meetingSchema.index({ year: 1 });
meetingSchema.index({ nextReminderAt: 1 });

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
  status: 'active' | 'cancelled';
  expectedIds: string[];
  replies: MeetingReply[];
  replyIds: string[];
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
}

export function meetingModel(conn: Connection) {
  return conn.model('Meeting', meetingSchema);
}
