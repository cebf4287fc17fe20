import { type Connection, mongo, Schema } from 'mongoose';

/**
 * One stored picture, keyed by the sha256 of its bytes: the same photo sent twice is stored once.
 * The bytes live in GridFS (bucket `photos`): the original and a small JPEG thumbnail made once.
 */
const photoSchema = new Schema(
  {
    /** sha256 of the decrypted bytes, lower-case hex. */
    _id: { type: String, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
    thumbId: { type: Schema.Types.ObjectId, required: true },
    mime: { type: String, enum: ['image/jpeg', 'image/png'], required: true },
    bytes: { type: Number, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    /** EXIF GPS as taken: for the office only, never shown in the group or to other deputies. */
    gps: { lat: { type: Number }, lon: { type: Number } },
    createdAt: { type: Date, required: true },
    /** Last time someone sent these bytes: the clean-up keeps a photo seen within the last day. */
    lastSeenAt: { type: Date, required: true },
  },
  { collection: 'photos', versionKey: false },
);
photoSchema.index({ lastSeenAt: 1 });

/**
 * A picture someone sent, waiting to be attached (建议/民意 within 10 minutes, or 附图), or attached.
 * `_id` is the inbound message id and the picture's place in it: a redelivery never adds a second one.
 */
const photoDropSchema = new Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    photo: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    /** Until when 建议/民意/附图 take it. */
    waitUntil: { type: Date, required: true },
    status: { type: String, enum: ['waiting', 'attached'], required: true },
    /** The opinion it went to. */
    code: { type: String },
  },
  { collection: 'photo_drops', versionKey: false },
);
// A deputy's waiting pictures (attach); the clean-up's old waiting ones; a photo's remaining references.
photoDropSchema.index({ owner: 1, status: 1, receivedAt: 1 });
photoDropSchema.index({ status: 1, receivedAt: 1 });
photoDropSchema.index({ photo: 1 });

export function photoModel(conn: Connection) {
  return conn.model('Photo', photoSchema);
}

export function photoDropModel(conn: Connection) {
  return conn.model('PhotoDrop', photoDropSchema);
}

export const PHOTO_BUCKET = 'photos';

/** The GridFS bucket holding photo bytes (the driver's GridFSBucket on the models' connection). */
export function photoBucket(conn: Connection): mongo.GridFSBucket {
  if (!conn.db) throw new Error('photo bucket: the connection is not open');
  return new mongo.GridFSBucket(conn.db, { bucketName: PHOTO_BUCKET });
}
