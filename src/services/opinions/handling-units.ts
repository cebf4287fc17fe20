import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

/** Known handling units (doors match what the office types against them), remembered once used. */
export function createUnits(models: Models) {
  const { HandlingUnit } = models;

  async function knownNames(): Promise<string[]> {
    const all = await HandlingUnit.find({}).sort({ useCount: -1, name: 1, _id: 1 }).select({ name: 1 }).lean();
    return all.map((u) => u.name);
  }

  async function remember(name: string, now: Date): Promise<void> {
    try {
      await HandlingUnit.updateOne(
        { name },
        { $inc: { useCount: 1 }, $set: { lastUsedAt: now }, $setOnInsert: { name, firstUsedAt: now } },
        { upsert: true },
      );
    } catch (err) {
      // Two first uses at once: the other insert won, so count this use on it.
      if (!isDuplicateKey(err)) throw err;
      await HandlingUnit.updateOne({ name }, { $inc: { useCount: 1 }, $set: { lastUsedAt: now } });
    }
  }

  return { remember, knownNames };
}

export type Units = ReturnType<typeof createUnits>;
