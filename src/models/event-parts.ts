import { Schema } from 'mongoose';

// Sub-schemas shared by Activity, Meeting and Shift.

/** Someone in a list, with when the database applied it (arrival order). */
export const stampSchema = new Schema({ userid: { type: String, required: true }, at: { type: Date, required: true } }, { _id: false });

/** One planned reminder: pending → claimed → sent, or pending → skipped | cancelled. doneAt: when it last moved. */
export const reminderSchema = new Schema(
  {
    minutesBefore: { type: Number, required: true },
    at: { type: Date, required: true },
    status: { type: String, enum: ['pending', 'claimed', 'sent', 'skipped', 'cancelled'], required: true },
    doneAt: { type: Date },
  },
  { _id: false },
);

export interface Stamp {
  userid: string;
  at: Date;
}

export interface Reminder {
  minutesBefore: number;
  at: Date;
  status: 'pending' | 'claimed' | 'sent' | 'skipped' | 'cancelled';
  doneAt?: Date;
}
