import type { UpdateQuery } from 'mongoose';
import { RESOLUTIONS, type Resolution } from '../../contracts/labels';
import { refuse } from '../../refusals';
import { wallTime } from '../../time/zone';
import type { OpinionNotices } from './notices';
import {
  type ActionInput,
  applyGuarded,
  checkVersion,
  defaultDeadline,
  workdaysDeadline,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  type TimelineEntry,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { Units } from './handling-units';
import type { UnitNotices } from './unit-notices';

/** A deadline as a door hands it in: a moment, a number of working days from now, or the configured default. */
export type DeadlineChoice = { date: Date } | { workdays: number } | 'default';

/** 交办: the unit's name as it will be stored (a door resolves abbreviations and typos first). */
export interface AssignInput extends OpinionRef {
  unit: string;
  deadline: DeadlineChoice;
  /** Pass the constituent's contact details on to the unit's contacts (otherwise they read the text masked). */
  shareContact?: boolean;
}

/** 改派: no unit keeps the current one (a deadline extension). */
export interface ReassignInput extends OpinionRef {
  unit?: string;
  deadline: DeadlineChoice;
  shareContact?: boolean;
}

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

export interface AssignResult {
  opinion: Opinion;
  unit: string;
  deadline: Date;
  defaulted: boolean;
  reassigned: boolean;
  /** 改派 that kept the unit: only the deadline changed. */
  sameUnit: boolean;
  /** The deadline was counted past the official holiday data (weekends only): worth a check. */
  fallbackYear?: number;
}

const MAX_UNIT_CHARS = 40;
const MAX_WORKDAYS = 1000;

export function createOfficeActions(d: OpinionDeps, units: Units, notices: OpinionNotices, unitNotices: UnitNotices) {
  const tz = d.config.timezone;
  const { models } = d;
  const limits = d.config.tunables.opinion;

  async function deadlineOf(
    choice: DeadlineChoice,
    now: Date,
    code: string,
  ): Promise<{ date: Date; defaulted: boolean; usedFallback: boolean }> {
    if (choice === 'default') return { ...(await defaultDeadline(d, now, code)), defaulted: true };
    if ('workdays' in choice) {
      const n = choice.workdays;
      if (!Number.isInteger(n) || n < 1 || n > MAX_WORKDAYS) refuse('opinion.badDeadline', { input: String(n) });
      return { ...(await workdaysDeadline(d, n, now, code)), defaulted: false };
    }
    if (choice.date.getTime() < now.getTime()) refuse('opinion.pastDeadline', { deadline: choice.date, now });
    return { date: choice.date, defaulted: false, usedFallback: false };
  }

  function checkUnit(unit: string, code: string, reassign: boolean): string {
    const name = unit.trim();
    if (!name) refuse('opinion.unitMissing', { code, reassign });
    if ([...name].length > MAX_UNIT_CHARS) refuse('opinion.unitTooLong', { max: MAX_UNIT_CHARS });
    return name;
  }

  /** 交办 (from 待交办 only): starts a round with a unit and a deadline. */
  function assign(input: AssignInput, step: ActionInput): Promise<AssignResult> {
    return assignRound('assign', input, step);
  }

  /** 改派: changes the unit and/or deadline of the current round (a deadline alone keeps the unit). */
  function reassign(input: ReassignInput, step: ActionInput): Promise<AssignResult> {
    if (input.unit === undefined && input.deadline === 'default')
      refuse('opinion.unitMissing', { code: input.code, reassign: true });
    return assignRound('reassign', input, step);
  }

  /**
   * 交办 and 改派 are kept apart so that a clerk who did not see a colleague's 交办 is told, instead of
   * silently overriding it.
   */
  async function assignRound(
    mode: 'assign' | 'reassign',
    input: ReassignInput,
    step: ActionInput,
  ): Promise<AssignResult> {
    const { code } = input;
    const reassigned = mode === 'reassign';
    const typedUnit = input.unit === undefined ? undefined : checkUnit(input.unit, code, reassigned);
    const before = await loadOpinion(models, code);
    const replayed = before.timeline.some((e) => e.origin === step.msgId);
    if (!replayed) {
      checkVersion(before, input.expectedVersion);
      if (!reassigned && before.status === '已交办') alreadyAssigned(before);
      if (before.status !== (reassigned ? '已交办' : '待交办')) wrongState(before, mode);
    }
    const { date: deadline, defaulted, usedFallback } = await deadlineOf(input.deadline, step.now, code);
    const unit = typedUnit ?? before.unit ?? refuse('opinion.unitMissing', { code, reassign: reassigned });
    const round = reassigned ? (before.round ?? 1) : (before.round ?? 0) + 1;
    const entry = timelineEntry(reassigned ? 'reassigned' : 'assigned', step, {
      round,
      unit,
      deadline,
      ...(usedFallback ? { deadlineEstimated: true } : {}),
    });
    const update = assignUpdate({
      reassigned,
      sameUnit: unit === before.unit,
      round,
      unit,
      deadline,
      estimated: usedFallback,
      entry,
      now: step.now,
      shareContact: input.shareContact,
    });
    // 改派 is guarded on the unit and deadline it was read with: two racing 改派 cannot both apply.
    const guard = reassigned
      ? { status: '已交办', round, unit: before.unit, deadline: before.deadline }
      : { status: '待交办' };
    const { doc, replay } = await applyGuarded(
      models,
      code,
      guard,
      update,
      step.msgId,
      (current) => {
        if (current.status === '已交办') alreadyAssigned(current);
        return wrongState(current, mode);
      },
      { arrayFilters: reassigned ? [{ 'r.round': round }] : undefined, expectedVersion: input.expectedVersion },
    );
    // The unit's contacts come back from the same write that counts the use (read again on a replay).
    const contacts = replay ? await units.contactsOf(doc.unit ?? unit) : await units.remember(unit, step.now);
    const index = doc.timeline.findIndex((e) => e.origin === step.msgId);
    const applied = doc.timeline[index];
    // From the timeline, not `before`: on a replay `before` already holds this change.
    const previousUnit = doc.timeline
      .slice(0, Math.max(0, index))
      .reverse()
      .find((e) => e.unit)?.unit;
    const sameUnit = applied?.action === 'reassigned' && applied.unit === previousUnit;
    const reassignIndex = applied?.action === 'reassigned' ? index : undefined;
    // The unit a 改派 moved the case away from hears it need not answer.
    const left =
      reassignIndex !== undefined && !sameUnit && previousUnit
        ? { unit: previousUnit, index: reassignIndex, contacts: await units.contactsOf(previousUnit) }
        : undefined;
    // The filer's and the units' notices in one write.
    await d.notify.together(async (sink) => {
      await notices.assigned(doc, reassignIndex, sameUnit, sink);
      await unitNotices.assigned(doc, contacts, step.now, reassignIndex, sink);
      if (left) await unitNotices.reassignedAway(doc, left, sink);
    });
    const finalDeadline = applied?.deadline ?? deadline;
    return {
      opinion: doc,
      unit: applied?.unit ?? unit,
      deadline: finalDeadline,
      defaulted,
      reassigned: applied?.action === 'reassigned',
      sameUnit,
      fallbackYear: usedFallback ? wallTime(finalDeadline, tz).year : undefined,
    };
  }

  function alreadyAssigned(current: Opinion): never {
    const last = [...current.timeline]
      .reverse()
      .find((e) => e.action === 'assigned' || e.action === 'reassigned' || e.action === 'reopened');
    const deadline = current.deadline ?? undefined;
    // After 不满意 the round was opened by the filer's rating, not by a clerk: say so rather than name the filer as assigner.
    if (last?.action === 'reopened')
      refuse('opinion.reopenedByRating', {
        code: current.code,
        round: current.round ?? 2,
        unit: current.unit ?? '',
        deadline,
      });
    return refuse('opinion.alreadyAssigned', {
      code: current.code,
      by: last?.byName ?? '',
      unit: current.unit ?? '',
      deadline,
    });
  }

  /** 答复: records the unit's answer and its 落实 class for the current round; exactly one of two racing clerks wins. */
  function answer(input: AnswerInput, step: ActionInput): Promise<{ opinion: Opinion; late: boolean }> {
    return applyAnswer(input, step, {});
  }

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

  return { assign, reassign, answer, applyAnswer, close, reject };
}

/** 交办 starts a round; 改派 changes the current round's unit and deadline in place. */
function assignUpdate(p: {
  reassigned: boolean;
  sameUnit: boolean;
  round: number;
  unit: string;
  deadline: Date;
  estimated: boolean;
  entry: TimelineEntry;
  now: Date;
  shareContact?: boolean;
}): UpdateQuery<Opinion> {
  const { round, unit, deadline, entry, now } = p;
  const deadlineEstimated = p.estimated;
  const share = p.shareContact === undefined ? {} : { shareContact: p.shareContact };
  if (p.reassigned) {
    return {
      // A unit's pending or returned answer was the unit's: it goes with it (a deadline alone keeps it).
      ...(p.sameUnit ? {} : { $unset: { pendingAnswer: '', returnedAnswer: '' } }),
      $set: {
        unit,
        deadline,
        deadlineEstimated,
        ...share,
        lastEventAt: now,
        'rounds.$[r].unit': unit,
        'rounds.$[r].deadline': deadline,
      },
      $push: { timeline: entry },
    };
  }
  return {
    $set: { status: '已交办', round, unit, deadline, deadlineEstimated, ...share, assignedAt: now, lastEventAt: now },
    $push: { rounds: { round, unit, deadline, assignedAt: now }, timeline: entry },
  };
}
