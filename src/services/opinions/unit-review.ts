import { refuse } from '../../refusals';
import type { createAnswers } from './office-answer';
import {
  type ActionInput,
  applyGuarded,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
} from './opinion-steps';
import type { UnitNotices } from './unit-notices';

/** 审核: approve the unit's pending answer, or send it back with the reason. */
export type ReviewInput = OpinionRef & ({ approve: true } | { approve: false; reason: string });

type Answers = Pick<ReturnType<typeof createAnswers>, 'applyAnswer'>;

const MAX_REASON_CHARS = 500;

/** The office's 审核 of a unit's submitted answer: approved, it is the 答复; returned, the unit hears why. */
export function createUnitReview(d: OpinionDeps, office: Answers, notices: UnitNotices) {
  const { models } = d;

  /** 审核 通过 / 退回: guarded on the very submission read, so a newer one is never approved unseen. */
  async function decide(input: ReviewInput, step: ActionInput): Promise<{ opinion: Opinion; late: boolean }> {
    const before = await loadOpinion(models, input.code);
    const replayed = before.timeline.some((e) => e.origin === step.msgId);
    const pending = before.pendingAnswer;
    if (!pending && !replayed) refuse('review.nothingPending', { code: before.code, status: before.status });
    if (input.approve) {
      if (replayed || !pending) return { opinion: before, late: false };
      const still = { 'pendingAnswer.origin': pending.origin };
      const gone = (current: Opinion): never =>
        refuse('review.nothingPending', { code: current.code, status: current.status });
      const r = await office.applyAnswer(
        {
          code: input.code,
          text: pending.text,
          resolution: pending.resolution,
          expectedVersion: input.expectedVersion,
        },
        step,
        still,
        gone,
      );
      await notices.approved(r.opinion, pending.by);
      return r;
    }
    const reason = input.reason.trim();
    if (!reason) refuse('review.reasonMissing', { code: input.code });
    const length = [...reason].length;
    if (length > MAX_REASON_CHARS) refuse('review.reasonTooLong', { max: MAX_REASON_CHARS, length });
    const by = pending?.by ?? [...before.timeline].reverse().find((e) => e.action === 'submitted')?.by ?? '';
    const { doc } = await applyGuarded(
      models,
      input.code,
      { status: '已交办', 'pendingAnswer.origin': pending?.origin ?? '' },
      {
        $unset: { pendingAnswer: '' },
        $set: { returnedAnswer: { reason, at: step.now, byName: step.actor.name }, lastEventAt: step.now },
        $push: { timeline: timelineEntry('returned', step, { round: before.round ?? 1, note: reason }) },
      },
      step.msgId,
      (current) => refuse('review.nothingPending', { code: current.code, status: current.status }),
      { expectedVersion: input.expectedVersion },
    );
    const index = doc.timeline.findIndex((e) => e.origin === step.msgId);
    await notices.returned(doc, by, index);
    return { opinion: doc, late: false };
  }

  return decide;
}
