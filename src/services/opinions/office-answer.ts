import { RESOLUTIONS, type Resolution } from '../../contracts/labels';
import { refuse } from '../../refusals';
import type { OpinionNotices } from './notices';
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

/** 答复: the answer's text and its 落实 class (A 已解决 … D 因条件限制暂不能解决). */
export interface AnswerInput extends OpinionRef {
  text: string;
  resolution: Resolution;
}

/** The answer's text, trimmed, once it has a 落实 class and fits; refused otherwise (the same for every door). */
export function checkAnswer(input: AnswerInput, maxChars: number): string {
  const { code } = input;
  const body = input.text.trim();
  if (!body) refuse('opinion.answerMissing', { code });
  const length = [...body].length;
  if (length > maxChars) refuse('opinion.answerTooLong', { max: maxChars, length });
  if (!(RESOLUTIONS as readonly string[]).includes(input.resolution))
    refuse('opinion.badResolution', { code, input: String(input.resolution ?? '') });
  return body;
}

/** 答复: the answer that reaches the filer, whoever gave it (the office, an approved or unreviewed unit answer). */
export function createAnswers(d: OpinionDeps, notices: OpinionNotices) {
  const { models } = d;
  const limits = d.config.tunables.opinion;

  /**
   * The answer reaches the filer: typed by the office, approved in review, or a unit's answer sent straight on.
   * `guard` adds a precondition (the unit still holds the case; the reviewed submission is still the pending one).
   */
  async function applyAnswer(
    input: AnswerInput,
    step: ActionInput,
    guard: Record<string, unknown>,
    explain?: (current: Opinion) => never,
  ): Promise<{ opinion: Opinion; late: boolean }> {
    const { code, resolution } = input;
    const body = checkAnswer(input, limits.maxChars);
    const before = await loadOpinion(models, code);
    const round = before.round ?? 0;
    const { doc } = await applyGuarded(
      models,
      code,
      { status: '已交办', round, ...guard },
      {
        // Whatever the unit submitted or was told is settled by the answer that goes out.
        $unset: { pendingAnswer: '', returnedAnswer: '' },
        $set: {
          status: '已答复',
          answer: body,
          answeredAt: step.now,
          resolution,
          lastEventAt: step.now,
          'rounds.$[r].answer': body,
          'rounds.$[r].answeredAt': step.now,
          'rounds.$[r].resolution': resolution,
        },
        $push: { timeline: timelineEntry('answered', step, { round, note: body, resolution }) },
      },
      step.msgId,
      explain ?? ((current) => wrongState(current, 'answer')),
      { arrayFilters: [{ 'r.round': round }], expectedVersion: input.expectedVersion },
    );
    await notices.answered(doc);
    const late = Boolean(doc.deadline && doc.answeredAt && doc.answeredAt.getTime() > doc.deadline.getTime());
    return { opinion: doc, late };
  }

  return {
    /** 答复: records the unit's answer and its 落实 class for the current round; exactly one of two racing clerks wins. */
    answer: (input: AnswerInput, step: ActionInput) => applyAnswer(input, step, {}),
    applyAnswer,
  };
}
