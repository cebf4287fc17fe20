import { randomInt } from 'node:crypto';
import type { Models } from '../models';

const WINDOW_MS = 60_000;

export type SlotTaken = { ok: true; stamp: number } | { ok: false; freeAt: Date };

/**
 * A sliding 60-second budget of `perMinute` sends, shared by all instances through one document:
 * taking a slot is one guarded atomic update (the guard is "the N-th most recent send is older than
 * a minute"), so two instances can never both take the last one.
 */
export function createRateBudget(o: { models: Models; id: string; perMinute: number }) {
  const { RateWindow } = o.models;
  const n = o.perMinute;

  async function freeAt(now: Date): Promise<Date> {
    const doc = (await RateWindow.findById(o.id).lean()) as { slots?: number[] } | null;
    const oldest = doc?.slots?.length === n ? doc.slots[0] : undefined;
    return new Date(oldest === undefined ? now.getTime() : Math.floor(oldest / 1000) + WINDOW_MS + 1);
  }

  return {
    async take(now: Date): Promise<SlotTaken> {
      const stamp = now.getTime() * 1000 + randomInt(1000);
      const cutoff = (now.getTime() - WINDOW_MS) * 1000 + 999;
      try {
        await RateWindow.findOneAndUpdate(
          { _id: o.id, $or: [{ [`slots.${n - 1}`]: { $exists: false } }, { 'slots.0': { $lte: cutoff } }] },
          { $push: { slots: { $each: [stamp], $sort: 1, $slice: -n } }, $set: { at: now } },
          { upsert: true },
        );
        return { ok: true, stamp };
      } catch (err) {
        // The guard failed on an existing window, so the upsert collided with it: the budget is spent.
        if ((err as { code?: number }).code !== 11000) throw err;
        return { ok: false, freeAt: await freeAt(now) };
      }
    },

    /** Gives a slot back: the send never reached WeCom, so it did not count. */
    async release(stamp: number): Promise<void> {
      await RateWindow.updateOne({ _id: o.id }, { $pull: { slots: stamp } });
    },

    /** WeCom said 45009 (over its limit): spend the whole window so no instance sends for a minute. */
    async exhaust(now: Date): Promise<void> {
      const stamp = now.getTime() * 1000;
      await RateWindow.updateOne({ _id: o.id }, { $set: { slots: Array.from({ length: n }, () => stamp), at: now } }, { upsert: true });
    },
  };
}

export type RateBudget = ReturnType<typeof createRateBudget>;
