import { parseCount } from '../../text/list';
import { type EventKind, refuse } from '../../refusals';

const UNLIMITED = /^(不限|无限|不限名额|无)$/;

/** `名额：` value: a positive count, or 不限 / absent for no limit (null). */
export function readCapacity(text: string | undefined): number | null {
  if (text === undefined || UNLIMITED.test(text.trim())) return null;
  const n = parseCount(text);
  if (n === undefined) refuse('activity.capacityInvalid', { text });
  return n;
}

/** A number of places from the console's form: a whole number from 1, or null for no limit. */
export function checkCapacity(n: number | null): number | null {
  if (n === null) return null;
  if (!Number.isInteger(n) || n < 1 || n > 99_999) refuse('activity.capacityInvalid', { text: String(n) });
  return n;
}

/** Matches a typed type against the configured list (专业小组活动 → 专业小组). */
export function matchType(
  text: string | undefined,
  types: readonly string[],
  fallback: string,
  kind: EventKind,
): string {
  const typed = text?.trim();
  if (!typed) return fallback;
  const hit =
    types.find((x) => x === typed) ??
    types.find((x) => typed.startsWith(x) || (typed.length >= 2 && x.startsWith(typed)));
  if (!hit) refuse('event.typeInvalid', { kind, text: typed, types: [...types] });
  return hit;
}

/**
 * Walk-in check-in (no sign-up needed): only an activity without places whose type the config opens
 * (培训, 述职 by default). Places are a limit, so an activity with places is for its confirmed deputies only.
 */
export function anyoneMayCheckIn(a: { capacity: number | null; type: string }, openTypes: readonly string[]): boolean {
  return a.capacity === null && openTypes.includes(a.type);
}
