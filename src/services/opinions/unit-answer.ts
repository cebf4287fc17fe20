import { refuse } from '../../refusals';
import type { Actor } from '../roster';
import { type AnswerInput, checkAnswer } from './office-answer';
import type { createAnswers } from './office-answer';
import {
  type ActionInput,
  applyGuarded,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { UnitNotices } from './unit-notices';

type Answers = Pick<ReturnType<typeof createAnswers>, 'applyAnswer'>;

/** The case must be with one of the contact's units right now; otherwise it does not exist for them. */
export function checkHolder(o: Opinion, actor: Actor): void {
  if (!o.unit || !(actor.units ?? []).includes(o.unit)) refuse('unit.notYourCase', { code: o.code });
}

/**
 * 答复 from a unit contact (one-to-one): with UNIT_ANSWER_REVIEW it waits for the office's 审核 (a submission in the
 * timeline), otherwise it goes straight on to the filer as the office's 答复 does.
 */
export function createUnitAnswer(d: OpinionDeps, office: Answers, notices: UnitNotices) {
  const { models } = d;
  const review = d.config.unitAnswerReview;

  /** 答复 from a unit contact (one-to-one): to review, or straight on to the filer. */
  async function answer(
    input: AnswerInput,
    step: ActionInput,
  ): Promise<{ opinion: Opinion; late: boolean; review: boolean }> {
    const before = await loadOpinion(models, input.code);
    checkHolder(before, step.actor);
    const held = { unit: { $in: [...(step.actor.units ?? [])] } };
    // Moved to another unit between the read and the write: the case is no longer theirs.
    const moved = (current: Opinion): never => {
      checkHolder(current, step.actor);
      return wrongState(current, 'answer');
    };
    if (!review) return { ...(await office.applyAnswer(input, step, held, moved)), review };
    const text = checkAnswer(input, d.config.tunables.opinion.maxChars);
    const round = before.round ?? 0;
    const { doc, replay } = await applyGuarded(
      models,
      input.code,
      { status: '已交办', round, ...held },
      {
        $set: {
          pendingAnswer: {
            text,
            resolution: input.resolution,
            round,
            by: step.actor.userid,
            byName: step.actor.name,
            at: step.now,
            origin: step.msgId,
          },
          lastEventAt: step.now,
        },
        $unset: { returnedAnswer: '' },
        $push: {
          timeline: timelineEntry('submitted', step, {
            round,
            unit: before.unit ?? undefined,
            note: text,
            resolution: input.resolution,
          }),
        },
      },
      step.msgId,
      moved,
      { expectedVersion: input.expectedVersion },
    );
    if (!replay || doc.pendingAnswer?.origin === step.msgId) await notices.submitted(doc);
    const late = Boolean(doc.deadline && step.now.getTime() > doc.deadline.getTime());
    return { opinion: doc, late, review };
  }

  return answer;
}
