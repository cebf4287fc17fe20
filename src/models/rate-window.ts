import { type Connection, Schema } from 'mongoose';

/** Sends per robot per minute, shared by every bot instance (WeCom allows 20 a minute per robot). */
const rateWindowSchema = new Schema(
  { _id: { type: String, required: true }, count: { type: Number, required: true }, at: { type: Date, required: true } },
  { collection: 'rate_windows', versionKey: false },
);
rateWindowSchema.index({ at: 1 });

export function rateWindowModel(conn: Connection) {
  return conn.model('RateWindow', rateWindowSchema);
}
