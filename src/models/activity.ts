import { type Connection, Schema } from 'mongoose';
import { type Reminder, type Stamp, reminderSchema, stampSchema } from './event-parts';

/**
 * An activity with its sign-ups inside the document, so every sign-up change is one atomic update.
 * The *Ids arrays mirror the stamp arrays: FerretDB cannot filter `confirmed.userid: {$ne}` correctly,
 * scalar arrays it can.
 */
const activitySchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    type: { type: String, required: true },
    place: { type: String, required: true },
    startAt: { type: Date, required: true },
    /** Only when the office gave an end; otherwise start + the configured duration. */
    endAt: { type: Date },
    deadline: { type: Date, required: true },
    /** The deadline follows the start time when the office did not set one. */
    deadlineIsDefault: { type: Boolean, default: true },
    /** null: no limit on places. */
    capacity: { type: Number, default: null },
    status: { type: String, enum: ['open', 'cancelled'], default: 'open' },
    confirmed: { type: [stampSchema], default: [] },
    confirmedIds: { type: [String], default: [] },
    confirmedCount: { type: Number, default: 0 },
    waitlist: { type: [stampSchema], default: [] },
    waitlistIds: { type: [String], default: [] },
    leaves: { type: [new Schema({ userid: String, reason: String, at: Date }, { _id: false })], default: [] },
    checkins: { type: [stampSchema], default: [] },
    checkinIds: { type: [String], default: [] },
    /** Promoted from the waitlist but not yet told: written with the promotion, cleared once queued. */
    promotedPending: { type: [String], default: [] },
    reminders: { type: [reminderSchema], default: [] },
    nextReminderAt: { type: Date, default: null },
    /** Bumped when reminders are recomputed (time change), so reminder keys stay unique. */
    reminderRev: { type: Number, default: 0 },
    /** Bumped by every change; whole-array rewrites (cancel, promote) are guarded by it. */
    version: { type: Number, default: 0 },
    cancelReason: { type: String },
    cancelledAt: { type: Date },
    /** The message that cancelled it: a WeCom retry of that message re-sends the notices, nothing more. */
    cancelOrigin: { type: String },
    createdBy: { type: String, required: true },
    origin: { type: String, required: true },
  },
  { timestamps: true, collection: 'activities' },
);
activitySchema.index({ code: 1 }, { unique: true });
activitySchema.index({ origin: 1 }, { unique: true });
activitySchema.index({ status: 1, startAt: 1 });
activitySchema.index({ year: 1 });
activitySchema.index({ nextReminderAt: 1 });

export interface ActivityDoc {
  _id: unknown;
  code: string;
  year: number;
  title: string;
  type: string;
  place: string;
  startAt: Date;
  endAt?: Date | null;
  deadline: Date;
  deadlineIsDefault: boolean;
  capacity: number | null;
  status: 'open' | 'cancelled';
  confirmed: Stamp[];
  confirmedIds: string[];
  confirmedCount: number;
  waitlist: Stamp[];
  waitlistIds: string[];
  leaves: Array<{ userid: string; reason: string; at: Date }>;
  checkins: Stamp[];
  checkinIds: string[];
  promotedPending: string[];
  reminders: Reminder[];
  nextReminderAt: Date | null;
  reminderRev: number;
  version: number;
  cancelReason?: string;
  cancelOrigin?: string;
  createdBy: string;
  origin: string;
}

export function activityModel(conn: Connection) {
  return conn.model('Activity', activitySchema);
}
