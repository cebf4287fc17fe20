import type { UpdateQuery } from 'mongoose';
import { refuse } from '../../refusals';
import { wallTime } from '../../time/zone';
import type { Units } from './handling-units';
import type { OpinionNotices } from './notices';
import {
  type ActionInput,
  applyGuarded,
  checkVersion,
  defaultDeadline,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  type TimelineEntry,
  timelineEntry,
  workdaysDeadline,
  wrongState,
} from './opinion-steps';
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

/** What 交办 and 改派 need besides the opinion: the units they count, and the notices they send. */
interface AssignDeps {
  d: OpinionDeps;
  units: Units;
  notices: OpinionNotices;
  unitNotices: UnitNotices;
}

type Mode = 'assign' | 'reassign';

/** 交办 and 改派 (the office's rounds with a unit and a deadline). */
export function createAssignment(deps: AssignDeps) {
  return {
    /** 交办 (from 待交办 only): starts a round with a unit and a deadline. */
    assign(input: AssignInput, step: ActionInput): Promise<AssignResult> {
      return assignRound(deps, 'assign', input, step);
    },
    /** 改派: changes the unit and/or deadline of the current round (a deadline alone keeps the unit). */
    reassign(input: ReassignInput, step: ActionInput): Promise<AssignResult> {
      if (input.unit === undefined && input.deadline === 'default')
        refuse('opinion.unitMissing', { code: input.code, reassign: true });
      return assignRound(deps, 'reassign', input, step);
    },
  };
}

async function deadlineOf(
  d: OpinionDeps,
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

/** The state a round may start from; refused with what happened meanwhile (a retry of this very message is not). */
function checkBefore(before: Opinion, input: ReassignInput, mode: Mode, msgId: string): void {
  if (before.timeline.some((e) => e.origin === msgId)) return;
  checkVersion(before, input.expectedVersion);
  if (mode === 'assign' && before.status === '已交办') alreadyAssigned(before);
  if (before.status !== (mode === 'reassign' ? '已交办' : '待交办')) wrongState(before, mode);
}

/**
 * 交办 and 改派 are kept apart so that a clerk who did not see a colleague's 交办 is told, instead of
 * silently overriding it.
 */
async function assignRound(deps: AssignDeps, mode: Mode, input: ReassignInput, step: ActionInput) {
  const { d } = deps;
  const { code } = input;
  const reassigned = mode === 'reassign';
  const typedUnit = input.unit === undefined ? undefined : checkUnit(input.unit, code, reassigned);
  const before = await loadOpinion(d.models, code);
  checkBefore(before, input, mode, step.msgId);
  const { date: deadline, defaulted, usedFallback } = await deadlineOf(d, input.deadline, step.now, code);
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
    d.models,
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
  return settle(deps, { doc, replay, unit, deadline, defaulted, usedFallback }, step);
}

/** The applied round as the timeline holds it (a replay's too), its notices sent. */
async function settle(
  { d, units, notices, unitNotices }: AssignDeps,
  r: { doc: Opinion; replay: boolean; unit: string; deadline: Date; defaulted: boolean; usedFallback: boolean },
  step: ActionInput,
): Promise<AssignResult> {
  const { doc } = r;
  // The unit's contacts come back from the same write that counts the use (read again on a replay).
  const contacts = r.replay ? await units.contactsOf(doc.unit ?? r.unit) : await units.remember(r.unit, step.now);
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
  const finalDeadline = applied?.deadline ?? r.deadline;
  return {
    opinion: doc,
    unit: applied?.unit ?? r.unit,
    deadline: finalDeadline,
    defaulted: r.defaulted,
    reassigned: applied?.action === 'reassigned',
    sameUnit,
    fallbackYear: r.usedFallback ? wallTime(finalDeadline, d.config.timezone).year : undefined,
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
