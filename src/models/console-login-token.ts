import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** A one-time sign-in link from the bot (`登录`) or the demo simulator: sha256 of the token, single use, short-lived. */
const consoleLoginTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    userid: { type: String, required: true },
    via: { type: String, enum: ['link', 'demo'], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
  },
  { collection: 'console_login_tokens', versionKey: false },
);
consoleLoginTokenSchema.index({ tokenHash: 1 }, { unique: true });
consoleLoginTokenSchema.index({ expiresAt: 1 });

export type ConsoleLoginTokenDoc = InferSchemaType<typeof consoleLoginTokenSchema> & { _id: unknown };

export function consoleLoginTokenModel(conn: Connection) {
  return conn.model('ConsoleLoginToken', consoleLoginTokenSchema);
}
