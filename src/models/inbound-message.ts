import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** One delivered WeCom message: the unique _id makes redeliveries find the first reply. */
const inboundSchema = new Schema(
  {
    _id: { type: String, required: true },
    streamId: { type: String, required: true },
    senderId: { type: String, required: true },
    status: { type: String, enum: ['processing', 'done'] as const, required: true },
    reply: { type: String },
    replyKind: { type: String },
    /** A reply's template card, as JSON (a redelivered card tap gets the same update). */
    replyCard: { type: String },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
  },
  { collection: 'inbound_messages', versionKey: false },
);
inboundSchema.index({ streamId: 1 });
inboundSchema.index({ startedAt: 1 });

/** A row as stored (src/repositories/inbound-messages.ts writes it through the driver). */
export type InboundMessageRow = InferSchemaType<typeof inboundSchema>;

export function inboundMessageModel(conn: Connection) {
  return conn.model('InboundMessage', inboundSchema);
}
