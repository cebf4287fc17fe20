import { randomInt } from 'node:crypto';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

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

  async function tryTake(now: Date, stamp: number): Promise<boolean> {
    const cutoff = (now.getTime() - WINDOW_MS) * 1000 + 999;
    try {
      await RateWindow.findOneAndUpdate(
        { _id: o.id, $or: [{ [`slots.${n - 1}`]: { $exists: false } }, { 'slots.0': { $lte: cutoff } }] },
        { $push: { slots: { $each: [stamp], $sort: 1, $slice: -n } }, $set: { at: now } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      // The guard failed on an existing window, so the upsert collided with it: the budget is spent.
      if (!isDuplicateKey(err)) throw err;
      return false;
    }
  }

  return {
    async take(now: Date): Promise<SlotTaken> {
      const stamp = now.getTime() * 1000 + randomInt(1000);
      if (await tryTake(now, stamp)) return { ok: true, stamp };
      const slots = ((await RateWindow.findById(o.id).lean()) as { slots?: number[] } | null)?.slots ?? [];
      const newest = slots[slots.length - 1];
      // Stamps more than a minute ahead come from a clock that was set back: they describe no real window.
      if (newest !== undefined && newest > (now.getTime() + WINDOW_MS) * 1000) {
        await RateWindow.updateOne({ _id: o.id, slots: newest }, { $set: { slots: [] } });
        if (await tryTake(now, stamp)) return { ok: true, stamp };
      }
      const oldest = slots.length >= n ? slots[0] : undefined;
      return {
        ok: false,
        freeAt: new Date(oldest === undefined ? now.getTime() : Math.floor(oldest / 1000) + WINDOW_MS + 1),
      };
    },

    /** Gives a slot back: the send never reached WeCom, so it did not count. */
    async release(stamp: number): Promise<void> {
      await RateWindow.updateOne({ _id: o.id }, { $pull: { slots: stamp } });
    },

    /** WeCom said 45009 (over its limit): spend the whole window so no instance sends for a minute. */
    async exhaust(now: Date): Promise<void> {
      const stamp = now.getTime() * 1000;
      await RateWindow.updateOne(
        { _id: o.id },
        { $set: { slots: Array.from({ length: n }, () => stamp), at: now } },
        { upsert: true },
      );
    },
  };
}

export type RateBudget = ReturnType<typeof createRateBudget>;
