import { type Connection, Schema } from 'mongoose';
import {
  type EventStatus,
  indexScheduledEvent,
  type Reminder,
  scheduledEventFields,
  scheduledEventIdentity,
  type RoomCode,
  type Stamp,
  stampSchema,
} from './event-parts';

/**
 * An activity with its sign-ups inside the document, so every sign-up change is one atomic update.
 * The *Ids arrays mirror the stamp arrays for the readers that still use them; the guards are on the
 * stamps themselves (`'confirmed.userid': { $ne }`).
 */
const activitySchema = new Schema(
  {
    ...scheduledEventIdentity,
    deadline: { type: Date, required: true },
    /** The deadline follows the start time when the office did not set one. */
    deadlineIsDefault: { type: Boolean, default: true },
    /** The sign-up deadline was counted in working days into a year whose holidays are unknown (weekends only). */
    deadlineEstimated: { type: Boolean, default: false },
    /** null: no limit on places. */
    capacity: { type: Number, default: null },
    confirmed: { type: [stampSchema], default: [] },
    confirmedIds: { type: [String], default: [] },
    confirmedCount: { type: Number, default: 0 },
    waitlist: { type: [stampSchema], default: [] },
    waitlistIds: { type: [String], default: [] },
    leaves: { type: [new Schema({ userid: String, reason: String, at: Date }, { _id: false })], default: [] },
    /** Promoted from the waitlist but not yet told: written with the promotion, cleared once queued. */
    promotedPending: { type: [String], default: [] },
    /** The 民生实事 project this activity inspects (a 视察 or 回头看 of SS2026-001), when it names one. */
    project: { type: String },
    ...scheduledEventFields,
  },
  { timestamps: true, collection: 'activities' },
);
indexScheduledEvent(activitySchema);
activitySchema.index({ project: 1 });

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
  deadlineEstimated?: boolean;
  capacity: number | null;
  status: EventStatus;
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
  roomCode?: RoomCode | null;
  project?: string | null;
}

export function activityModel(conn: Connection) {
  return conn.model('Activity', activitySchema);
}
