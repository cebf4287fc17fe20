import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** A handling unit (承办单位) the office has assigned to; remembered so abbreviations and typos resolve. */
const handlingUnitSchema = new Schema(
  {
    name: { type: String, required: true },
    useCount: { type: Number, default: 0 },
    firstUsedAt: { type: Date, required: true },
    lastUsedAt: { type: Date, required: true },
  },
  { collection: 'handling_units', versionKey: false },
);
handlingUnitSchema.index({ name: 1 }, { unique: true });

export type HandlingUnitDoc = InferSchemaType<typeof handlingUnitSchema> & { _id: unknown };

export function handlingUnitModel(conn: Connection) {
  return conn.model('HandlingUnit', handlingUnitSchema);
}
