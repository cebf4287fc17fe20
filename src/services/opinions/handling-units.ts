import { UserError } from '../../errors';
import type { Models } from '../../models';
import { matchUnit, type UnitMatch } from '../../text/unit-match';
import { isDuplicateKey } from '../../models/duplicate-key';

const MAX_UNIT_CHARS = 40;

export type ResolvedUnit = { name: string; match: UnitMatch };

/** Known handling units: resolved from what the office types, remembered once used. */
export function createUnits(models: Models) {
  const { HandlingUnit } = models;

  async function knownNames(): Promise<string[]> {
    const all = await HandlingUnit.find({}).sort({ useCount: -1, name: 1, _id: 1 }).select({ name: 1 }).lean();
    return all.map((u) => u.name);
  }

  /** Exact, abbreviation or typo match against known units; asks (UserError) when it could be several. */
  async function resolve(input: string, code: string): Promise<ResolvedUnit> {
    const match = matchUnit(input, await knownNames());
    if (match.kind === 'ambiguous')
      throw new UserError('opinionUnitAmbiguous', { input: input.trim(), candidates: match.candidates, code });
    if (!match.name) throw new UserError('opinionAssignUsage', { code });
    if ([...match.name].length > MAX_UNIT_CHARS) throw new UserError('opinionUnitTooLong');
    return { name: match.name, match };
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

  return { resolve, remember, knownNames };
}

export type Units = ReturnType<typeof createUnits>;
