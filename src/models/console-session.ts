import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * A signed-in browser of the office console. The cookie holds a random token; only its sha256 is
 * stored, so a copy of the database signs nobody in.
 */
const consoleSessionSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    userid: { type: String, required: true },
    /** The role signed in with: an office session ends when the person loses the office role. */
    role: { type: String, enum: ['office', 'deputy', 'unit'], required: true },
    csrfToken: { type: String, required: true },
    via: { type: String, enum: ['link', 'wecom', 'demo'], required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    /** createdAt + the maximum lifetime; the idle limit is checked against lastSeenAt. */
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date },
    revokedWhy: { type: String },
  },
  { collection: 'console_sessions', versionKey: false },
);
consoleSessionSchema.index({ tokenHash: 1 }, { unique: true });
consoleSessionSchema.index({ userid: 1 });
consoleSessionSchema.index({ expiresAt: 1 });

export type ConsoleSessionDoc = InferSchemaType<typeof consoleSessionSchema> & { _id: unknown };

export function consoleSessionModel(conn: Connection) {
  return conn.model('ConsoleSession', consoleSessionSchema);
}
