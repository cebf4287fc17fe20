import type { RefusalSpec } from './spec';

// The handling units' loop (承办单位): the 落实 class of an answer, unit contacts, a contact's rights and the
// office's review of a unit's answer. A block of its own, spread into the catalogue beside the other domains'.

export interface UnitRefusalFields {
  /** An answer without its 落实 class (A/B/C/D). */
  'opinion.resolutionMissing': { code: string };
  /** A class that is none of A/B/C/D. */
  'opinion.badResolution': { code: string; input: string };
  /** 联系方式：… that is neither 提供 nor 不提供. */
  'opinion.badShareWord': { input: string };
  'unit.nameMissing': Record<string, never>;
  /** The unit typed could be several known ones. */
  'unit.ambiguous': { input: string; candidates: string[] };
  'unit.nameTooLong': { max: number };
  'unit.notFound': { unit: string };
  'unit.contactExists': { unit: string; userid: string; name: string };
  'unit.contactNotFound': { unit: string; userid: string };
  /** A unit contact asking about, or answering, a case that is not (or no longer) their unit's. */
  'unit.notYourCase': { code: string };
  /** A unit contact's answer typed in the group chat: answers go one-to-one. */
  'unit.answerInGroup': { code: string };
  /** 审核 of a case with no unit answer waiting. */
  'review.nothingPending': { code: string; status: string };
  /** 审核 … 退回 without a reason (the contact needs to know what to change). */
  'review.reasonMissing': { code: string };
  'review.reasonTooLong': { max: number; length: number };
}

export type UnitRefusalCode = keyof UnitRefusalFields;

export const UNIT_REFUSALS: { readonly [C in UnitRefusalCode]: RefusalSpec } = {
  'opinion.resolutionMissing': { kind: 'invalid', field: 'resolution' },
  'opinion.badResolution': { kind: 'invalid', field: 'resolution' },
  'opinion.badShareWord': { kind: 'invalid', field: 'shareContact' },
  'unit.nameMissing': { kind: 'invalid', field: 'unit' },
  'unit.ambiguous': { kind: 'invalid', field: 'unit' },
  'unit.nameTooLong': { kind: 'invalid', field: 'unit' },
  'unit.notFound': { kind: 'notFound', field: 'unit' },
  'unit.contactExists': { kind: 'conflict', field: 'userid' },
  'unit.contactNotFound': { kind: 'notFound', field: 'userid' },
  'unit.notYourCase': { kind: 'notFound' },
  'unit.answerInGroup': { kind: 'forbidden' },
  'review.nothingPending': { kind: 'conflict' },
  'review.reasonMissing': { kind: 'invalid', field: 'reason' },
  'review.reasonTooLong': { kind: 'invalid', field: 'reason' },
};
