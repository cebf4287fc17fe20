import { type Connection, Schema } from 'mongoose';

/**
 * A picture or file uploaded over the long connection (aibot_upload_media_*): WeCom keeps a media_id for
 * 3 days, so the same bytes sent again within that time reuse it instead of spending another upload.
 */
const mediaUploadSchema = new Schema(
  {
    /** `<type>:<sha256 of the bytes>:<file name>`: the name is part of what WeCom shows for a file. */
    _id: { type: String, required: true },
    mediaId: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    /** Earlier than WeCom's 3 days by a margin, so a send never carries an id about to lapse. */
    reuseUntil: { type: Date, required: true },
  },
  { collection: 'media_uploads', versionKey: false },
);
mediaUploadSchema.index({ reuseUntil: 1 });

export function mediaUploadModel(conn: Connection) {
  return conn.model('MediaUpload', mediaUploadSchema);
}
