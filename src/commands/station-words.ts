import { refuse } from '../refusals';
import type { StationChoice } from '../services/events';
import { matchUnit } from '../text/unit-match';

/**
 * A typed 联络站 name read against the known ones (abbreviations, typos; `（新）` forces a new one), as the
 * chat reads it; the console's 值班 form takes the same words. Refused (`station.ambiguous`, on the form's station field) when it
 * could be several.
 */
export function readStationName(typed: string, known: readonly string[]): StationChoice {
  const m = matchUnit(typed, known);
  if (m.kind === 'ambiguous') refuse('station.ambiguous', { text: typed, candidates: m.candidates });
  return { name: m.name, kind: m.kind };
}
