import { type Connection, Schema } from 'mongoose';

/**
 * A robot's sliding send budget, shared by every bot instance (WeCom allows 20 a minute per robot).
 * `slots` holds the stamps of the last N sends (ms × 1000 + a random tie-breaker), sorted ascending:
 * a send may go when fewer than N are recorded or the oldest is more than a minute old.
 * The long connection's per-conversation budgets (`aibot:<chat>:m…` / `:h…`) are fixed windows with
 * a `count` instead: WeCom states them per minute and per hour.
 */
const rateWindowSchema = new Schema(
  {
    _id: { type: String, required: true },
    slots: { type: [Number], default: undefined },
    count: { type: Number },
    at: { type: Date, required: true },
  },
  { collection: 'rate_windows', versionKey: false },
);
rateWindowSchema.index({ at: 1 });

export function rateWindowModel(conn: Connection) {
  return conn.model('RateWindow', rateWindowSchema);
}
