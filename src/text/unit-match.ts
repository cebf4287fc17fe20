import { refuse } from '../refusals';
import { levenshtein } from './closest';
import { toHalfWidth } from './normalize';

export type UnitMatch =
  | { kind: 'exact'; name: string }
  | { kind: 'matched'; name: string; how: 'abbreviation' | 'typo' }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'new'; name: string };

const NEW_MARK = /[(（]\s*新\s*[)）]$/;
const MAX_CANDIDATES = 5;

/** How a unit name is compared: half-width, no spaces, case-folded. */
export function unitKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '').toLowerCase();
}

/** Cleans what the office typed into the name to store: spaces collapsed, the `（新）` marker removed. */
export function cleanUnitName(input: string): string {
  return input.trim().replace(NEW_MARK, '').replace(/\s+/g, ' ').trim();
}

/** Every character of short appears in long, in order (公安 → 公安分局, 市监 → 市场监管分局). */
function isAbbreviation(short: string[], long: string[]): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i += 1;
  return i === short.length;
}

/**
 * One slip in a name of 4+ characters, two in 8+. Chinese unit names differ in few characters
 * (农业服务中心 / 市场服务中心, 农机站 / 农技站), so anything looser maps one unit onto another.
 */
function isTypo(a: string[], b: string[]): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4 || Math.abs(a.length - b.length) > 1) return false;
  return levenshtein(a, b) <= (shorter >= 8 ? 2 : 1);
}

/**
 * Resolves a typed unit against the units already used. `（新）` at the end forces a new unit, for a
 * name that only looks like a known one.
 */
export function matchUnit(input: string, known: readonly string[]): UnitMatch {
  const forcedNew = NEW_MARK.test(input.trim());
  const name = cleanUnitName(input);
  if (forcedNew) return { kind: 'new', name };
  const key = unitKey(name);
  const exact = known.find((k) => unitKey(k) === key);
  if (exact) return { kind: 'exact', name: exact };
  const typed = [...key];
  const abbreviations = known.filter((k) => isAbbreviation(typed, [...unitKey(k)]));
  if (abbreviations.length === 1) return { kind: 'matched', name: abbreviations[0]!, how: 'abbreviation' };
  if (abbreviations.length > 1) return { kind: 'ambiguous', candidates: abbreviations.slice(0, MAX_CANDIDATES) };
  const typos = known.filter((k) => isTypo(typed, [...unitKey(k)]));
  if (typos.length === 1) return { kind: 'matched', name: typos[0]!, how: 'typo' };
  if (typos.length > 1) return { kind: 'ambiguous', candidates: typos.slice(0, MAX_CANDIDATES) };
  return { kind: 'new', name };
}

/**
 * A door's reading of a typed unit for one opinion: the known unit it means (abbreviation, typo) or a new
 * one; refused when it could be several. The service then checks the name itself (present, not too long).
 */
export function pickUnit(input: string, known: readonly string[], code: string): UnitMatch & { name: string } {
  const match = matchUnit(input, known);
  if (match.kind === 'ambiguous')
    refuse('opinion.unitAmbiguous', { code, input: input.trim(), candidates: match.candidates });
  return match;
}
