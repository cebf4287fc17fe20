import { randomInt } from 'node:crypto';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

/** A slot taken for one send, and what becomes of it when the send fails. */
export interface Slot {
  /** The send never reached WeCom, so it did not count: the slot goes back. */
  release(): Promise<void>;
  /** WeCom said over its limit (45009): it counts more than we did, so nothing more goes until the window passes. */
  exhaust(now: Date): Promise<void>;
}

export type SlotTaken = { ok: true; slot: Slot } | { ok: false; freeAt: Date };

/**
 * How often WeCom lets the bot send into a conversation, shared by every instance through the database:
 * taking a slot is a guarded atomic update, so two instances can never both take the last one.
 */
export interface SendBudget {
  /** A slot for one send, or when one frees up. */
  take(conversation: string, now: Date): Promise<SlotTaken>;
  /** A send that is never held back (a reply: its person is waiting) uses up the budget all the same. */
  count(conversation: string, now: Date): Promise<void>;
}

const MINUTE_MS = 60_000;

/**
 * A sliding budget of `perMinute` sends (the group robot's), one document per conversation in rate_slots:
 * the guard is "fewer than N stamps, or the N-th most recent is older than a minute".
 */
export function createSlidingBudget(o: { models: Models; name: string; perMinute: number }): SendBudget {
  const { RateSlots } = o.models;
  const n = o.perMinute;
  const idOf = (conversation: string) => `${o.name}:${conversation}`;
  const push = (stamps: number[]) => ({ $each: stamps, $sort: 1, $slice: -n });

  async function tryTake(id: string, now: Date, stamp: number): Promise<boolean> {
    const cutoff = (now.getTime() - MINUTE_MS) * 1000 + 999;
    try {
      await RateSlots.findOneAndUpdate(
        { _id: id, $or: [{ [`slots.${n - 1}`]: { $exists: false } }, { 'slots.0': { $lte: cutoff } }] },
        { $push: { slots: push([stamp]) }, $set: { at: now } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      // The guard failed on an existing window, so the upsert collided with it: the budget is spent.
      if (!isDuplicateKey(err)) throw err;
      return false;
    }
  }

  const taken = (id: string, stamp: number): SlotTaken => ({
    ok: true,
    slot: {
      release: async () => {
        await RateSlots.updateOne({ _id: id }, { $pull: { slots: stamp } });
      },
      exhaust: async (now) => {
        // Spend the whole window: no instance sends here for a minute.
        const at = now.getTime() * 1000;
        await RateSlots.updateOne({ _id: id }, { $set: { slots: Array.from({ length: n }, () => at), at: now } });
      },
    },
  });

  return {
    async take(conversation, now) {
      const id = idOf(conversation);
      const stamp = now.getTime() * 1000 + randomInt(1000);
      if (await tryTake(id, now, stamp)) return taken(id, stamp);
      const slots = (await RateSlots.findById(id).lean())?.slots ?? [];
      const newest = slots[slots.length - 1];
      // Stamps more than a minute ahead come from a clock that was set back: they describe no real window.
      if (newest !== undefined && newest > (now.getTime() + MINUTE_MS) * 1000) {
        await RateSlots.updateOne({ _id: id, slots: newest }, { $set: { slots: [] } });
        if (await tryTake(id, now, stamp)) return taken(id, stamp);
      }
      const oldest = slots.length >= n ? slots[0] : undefined;
      return {
        ok: false,
        freeAt: new Date(oldest === undefined ? now.getTime() : Math.floor(oldest / 1000) + MINUTE_MS + 1),
      };
    },
    async count(conversation, now) {
      const stamp = now.getTime() * 1000 + randomInt(1000);
      await RateSlots.updateOne(
        { _id: idOf(conversation) },
        { $push: { slots: push([stamp]) }, $set: { at: now } },
        { upsert: true },
      );
    },
  };
}

/**
 * Fixed windows (the smart bot's per-conversation budget, which WeCom states per minute and per hour): one
 * counter per conversation and window in rate_counts. A slot is taken from every window or from none.
 */
export function createFixedWindowBudget(o: {
  models: Models;
  name: string;
  windows: ReadonlyArray<{ label: string; spanMs: number; limit: number }>;
}): SendBudget {
  const { RateCount } = o.models;
  const windowsAt = (conversation: string, now: Date) =>
    o.windows.map((w) => {
      const k = Math.floor(now.getTime() / w.spanMs);
      return {
        id: `${o.name}:${conversation}:${w.label}${k}`,
        at: new Date(k * w.spanMs),
        next: new Date((k + 1) * w.spanMs),
        limit: w.limit,
      };
    });
  const giveBack = (ids: string[]) =>
    ids.length ? RateCount.updateMany({ _id: { $in: ids } }, { $inc: { count: -1 } }) : undefined;

  /** One guarded increment; false when the window is full (the upsert's insert then collides). */
  async function takeOne(id: string, at: Date, limit: number): Promise<boolean> {
    try {
      await RateCount.findOneAndUpdate(
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
    async take(conversation, now) {
      const ids: string[] = [];
      for (const w of windowsAt(conversation, now)) {
        if (!(await takeOne(w.id, w.at, w.limit))) {
          // Give back what the shorter windows took: nothing was sent.
          await giveBack(ids);
          return { ok: false, freeAt: w.next };
        }
        ids.push(w.id);
      }
      return {
        ok: true,
        slot: {
          release: async () => {
            await giveBack(ids);
          },
          // The shortest window is spent until it passes; should WeCom refuse again then, so is the next one.
          exhaust: async (at) => {
            const [w] = windowsAt(conversation, at);
            if (w)
              await RateCount.updateOne(
                { _id: w.id },
                { $max: { count: w.limit }, $setOnInsert: { at: w.at } },
                { upsert: true },
              );
          },
        },
      };
    },
    async count(conversation, now) {
      for (const w of windowsAt(conversation, now))
        await RateCount.updateOne({ _id: w.id }, { $inc: { count: 1 }, $setOnInsert: { at: w.at } }, { upsert: true });
    },
  };
}
