import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

export interface BudgetLimits {
  perMinute: number;
  perHour: number;
}

/**
 * WeCom's per-conversation budget for the smart bot (replies plus proactive sends), shared by every
 * instance through fixed minute and hour windows in rate_windows.
 */
export function createRateBudget(models: Models, limits: BudgetLimits) {
  const { RateWindow } = models;
  const windows = (conversation: string, now: Date) => {
    const minute = Math.floor(now.getTime() / 60_000);
    const hour = Math.floor(now.getTime() / 3_600_000);
    return [
      {
        id: `aibot:${conversation}:m${minute}`,
        at: new Date(minute * 60_000),
        limit: limits.perMinute,
        next: new Date((minute + 1) * 60_000),
      },
      {
        id: `aibot:${conversation}:h${hour}`,
        at: new Date(hour * 3_600_000),
        limit: limits.perHour,
        next: new Date((hour + 1) * 3_600_000),
      },
    ];
  };

  /** One guarded increment; false when the window is full (the upsert's insert then collides). */
  async function takeOne(id: string, at: Date, limit: number): Promise<boolean> {
    try {
      await RateWindow.findOneAndUpdate(
        { _id: id, count: { $lt: limit } },
        { $inc: { count: 1 }, $setOnInsert: { at } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  return {
    /** Takes a slot for a proactive send; returns when to try again if the conversation is over budget. */
    async reserve(conversation: string, now: Date): Promise<Date | undefined> {
      const [minute, hour] = windows(conversation, now) as [
        ReturnType<typeof windows>[0],
        ReturnType<typeof windows>[0],
      ];
      if (!(await takeOne(minute.id, minute.at, minute.limit))) return minute.next;
      if (await takeOne(hour.id, hour.at, hour.limit)) return undefined;
      // Give the minute slot back: nothing was sent.
      await RateWindow.updateOne({ _id: minute.id }, { $inc: { count: -1 } });
      return hour.next;
    },
    /** Counts a reply, which is never held back (the user is waiting for it) but uses up the budget. */
    async count(conversation: string, now: Date): Promise<void> {
      for (const w of windows(conversation, now))
        await RateWindow.updateOne({ _id: w.id }, { $inc: { count: 1 }, $setOnInsert: { at: w.at } }, { upsert: true });
    },
  };
}

export type RateBudget = ReturnType<typeof createRateBudget>;
