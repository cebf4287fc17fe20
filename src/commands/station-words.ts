import { UserError } from '../errors';
import type { StationChoice } from '../services/events';
import { matchUnit } from '../text/unit-match';

/**
 * A typed 联络站 name read against the known ones (abbreviations, typos; `（新）` forces a new one), as the
 * chat reads it; the console's 值班 form takes the same words. Refused when it could be several.
 */
export function readStationName(typed: string, known: readonly string[]): StationChoice {
  const m = matchUnit(typed, known);
  if (m.kind === 'ambiguous')
    throw new UserError('stationAmbiguous', { text: typed, candidates: m.candidates.join('、') });
  return { name: m.name, kind: m.kind };
}
