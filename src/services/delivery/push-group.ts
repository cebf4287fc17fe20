import type { Logger } from 'pino';
import type { Config } from '../../../config';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

const CHOSEN = 'group';
const seenId = (chatid: string) => `group:${chatid}`;
/** The outbox channel of group pushes over the long connection: these wait while no group is chosen. */
const GROUP_CHANNEL = 'aibot';

/** Group pushes go over the long connection (no webhook key), so they need a chosen group. */
export function pushesNeedGroup(config: Config): boolean {
  return Boolean(config.wecom.longConnection) && !config.wecom.webhookKey;
}

export interface PushGroupOverview {
  /** Whether group pushes depend on it (the long connection carries them: no webhook key). */
  needed: boolean;
  chosen?: { chatid: string; chosenAt?: Date; chosenBy?: string; learnedAt: Date; automatic: boolean };
  /** Groups the bot has heard from, newest first. */
  seen: Array<{ chatid: string; learnedAt: Date; learnedFrom?: string }>;
  /** Group pushes waiting to go out over the long connection. */
  waiting: number;
}

export type ChooseOutcome = { ok: true; unchanged: boolean; waiting: number } | { ok: false; reason: 'unknown_group' };

/**
 * Which group receives the long connection's group pushes: the office chooses it (设为代表群 in that group,
 * or the console's 系统 page) among the groups the bot has heard from. Until then group pushes wait.
 */
export function createPushGroup(d: {
  models: Models;
  clock: Clock;
  log: Logger;
  needed: boolean;
  /** Told after a choice, so waiting pushes go out at once. */
  afterChoose?: () => void;
}) {
  const { BotChat } = d.models;
  // Groups this instance has already recorded: one write per group per instance.
  const recorded = new Set<string>();

  async function record(chatid: string, userid: string | undefined, now: Date): Promise<void> {
    try {
      await BotChat.updateOne(
        { _id: seenId(chatid) },
        { $setOnInsert: { chatid, learnedAt: now, learnedFrom: userid } },
        { upsert: true },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  const waiting = () => countWaiting(d.models);

  return {
    needed: d.needed,
    /** Records a group the bot heard from; a second group withdraws a choice an earlier version made by itself. */
    async remember(chatid: string, userid: string): Promise<void> {
      if (recorded.has(chatid)) return;
      await record(chatid, userid, d.clock.now());
      // Versions before the office chose stored the first group heard from (no chosenBy). Kept while it is the
      // only group; once another group talks to the bot it may have been a test group, so the office decides.
      const withdrawn = await BotChat.findOneAndDelete({
        _id: CHOSEN,
        chosenBy: { $exists: false },
        chatid: { $ne: chatid },
      }).lean();
      if (withdrawn)
        d.log.warn(
          { previous: withdrawn.chatid, heard: chatid },
          'push group withdrawn: it was taken automatically by an earlier version and another group now talks to the bot; group pushes wait until the office sends 设为代表群 in the deputies group',
        );
      recorded.add(chatid);
    },
    /** The chosen group's chatid, read fresh (another instance may have changed it). */
    async chosen(): Promise<string | undefined> {
      return (await BotChat.findById(CHOSEN).lean())?.chatid ?? undefined;
    },
    /**
     * Makes `chatid` the push group in one upsert. `fromGroup`: said in that group (设为代表群), which is
     * proof the bot can write there; otherwise (console) it must be a group the bot has heard from.
     */
    async choose(chatid: string, by: string, opts: { fromGroup: boolean }): Promise<ChooseOutcome> {
      const now = d.clock.now();
      if (opts.fromGroup) {
        await record(chatid, by, now);
        recorded.add(chatid);
      } else {
        const known = await BotChat.exists({ _id: { $in: [seenId(chatid), CHOSEN] }, chatid });
        if (!known) return { ok: false, reason: 'unknown_group' };
      }
      const before = await BotChat.findOneAndUpdate(
        { _id: CHOSEN },
        { $set: { chatid, chosenAt: now, chosenBy: by }, $setOnInsert: { learnedAt: now, learnedFrom: by } },
        { upsert: true, returnDocument: 'before' },
      ).lean();
      d.log.info({ chatid, by, previous: before?.chatid }, 'push group chosen');
      d.afterChoose?.();
      return { ok: true, unchanged: before?.chatid === chatid && Boolean(before.chosenBy), waiting: await waiting() };
    },
    /** What the console's 系统 page shows: the chosen group, the groups heard from, what waits. */
    overview: () => readOverview(d.models, d.needed),
  };
}

export type PushGroup = ReturnType<typeof createPushGroup>;

async function readOverview(models: Models, needed: boolean): Promise<PushGroupOverview> {
  const { BotChat } = models;
  const [chosen, seen, count] = await Promise.all([
    BotChat.findById(CHOSEN).lean(),
    // Every id starting with "group:" (';' follows ':'): a range on _id, no regular expression.
    BotChat.find({ _id: { $gt: 'group:', $lt: 'group;' } })
      .sort({ learnedAt: -1 })
      .limit(50)
      .lean(),
    countWaiting(models),
  ]);
  const groups = seen.map((g) => ({
    chatid: g.chatid,
    learnedAt: g.learnedAt,
    learnedFrom: g.learnedFrom ?? undefined,
  }));
  // The group an earlier version stored was not recorded among the groups heard from.
  if (chosen && !groups.some((g) => g.chatid === chosen.chatid))
    groups.push({
      chatid: chosen.chatid,
      learnedAt: chosen.learnedAt,
      learnedFrom: chosen.learnedFrom ?? undefined,
    });
  return {
    needed,
    chosen: chosen
      ? {
          chatid: chosen.chatid,
          chosenAt: chosen.chosenAt ?? undefined,
          chosenBy: chosen.chosenBy ?? undefined,
          learnedAt: chosen.learnedAt,
          automatic: !chosen.chosenBy,
        }
      : undefined,
    seen: groups,
    waiting: count,
  };
}

function countWaiting(models: Models): Promise<number> {
  return models.OutboxItem.countDocuments({ channel: GROUP_CHANNEL, status: { $in: ['pending', 'sending'] } });
}
