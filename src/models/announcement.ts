import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * An office announcement (公告). Immediate ones are created 'sending' (due now) and become 'sent' once
 * queued; scheduled ones go scheduled → sending → sent, or scheduled → revoked / expired.
 */
const announcementSchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    content: { type: String, required: true },
    mentionAll: { type: Boolean, default: false },
    authorId: { type: String, required: true },
    authorName: { type: String, required: true },
    status: { type: String, enum: ['scheduled', 'sending', 'sent', 'revoked', 'expired'], required: true },
    scheduledAt: { type: Date },
    sentAt: { type: Date },
    revokedAt: { type: Date },
    revokedBy: { type: String },
    /** The inbound message that created it: a WeCom retry finds this instead of posting twice. */
    origin: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'announcements', versionKey: false },
);
announcementSchema.index({ code: 1 }, { unique: true });
announcementSchema.index({ origin: 1 }, { unique: true });
announcementSchema.index({ status: 1, scheduledAt: 1 });
announcementSchema.index({ createdAt: -1 });

export type AnnouncementDoc = InferSchemaType<typeof announcementSchema> & { _id: unknown };

export function announcementModel(conn: Connection) {
  return conn.model('Announcement', announcementSchema);
}
