import { type Connection, Schema } from 'mongoose';

/**
 * Who holds the smart bot's long connection (WeCom allows one per bot), and how it is doing.
 * One document per bot; the holder renews `expiresAt`, anyone may take it once it has passed.
 * The state fields let every instance (and the 任务 command) see the connection's health.
 */
const leaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    acquiredAt: { type: Date, required: true },
    state: { type: String, required: true },
    stateSince: { type: Date, required: true },
    upSince: { type: Date },
    detail: { type: String },
  },
  { collection: 'connection_leases', versionKey: false },
);

export function connectionLeaseModel(conn: Connection) {
  return conn.model('ConnectionLease', leaseSchema);
}
