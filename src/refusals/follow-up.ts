import type { RefusalSpec } from './spec';

// Follow-up (跟踪) of a case answered B or C, and 重办 of a closed one. A block of its own beside the units' loop.

export interface FollowUpRefusalFields {
  /** 跟踪 of a case whose answer is not class B or C (A is solved, D cannot be; unclassified: nothing promised). */
  'opinion.followUpClass': { code: string; resolution?: string };
}

export type FollowUpRefusalCode = keyof FollowUpRefusalFields;

export const FOLLOW_UP_REFUSALS: { readonly [C in FollowUpRefusalCode]: RefusalSpec } = {
  'opinion.followUpClass': { kind: 'conflict' },
};
