import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** A handling unit (承办单位) the office has assigned to; remembered so abbreviations and typos resolve. */
const handlingUnitSchema = new Schema(
  {
    name: { type: String, required: true },
    useCount: { type: Number, default: 0 },
    firstUsedAt: { type: Date, required: true },
    lastUsedAt: { type: Date, required: true },
    /**
     * The unit's own staff in WeCom (承办单位联系人): they receive the unit's cases and answer them.
     * Neither deputies nor office staff; they see only this unit's cases.
     */
    contacts: {
      type: [
        new Schema(
          {
            userid: { type: String, required: true },
            name: { type: String, required: true },
            addedAt: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'handling_units', versionKey: false },
);
handlingUnitSchema.index({ name: 1 }, { unique: true });
// Who is a unit contact: looked up on every message from someone who is neither deputy nor office.
handlingUnitSchema.index({ 'contacts.userid': 1 });

export type HandlingUnitDoc = InferSchemaType<typeof handlingUnitSchema> & { _id: unknown };

export function handlingUnitModel(conn: Connection) {
  return conn.model('HandlingUnit', handlingUnitSchema);
}
