import type { Clock } from '../../clock';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

// A person's one-to-one chat with the smart bot, stored beside the group in bot_chats.
const idOf = (userid: string) => `single:${userid}`;

/**
 * Who has written to the smart bot one-to-one: aibot_send_msg reaches a person privately only in such a
 * conversation. Recorded once per person (an upsert that only inserts), and once per instance at most:
 * later messages from a known person cost no database command.
 */
export function createDirectChats(models: Models, clock: Clock) {
  const { BotChat } = models;
  // One write per person per instance, however many of their messages arrive while it is under way.
  const recorded = new Map<string, Promise<void>>();

  async function record(userid: string): Promise<void> {
    try {
      await BotChat.updateOne(
        { _id: idOf(userid) },
        { $setOnInsert: { chatid: userid, learnedAt: clock.now(), learnedFrom: userid } },
        { upsert: true },
      );
    } catch (err) {
      // Another instance inserted it first: recorded all the same.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  return {
    /** Remembers that `userid` wrote one-to-one; a failed write is tried again on their next message. */
    remember(userid: string): Promise<void> {
      if (!userid) return Promise.resolve();
      let done = recorded.get(userid);
      if (!done) {
        done = record(userid).catch((err: unknown) => {
          recorded.delete(userid);
          throw err;
        });
        recorded.set(userid, done);
      }
      return done;
    },
    /** The subset of `userids` with a known one-to-one conversation (one read). */
    async known(userids: string[]): Promise<Set<string>> {
      if (userids.length === 0) return new Set();
      const docs = await BotChat.find({ _id: { $in: userids.map(idOf) } }, { chatid: 1 }).lean();
      return new Set(docs.map((d) => d.chatid));
    },
  };
}

export type DirectChats = ReturnType<typeof createDirectChats>;
