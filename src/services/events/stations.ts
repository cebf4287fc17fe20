import { refuse } from '../../refusals';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import { recordWrite } from '../../models/audit-entry';

/** A station as a door read it: a known one (exactly, or matched from an abbreviation or typo) or a new name. */
const STATION_MAX = 40;

export interface StationChoice {
  name: string;
  kind: 'exact' | 'matched' | 'new';
}

/** Liaison stations are remembered like handling units (doors match typed names against the known ones). */
export function createStations(models: Models) {
  const { Station } = models;

  async function known(): Promise<string[]> {
    return (await Station.find({}).sort({ name: 1, _id: 1 }).limit(500).lean()).map((s) => s.name);
  }

  /** The station chosen; a new name is remembered. */
  async function resolve(m: StationChoice, by: string): Promise<{ name: string; isNew: boolean; corrected: boolean }> {
    if (m.kind === 'exact') return { name: m.name, isNew: false, corrected: false };
    if (m.kind === 'matched') return { name: m.name, isNew: false, corrected: true };
    if (!m.name || [...m.name].length > STATION_MAX) refuse('station.invalid', { max: STATION_MAX });
    const res = await Station.updateOne(
      { name: m.name },
      { $setOnInsert: { name: m.name, createdBy: by } },
      { upsert: true },
    ).catch((err: { code?: number }) => {
      if (!isDuplicateKey(err)) throw err;
      return undefined; // another request remembered it first
    });
    // A station is known by its name; the entry says this request remembered it.
    if (res && res.upsertedCount > 0) await recordWrite({ kind: 'Station', code: m.name, op: 'create' });
    return { name: m.name, isNew: true, corrected: false };
  }

  /** A station named exactly (a deputy's own, from the roster): known, or new and remembered. */
  async function byName(name: string, by: string) {
    return resolve({ name, kind: (await known()).includes(name) ? 'exact' : 'new' }, by);
  }

  return { known, resolve, byName };
}

export type Stations = ReturnType<typeof createStations>;
