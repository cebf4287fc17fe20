import type { RefusalSpec } from './spec';

// The handling units' loop (承办单位): the 落实 class of an answer, unit contacts, a contact's rights and the
// office's review of a unit's answer. A block of its own, spread into the catalogue beside the other domains'.

export interface UnitRefusalFields {
  /** An answer without its 落实 class (A/B/C/D). */
  'opinion.resolutionMissing': { code: string };
  /** A class that is none of A/B/C/D. */
  'opinion.badResolution': { code: string; input: string };
}

export type UnitRefusalCode = keyof UnitRefusalFields;

export const UNIT_REFUSALS: { readonly [C in UnitRefusalCode]: RefusalSpec } = {
  'opinion.resolutionMissing': { kind: 'invalid', field: 'resolution' },
  'opinion.badResolution': { kind: 'invalid', field: 'resolution' },
};
