import { refuse } from '../../refusals';
import type { Actor } from '../roster';
import { type AnswerInput, checkAnswer } from './office-actions';
import type { createOfficeActions } from './office-actions';
import {
  type ActionInput,
  applyGuarded,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { UnitNotices } from './unit-notices';

type OfficeActions = ReturnType<typeof createOfficeActions>;

/** 审核: approve the unit's pending answer, or send it back with the reason. */
export type ReviewInput = OpinionRef & ({ approve: true } | { approve: false; reason: string });

/** One line of 待办: a case the unit holds, with where its answer stands. */
export interface TodoItem {
  code: string;
  title: string;
  unit: string;
  deadline: Date;
  pending: boolean;
  returned: boolean;
}

/** A unit answer waiting for review (督办's 待审核 part, the console's filter). */
export interface PendingReview {
  code: string;
  title: string;
  unit: string;
  byName: string;
  at: Date;
}

const MAX_REASON_CHARS = 500;

/**
 * The handling unit's side of a case: its contacts list what they hold (待办) and answer (答复); with
 * UNIT_ANSWER_REVIEW the answer waits for the office's 审核 and reaches the filer only when approved.
 */
export function createUnitLoop(d: OpinionDeps, office: OfficeActions, notices: UnitNotices) {
  const { models } = d;
  const review = d.config.unitAnswerReview;

  /** The case must be with one of the contact's units right now; otherwise it does not exist for them. */
  function checkHolder(o: Opinion, actor: Actor): void {
    if (!o.unit || !(actor.units ?? []).includes(o.unit)) refuse('unit.notYourCase', { code: o.code });
  }

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

  /** 待办: the open cases the contact's units hold, the nearest deadline first. */
  async function todo(units: readonly string[]): Promise<TodoItem[]> {
    if (!units.length) return [];
    const docs = await models.Opinion.find(
      { unit: { $in: [...units] }, status: '已交办' },
      { code: 1, title: 1, unit: 1, deadline: 1, pendingAnswer: 1, returnedAnswer: 1 },
    )
      .sort({ deadline: 1, code: 1 })
      .limit(100)
      .lean();
    return docs.map((o) => ({
      code: o.code,
      title: o.title,
      unit: o.unit ?? '',
      deadline: o.deadline ?? new Date(0),
      pending: Boolean(o.pendingAnswer),
      returned: Boolean(o.returnedAnswer),
    }));
  }

  /** Unit answers waiting for 审核, the oldest first. */
  async function pendingReviews(): Promise<PendingReview[]> {
    const docs = await models.Opinion.find(
      { status: '已交办', pendingAnswer: { $exists: true } },
      { code: 1, title: 1, unit: 1, pendingAnswer: 1 },
    )
      .sort({ 'pendingAnswer.at': 1, code: 1 })
      .limit(100)
      .lean();
    return docs.map((o) => ({
      code: o.code,
      title: o.title,
      unit: o.unit ?? '',
      byName: o.pendingAnswer?.byName ?? '',
      at: o.pendingAnswer?.at ?? new Date(0),
    }));
  }

  return { answer, decide, todo, pendingReviews, review };
}
