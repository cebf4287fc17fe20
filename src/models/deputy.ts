import { type Connection, type InferSchemaType, Schema } from 'mongoose';

const deputySchema = new Schema(
  {
    userid: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, default: '镇' },
    group: { type: String },
    station: { type: String },
    district: { type: String },
    /** Roster data for the office only: never shown in the group. */
    phone: { type: String },
    active: { type: Boolean, default: true },
    isOffice: { type: Boolean, default: false },
    termStart: { type: Date },
    termEnd: { type: Date },
  },
  { timestamps: true, collection: 'deputies' },
);
deputySchema.index({ userid: 1 }, { unique: true });
deputySchema.index({ name: 1 });
deputySchema.index({ active: 1, isOffice: 1 });

export type DeputyDoc = InferSchemaType<typeof deputySchema> & { _id: unknown };

export function deputyModel(conn: Connection) {
  return conn.model('Deputy', deputySchema);
}
