import type { UpdateQuery } from 'mongoose';
import { UserError } from '../../errors';
import { formatDate, formatDateTime } from '../../time/format';
import { parseDeadline } from '../../time/workdays';
import { wallTime } from '../../time/zone';
import type { OpinionNotices } from './notices';
import {
  type ActionInput,
  applyGuarded,
  checkVersion,
  defaultDeadline,
  loadOpinion,
  logCalendarFallback,
  type Opinion,
  type OpinionDeps,
  type TimelineEntry,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { Units } from './handling-units';
import type { UnitMatch } from '../../text/unit-match';

export interface AssignResult {
  opinion: Opinion;
  unit: string;
  match: UnitMatch;
  deadline: Date;
  defaulted: boolean;
  reassigned: boolean;
  /** 改派 that kept the unit: only the deadline changed. */
  sameUnit: boolean;
  /** The deadline was counted past the official holiday data (weekends only): worth a check. */
  fallbackYear?: number;
}

export function createOfficeActions(d: OpinionDeps, units: Units, notices: OpinionNotices) {
  const tz = d.config.timezone;
  const { models } = d;
  const limits = d.config.tunables.opinion;

  function deadlineFrom(
    text: string | undefined,
    now: Date,
    code: string,
  ): { date: Date; defaulted: boolean; usedFallback: boolean } {
    if (text === undefined || text.trim() === '') return { ...defaultDeadline(d, now, code), defaulted: true };
    const r = parseDeadline(text, { now, tz, calendar: d.calendar() });
    if (r.ok) {
      if (r.usedFallback) logCalendarFallback(d.log, code, r.date, tz);
      return { date: r.date, defaulted: false, usedFallback: r.usedFallback };
    }
    if (r.reason === 'past')
      throw new UserError('opinionPastDeadline', { input: text.trim(), now: formatDateTime(now, tz) });
    throw new UserError('opinionBadDeadline', { input: text.trim().slice(0, 30) });
  }

  /**
   * 交办 (from 待交办 only) or 改派 (explicit: changes the unit/deadline of the current round). Keeping
   * them apart means a clerk who did not see a colleague's 交办 is told, instead of silently overriding it.
   */
  async function assign(
    code: string,
    unitText: string,
    deadlineText: string | undefined,
    input: ActionInput,
    mode: 'assign' | 'reassign' = 'assign',
  ): Promise<AssignResult> {
    const reassigned = mode === 'reassign';
    // 改派 with only 期限 keeps the unit (a deadline extension); anything else needs a unit.
    const keepUnit = reassigned && !unitText.trim() && Boolean(deadlineText?.trim());
    if (!unitText.trim() && !keepUnit)
      throw new UserError(reassigned ? 'opinionReassignUsage' : 'opinionAssignUsage', { code });
    const before = await loadOpinion(models, code);
    const replayed = before.timeline.some((e) => e.origin === input.msgId);
    if (!replayed) {
      checkVersion(before, input);
      if (!reassigned && before.status === '已交办') alreadyAssigned(before);
      if (before.status !== (reassigned ? '已交办' : '待交办'))
        wrongState(before, reassigned ? 'reassign' : 'assign', input.actor, tz, input.now);
    }
    const { date: deadline, defaulted, usedFallback } = deadlineFrom(deadlineText, input.now, code);
    const { name: unit, match } =
      keepUnit && before.unit
        ? { name: before.unit, match: { kind: 'exact' as const, name: before.unit } }
        : await units.resolve(unitText, code);
    const round = reassigned ? (before.round ?? 1) : (before.round ?? 0) + 1;
    const entry = timelineEntry(reassigned ? 'reassigned' : 'assigned', input, {
      round,
      unit,
      deadline,
      ...(usedFallback ? { deadlineEstimated: true } : {}),
    });
    const update = assignUpdate({ reassigned, round, unit, deadline, estimated: usedFallback, entry, now: input.now });
    // 改派 is guarded on the unit and deadline it was read with: two racing 改派 cannot both apply.
    const guard = reassigned
      ? { status: '已交办', round, unit: before.unit, deadline: before.deadline }
      : { status: '待交办' };
    const { doc, replay } = await applyGuarded(
      models,
      code,
      guard,
      update,
      input.msgId,
      (current) => {
        if (current.status === '已交办') alreadyAssigned(current);
        return wrongState(current, reassigned ? 'reassign' : 'assign', input.actor, tz, input.now);
      },
      { arrayFilters: reassigned ? [{ 'r.round': round }] : undefined, expectedVersion: input.expectedVersion },
    );
    if (!replay) await units.remember(unit, input.now);
    const index = doc.timeline.findIndex((e) => e.origin === input.msgId);
    const applied = doc.timeline[index];
    // From the timeline, not `before`: on a replay `before` already holds this change.
    const previousUnit = doc.timeline
      .slice(0, Math.max(0, index))
      .reverse()
      .find((e) => e.unit)?.unit;
    const sameUnit = applied?.action === 'reassigned' && applied.unit === previousUnit;
    if (applied?.action === 'reassigned') await notices.assigned(doc, index, sameUnit);
    else await notices.assigned(doc);
    const finalDeadline = applied?.deadline ?? deadline;
    return {
      opinion: doc,
      unit: applied?.unit ?? unit,
      match,
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
    const deadline = current.deadline ? formatDate(current.deadline, tz) : '';
    // After 不满意 the round was opened by the filer's rating, not by a clerk: say so rather than name the filer as assigner.
    if (last?.action === 'reopened')
      throw new UserError('opinionAssignReopened', {
        code: current.code,
        round: current.round ?? 2,
        unit: current.unit ?? '',
        deadline,
      });
    throw new UserError('opinionAssignRace', {
      code: current.code,
      name: last?.byName ?? '',
      unit: current.unit ?? '',
      deadline,
    });
  }

  /** 答复: records the unit's answer for the current round; exactly one of two racing clerks wins. */
  async function answer(code: string, text: string, input: ActionInput): Promise<{ opinion: Opinion; late: boolean }> {
    const body = text.trim();
    if (!body) throw new UserError('opinionAnswerUsage', { code });
    const length = [...body].length;
    if (length > limits.maxChars) throw new UserError('opinionAnswerTooLong', { max: limits.maxChars, length });
    const before = await loadOpinion(models, code);
    const round = before.round ?? 0;
    const { doc } = await applyGuarded(
      models,
      code,
      { status: '已交办', round },
      {
        $set: {
          status: '已答复',
          answer: body,
          answeredAt: input.now,
          lastEventAt: input.now,
          'rounds.$[r].answer': body,
          'rounds.$[r].answeredAt': input.now,
        },
        $push: { timeline: timelineEntry('answered', input, { round, note: body }) },
      },
      input.msgId,
      (current) => wrongState(current, 'answer', input.actor, tz, input.now),
      { arrayFilters: [{ 'r.round': round }], expectedVersion: input.expectedVersion },
    );
    await notices.answered(doc);
    const late = Boolean(doc.deadline && doc.answeredAt && doc.answeredAt.getTime() > doc.deadline.getTime());
    return { opinion: doc, late };
  }

  /** 办结: after an answer (rated or not). */
  async function close(code: string, input: ActionInput): Promise<Opinion> {
    const { doc } = await applyGuarded(
      models,
      code,
      { status: '已答复' },
      {
        $set: { status: '已办结', closedAt: input.now, lastEventAt: input.now },
        $push: { timeline: timelineEntry('closed', input) },
      },
      input.msgId,
      (current) => wrongState(current, 'close', input.actor, tz, input.now),
      { expectedVersion: input.expectedVersion },
    );
    await notices.closed(doc);
    return doc;
  }

  /** 退回: out of scope, with the reason; possible until the unit has answered. */
  async function reject(code: string, reason: string, input: ActionInput): Promise<Opinion> {
    const why = reason.trim();
    if (!why) throw new UserError('opinionRejectUsage', { code });
    if ([...why].length > limits.maxChars)
      throw new UserError('opinionRejectTooLong', { max: limits.maxChars, length: [...why].length });
    const { doc } = await applyGuarded(
      models,
      code,
      { status: { $in: ['待交办', '已交办'] } },
      {
        $set: { status: '已退回', rejectReason: why, rejectedAt: input.now, lastEventAt: input.now },
        $push: { timeline: timelineEntry('rejected', input, { note: why }) },
      },
      input.msgId,
      (current) => wrongState(current, 'reject', input.actor, tz, input.now),
      { expectedVersion: input.expectedVersion },
    );
    await notices.rejected(doc);
    return doc;
  }

  return { assign, answer, close, reject };
}

/** 交办 starts a round; 改派 changes the current round's unit and deadline in place. */
function assignUpdate(p: {
  reassigned: boolean;
  round: number;
  unit: string;
  deadline: Date;
  estimated: boolean;
  entry: TimelineEntry;
  now: Date;
}): UpdateQuery<Opinion> {
  const { round, unit, deadline, entry, now } = p;
  const deadlineEstimated = p.estimated;
  if (p.reassigned) {
    return {
      $set: {
        unit,
        deadline,
        deadlineEstimated,
        lastEventAt: now,
        'rounds.$[r].unit': unit,
        'rounds.$[r].deadline': deadline,
      },
      $push: { timeline: entry },
    };
  }
  return {
    $set: { status: '已交办', round, unit, deadline, deadlineEstimated, assignedAt: now, lastEventAt: now },
    $push: { rounds: { round, unit, deadline, assignedAt: now }, timeline: entry },
  };
}
