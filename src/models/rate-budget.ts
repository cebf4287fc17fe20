import { type Connection, Schema } from 'mongoose';

// The two kinds of send budget (src/services/delivery/send-budget.ts), each in a collection of its own.

/**
 * A sliding budget (the group robot's 20 a minute): `slots` holds the stamps of the last N sends
 * (ms × 1000 + a random tie-breaker), sorted ascending; a send may go when fewer than N are recorded
 * or the oldest is more than a window old. One document per budget (`_id`: e.g. 'webhook').
 */
const rateSlotsSchema = new Schema(
  {
    _id: { type: String, required: true },
    slots: { type: [Number], default: [] },
    at: { type: Date, required: true },
  },
  { collection: 'rate_slots', versionKey: false },
);
rateSlotsSchema.index({ at: 1 });

/**
 * Fixed windows (the smart bot's per-conversation budget, which WeCom states per minute and per hour):
 * one counter per conversation and window (`_id`: `<budget>:<conversation>:<span>:<window number>`).
 */
const rateCountSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'rate_counts', versionKey: false },
);
rateCountSchema.index({ at: 1 });

export function rateSlotsModel(conn: Connection) {
  return conn.model('RateSlots', rateSlotsSchema);
}

export function rateCountModel(conn: Connection) {
  return conn.model('RateCount', rateCountSchema);
}
