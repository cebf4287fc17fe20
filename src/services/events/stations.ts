import { UserError } from '../../errors';
import type { Models } from '../../models';
import { matchUnit } from '../../text/unit-match';
import { isDuplicateKey } from '../../models/duplicate-key';

/** Liaison stations are remembered like handling units: a typed name resolves to a known one. */
export function createStations(models: Models) {
  const { Station } = models;

  async function known(): Promise<string[]> {
    return (await Station.find({}).sort({ name: 1, _id: 1 }).limit(500).lean()).map((s) => s.name);
  }

  /** The station a typed name means; a new name is remembered. `（新）` forces a new one. */
  async function resolve(typed: string, by: string): Promise<{ name: string; isNew: boolean; corrected: boolean }> {
    const m = matchUnit(typed, await known());
    if (m.kind === 'ambiguous')
      throw new UserError('stationAmbiguous', { text: typed, candidates: m.candidates.join('、') });
    if (m.kind === 'exact') return { name: m.name, isNew: false, corrected: false };
    if (m.kind === 'matched') return { name: m.name, isNew: false, corrected: true };
    if (!m.name || [...m.name].length > 40) throw new UserError('stationInvalid');
    await Station.updateOne(
      { name: m.name },
      { $setOnInsert: { name: m.name, createdBy: by } },
      { upsert: true },
    ).catch((err: { code?: number }) => {
      if (!isDuplicateKey(err)) throw err;
    });
    return { name: m.name, isNew: true, corrected: false };
  }

  return { known, resolve };
}

export type Stations = ReturnType<typeof createStations>;
