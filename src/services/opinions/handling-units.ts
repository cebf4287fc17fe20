import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';

/** A unit's contacts (承办单位联系人) as the notices need them. */
export interface UnitContact {
  userid: string;
  name: string;
}

/** Known handling units (doors match what the office types against them), remembered once used. */
export function createUnits(models: Models) {
  const { HandlingUnit } = models;

  async function knownNames(): Promise<string[]> {
    const all = await HandlingUnit.find({}).sort({ useCount: -1, name: 1, _id: 1 }).select({ name: 1 }).lean();
    return all.map((u) => u.name);
  }

  const contactsIn = (u: { contacts?: UnitContact[] | null } | null): UnitContact[] =>
    (u?.contacts ?? []).map((c) => ({ userid: c.userid, name: c.name }));

  /** Counts one use of the unit (creating it the first time) and returns its contacts, in the same write. */
  async function remember(name: string, now: Date): Promise<UnitContact[]> {
    try {
      const doc = await HandlingUnit.findOneAndUpdate(
        { name },
        { $inc: { useCount: 1 }, $set: { lastUsedAt: now }, $setOnInsert: { name, firstUsedAt: now } },
        { upsert: true, returnDocument: 'after', projection: { contacts: 1 } },
      ).lean();
      return contactsIn(doc);
    } catch (err) {
      // Two first uses at once: the other insert won, so count this use on it.
      if (!isDuplicateKey(err)) throw err;
      const doc = await HandlingUnit.findOneAndUpdate(
        { name },
        { $inc: { useCount: 1 }, $set: { lastUsedAt: now } },
        { returnDocument: 'after', projection: { contacts: 1 } },
      ).lean();
      return contactsIn(doc);
    }
  }

  /** The unit's contacts as stored (a replayed 交办 tells them again; the notice's key keeps it to once). */
  async function contactsOf(name: string): Promise<UnitContact[]> {
    return contactsIn(await HandlingUnit.findOne({ name }, { contacts: 1 }).lean());
  }

  return { remember, knownNames, contactsOf };
}

export type Units = ReturnType<typeof createUnits>;
