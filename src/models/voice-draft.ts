import { type Connection, Schema } from 'mongoose';

/** A deputy's spoken opinion waiting for 确认: one per deputy, the newest voice message replaces it. */
const voiceDraftSchema = new Schema(
  {
    /** The deputy's userid. */
    _id: { type: String, required: true },
    text: { type: String, required: true },
    /** The voice message's id: the filed opinion's origin, so filing twice is impossible. */
    voiceMsgId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    /** Compared with the clock on 确认 (no TTL index: the test server never expires documents). */
    expiresAt: { type: Date, required: true },
    /** The 确认 message that claimed this draft; a redelivery of it may finish the filing. */
    confirmMsgId: { type: String },
    filedCode: { type: String },
  },
  { collection: 'voice_drafts', versionKey: false },
);
voiceDraftSchema.index({ expiresAt: 1 });

export function voiceDraftModel(conn: Connection) {
  return conn.model('VoiceDraft', voiceDraftSchema);
}
