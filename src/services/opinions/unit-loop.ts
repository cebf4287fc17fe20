import type { createAnswers } from './office-answer';
import type { OpinionDeps } from './opinion-steps';
import { createUnitAnswer } from './unit-answer';
import { createUnitLists } from './unit-lists';
import type { UnitNotices } from './unit-notices';
import { createUnitReview } from './unit-review';

type Answers = Pick<ReturnType<typeof createAnswers>, 'applyAnswer'>;

/**
 * The handling unit's side of a case: its contacts list what they hold (待办) and answer (答复); with
 * UNIT_ANSWER_REVIEW the answer waits for the office's 审核 and reaches the filer only when approved.
 */
export function createUnitLoop(d: OpinionDeps, office: Answers, notices: UnitNotices) {
  return {
    answer: createUnitAnswer(d, office, notices),
    decide: createUnitReview(d, office, notices),
    ...createUnitLists(d.models),
    review: d.config.unitAnswerReview,
  };
}
