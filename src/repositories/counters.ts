import type { Collection } from 'mongodb';
import { groupCommit, type Outcome } from '../db/group-commit';
import type { Models } from '../models';
import type { CounterRow } from '../models/counter';
import { isDuplicateKey } from '../models/duplicate-key';
import { perModel } from './memo';

type Model = Models['Counter'];

/**
 * The sequences behind codes (counters). Taking numbers goes to the driver: one atomic `$inc` per kind for all
 * the requests waiting at that moment (group commit), numbered in the order they asked, never shared.
 */
function createCounters(model: Model) {
  const rows = model.collection as unknown as Collection<CounterRow>;

  /** Takes `n` numbers at once: one atomic $inc, so concurrent requests never share one. Returns the last. */
  async function take(id: string, n: number): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await rows.findOneAndUpdate(
          { _id: id },
          { $inc: { seq: n } },
          { upsert: true, returnDocument: 'after' },
        );
        return (doc as CounterRow).seq;
      } catch (err) {
        // Two first-ever upserts can race on the insert; the loser simply retries the $inc.
        if (isDuplicateKey(err) && attempt < 3) continue;
        throw err;
      }
    }
  }

  const next = groupCommit(
    async (ids: string[]) => {
      const wanted = new Map<string, number>();
      for (const id of ids) wanted.set(id, (wanted.get(id) ?? 0) + 1);
      const last = new Map<string, Outcome<number>>();
      await Promise.all(
        [...wanted].map(async ([id, n]) => {
          try {
            last.set(id, { ok: true, value: await take(id, n) });
          } catch (error) {
            last.set(id, { ok: false, error });
          }
        }),
      );
      // Handed out in the order asked: the first request gets the lowest of its kind's new numbers.
      const given = new Map<string, number>();
      return ids.map((id) => {
        const top = last.get(id) as Outcome<number>;
        if (!top.ok) return top;
        const k = given.get(id) ?? 0;
        given.set(id, k + 1);
        return { ok: true, value: top.value - (wanted.get(id) as number) + 1 + k };
      });
    },
    { maxItems: 500 },
  );

  return {
    /** The next number of a sequence; never shared, even between instances. */
    next,
    /** The last number given (0 before the first), without taking one. */
    async last(id: string): Promise<number> {
      const doc = await model.findById(id).lean<CounterRow>();
      return doc?.seq ?? 0;
    },
  };
}

export type Counters = ReturnType<typeof createCounters>;

export const counters = perModel(createCounters);
