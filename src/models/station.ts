import { type Connection, Schema } from 'mongoose';

/** A liaison station (代表联络站) the office has used: typed names are matched against these. */
const stationSchema = new Schema(
  {
    name: { type: String, required: true },
    createdBy: { type: String },
  },
  { timestamps: true, collection: 'stations' },
);
stationSchema.index({ name: 1 }, { unique: true });

export function stationModel(conn: Connection) {
  return conn.model('Station', stationSchema);
}
