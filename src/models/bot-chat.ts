import { type Connection, Schema } from 'mongoose';

/** A conversation the smart bot may push into (aibot_send_msg needs one where a user has written). */
const botChatSchema = new Schema(
  {
    /**
     * 'group': the deputies' group, learned from the first group message; 'single:<userid>': a person's
     * one-to-one chat with the bot (chatid = userid), learned from their first one-to-one message.
     */
    _id: { type: String, required: true },
    chatid: { type: String, required: true },
    learnedAt: { type: Date, required: true },
    learnedFrom: { type: String },
  },
  { collection: 'bot_chats', versionKey: false },
);

export function botChatModel(conn: Connection) {
  return conn.model('BotChat', botChatSchema);
}
