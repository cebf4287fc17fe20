import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** Per-kind, per-year sequence behind codes like YJ2026-001. */
const counterSchema = new Schema(
  { _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } },
  { collection: 'counters', versionKey: false },
);

/** A row as stored (src/repositories/counters.ts writes it through the driver). */
export type CounterRow = InferSchemaType<typeof counterSchema>;

export function counterModel(conn: Connection) {
  return conn.model('Counter', counterSchema);
}
