import { Schema } from 'mongoose';

// Sub-schemas shared by Activity, Meeting and Shift.

/** Someone in a list, with when the database applied it (arrival order). */
export const stampSchema = new Schema(
  { userid: { type: String, required: true }, at: { type: Date, required: true } },
  { _id: false },
);

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

/** The room's check-in code: on while present; the secret never leaves the server (only derived codes do). */
export const roomCodeSchema = new Schema(
  {
    secret: { type: String, required: true },
    since: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

/** What and when: the fields every scheduled event (activity, meeting) starts with. */
export const scheduledEventIdentity = {
  code: { type: String, required: true },
  year: { type: Number, required: true },
  title: { type: String, required: true },
  type: { type: String, required: true },
  place: { type: String, required: true },
  startAt: { type: Date, required: true },
  /** Only when the office gave an end; otherwise start + the configured duration. */
  endAt: { type: Date },
} as const;

/**
 * The one lifecycle of every scheduled event (activity, meeting): active until cancelled. Activities were
 * stored as 'open' before; `upgradeStoredDocuments` (src/models/upgrades.ts) rewrites those at start.
 */
export const EVENT_STATUSES = ['active', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * Fields every scheduled event (activity, meeting) carries after its own: its status, check-ins, planned
 * reminders, the change counter, cancellation, and who created it from which message.
 */
export const scheduledEventFields = {
  status: { type: String, enum: EVENT_STATUSES, default: 'active' },
  checkins: { type: [stampSchema], default: [] },
  checkinIds: { type: [String], default: [] },
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
  roomCode: { type: roomCodeSchema, default: null },
} as const;

/** The indexes every scheduled event needs: its code, its creating message, listings and reminders. */
export function indexScheduledEvent(schema: Schema): void {
  schema.index({ code: 1 }, { unique: true });
  schema.index({ origin: 1 }, { unique: true });
  schema.index({ status: 1, startAt: 1 });
  schema.index({ year: 1 });
  schema.index({ nextReminderAt: 1 });
}

export interface Stamp {
  userid: string;
  at: Date;
}

export interface RoomCode {
  secret: string;
  since: Date;
  by: string;
}

export interface Reminder {
  minutesBefore: number;
  at: Date;
  status: 'pending' | 'claimed' | 'sent' | 'skipped' | 'cancelled';
  doneAt?: Date;
}
