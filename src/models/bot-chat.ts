import { type Connection, Schema } from 'mongoose';

/** A conversation the smart bot may push into (aibot_send_msg needs one where a user has written). */
const botChatSchema = new Schema(
  {
    /**
     * 'group': the push group the office chose (设为代表群 or the console; versions before that stored the
     * first group heard from, without chosenBy); 'group:<chatid>': a group the bot has heard from;
     * 'single:<userid>': a person's one-to-one chat with the bot (chatid = userid), from their first message.
     */
    _id: { type: String, required: true },
    chatid: { type: String, required: true },
    learnedAt: { type: Date, required: true },
    learnedFrom: { type: String },
    /** The push group only: when and by whom (userid) it was chosen. */
    chosenAt: { type: Date },
    chosenBy: { type: String },
  },
  { collection: 'bot_chats', versionKey: false },
);

export function botChatModel(conn: Connection) {
  return conn.model('BotChat', botChatSchema);
}
