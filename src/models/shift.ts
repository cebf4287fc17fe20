import { type Connection, Schema } from 'mongoose';
import { type Reminder, type Stamp, reminderSchema, stampSchema } from './event-parts';

/** One reception shift at a liaison station: a day (or a start time) and the deputies on it. */
const shiftSchema = new Schema(
  {
    /** Midnight of the shift's day (app time zone). */
    day: { type: Date, required: true },
    year: { type: Number, required: true },
    /** Set when the office gave a time; otherwise the shift is the whole day. */
    startAt: { type: Date },
    /** `<day>` or `<day>T<hh:mm>`: with station, identifies the shift. */
    slot: { type: String, required: true },
    station: { type: String, required: true },
    members: { type: [stampSchema], default: [] },
    memberIds: { type: [String], default: [] },
    checkins: { type: [stampSchema], default: [] },
    checkinIds: { type: [String], default: [] },
    reminders: { type: [reminderSchema], default: [] },
    nextReminderAt: { type: Date, default: null },
    reminderRev: { type: Number, default: 0 },
    createdBy: { type: String, required: true },
    origin: { type: String, required: true },
  },
  { timestamps: true, collection: 'shifts' },
);
shiftSchema.index({ station: 1, slot: 1 }, { unique: true });
shiftSchema.index({ origin: 1 }, { unique: true });
shiftSchema.index({ day: 1 });
shiftSchema.index({ memberIds: 1, year: 1 });
shiftSchema.index({ nextReminderAt: 1 });

export interface ShiftDoc {
  _id: unknown;
  day: Date;
  year: number;
  startAt?: Date | null;
  slot: string;
  station: string;
  members: Stamp[];
  memberIds: string[];
  checkins: Stamp[];
  checkinIds: string[];
  reminders: Reminder[];
  nextReminderAt: Date | null;
  reminderRev: number;
  createdBy: string;
  origin: string;
}

export function shiftModel(conn: Connection) {
  return conn.model('Shift', shiftSchema);
}
