import { refuse } from '../../refusals';
import type { Units } from './handling-units';
import type { OpinionNotices } from './notices';
import { createAnswers } from './office-answer';
import { createAssignment } from './office-assign';
import {
  type ActionInput,
  applyGuarded,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { UnitNotices } from './unit-notices';

/** The office's steps on a case: 交办 and 改派 (office-assign.ts), 答复 (office-answer.ts), 办结 and 退回. */
export function createOfficeActions(d: OpinionDeps, units: Units, notices: OpinionNotices, unitNotices: UnitNotices) {
  const { models } = d;
  const limits = d.config.tunables.opinion;

  /** 办结: after an answer (rated or not). */
  async function close(input: OpinionRef, step: ActionInput): Promise<Opinion> {
    const { doc } = await applyGuarded(
      models,
      input.code,
      { status: '已答复' },
      {
        $set: { status: '已办结', closedAt: step.now, lastEventAt: step.now },
        $push: { timeline: timelineEntry('closed', step) },
      },
      step.msgId,
      (current) => wrongState(current, 'close'),
      { expectedVersion: input.expectedVersion },
    );
    await notices.closed(doc);
    return doc;
  }

  /** 退回: out of scope, with the reason; possible until the unit has answered. */
  async function reject(input: OpinionRef & { reason: string }, step: ActionInput): Promise<Opinion> {
    const { code } = input;
    const why = input.reason.trim();
    if (!why) refuse('opinion.reasonMissing', { code });
    if ([...why].length > limits.maxChars)
      refuse('opinion.reasonTooLong', { max: limits.maxChars, length: [...why].length });
    const { doc } = await applyGuarded(
      models,
      code,
      { status: { $in: ['待交办', '已交办'] } },
      {
        $set: { status: '已退回', rejectReason: why, rejectedAt: step.now, lastEventAt: step.now },
        $push: { timeline: timelineEntry('rejected', step, { note: why }) },
      },
      step.msgId,
      (current) => wrongState(current, 'reject'),
      { expectedVersion: input.expectedVersion },
    );
    await notices.rejected(doc);
    return doc;
  }

  return { ...createAssignment({ d, units, notices, unitNotices }), ...createAnswers(d, notices), close, reject };
}
