import type { Clock } from '../../clock';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

const GROUP = 'group';

/** The deputies' group chatid, learned from the first group message the bot receives, kept in MongoDB. */
export function createGroupChatStore(models: Models, clock: Clock) {
  const { BotChat } = models;
  let known: string | undefined;
  return {
    /** Remembers the first group the bot hears from; later groups do not replace it. */
    async remember(chatid: string, userid: string): Promise<void> {
      if (known) return;
      try {
        await BotChat.updateOne(
          { _id: GROUP },
          { $setOnInsert: { chatid, learnedAt: clock.now(), learnedFrom: userid } },
          { upsert: true },
        );
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      known = await this.groupChatId();
    },
    async groupChatId(): Promise<string | undefined> {
      if (known) return known;
      const doc = await BotChat.findById(GROUP).lean();
      known = doc?.chatid ?? undefined;
      return known;
    },
  };
}

export type GroupChatStore = ReturnType<typeof createGroupChatStore>;
