import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** A push waiting to go out (or gone). The unique key makes every enqueue idempotent. */
const outboxSchema = new Schema(
  {
    key: { type: String, required: true },
    channel: {
      type: String,
      enum: ['webhook', 'app', 'app-card-update', 'response_url', 'aibot', 'aibot-direct'],
      required: true,
    },
    msgtype: { type: String, enum: ['markdown', 'text', 'image', 'file'], required: true },
    /** The text, or for an image or file its bytes in base64. */
    content: { type: String, required: true },
    /** A file's (or a long-connection picture's) name as the recipient sees it. */
    filename: { type: String },
    /** webhook text: userids (or '@all') to mention; app: recipients. 'aibot': the long connection's group push;
     * 'aibot-direct': the one person a one-to-one message over the long connection goes to. */
    userids: { type: [String], default: [] },
    url: { type: String },
    /** A one-to-one message that must never become a group @-mention (a reminder to vote names who has not). */
    privateOnly: { type: Boolean },
    /** A template card (JSON of src/cards' Card) sent instead of the text where the channel carries cards. */
    card: { type: String },
    /** 'app-card-update': the click's ResponseCode, which message/update_template_card takes once. */
    responseCode: { type: String },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'dead'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lockedUntil: { type: Date },
    lastError: { type: String },
    seq: { type: Number, default: 0 },
    /** The enqueued message's key, shared by its parts (`key#1`, `key#2`…): parts go out in `seq` order. */
    group: { type: String },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date },
    /** The office gave up on it in the console (status is then 'dead'): not a failure to show or count. */
    discardedAt: { type: Date },
    discardedBy: { type: String },
  },
  { collection: 'outbox', versionKey: false },
);
outboxSchema.index({ key: 1 }, { unique: true });
outboxSchema.index({ status: 1, nextAttemptAt: 1, createdAt: 1, seq: 1 });
outboxSchema.index({ group: 1, seq: 1 });

export type OutboxItemDoc = InferSchemaType<typeof outboxSchema> & { _id: unknown };

export function outboxItemModel(conn: Connection) {
  return conn.model('OutboxItem', outboxSchema);
}
