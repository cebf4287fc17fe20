import { refuse } from '../../refusals';
import { endOfDay } from '../../time/zone';
import { createFollowUpReport } from './follow-up-report';
import type { DeadlineChoice } from './office-assign';
import {
  type ActionInput,
  applyGuarded,
  checkVersion,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  workdaysDeadline,
  wrongState,
} from './opinion-steps';
import { createReopen } from './reopen';

/** The classes a unit promised more work on: such a case stays open for follow-up. */
export const FOLLOW_UP_CLASSES: readonly string[] = ['B', 'C'];
const MAX_FOLLOW_UP_WORKDAYS = 1000;

/**
 * 跟踪 and 重办: the office follows up a case answered B or C on a day it chooses (it comes back in 督办 then),
 * and reopens a closed case when its problem returns (a new round, in the timeline and the operation log).
 */
export function createFollowUp(d: OpinionDeps) {
  return { followUp: createFollowUpStep(d), reopen: createReopen(d), ...createFollowUpReport(d) };
}

/** 跟踪: the day a B or C case comes back in 督办. */
function createFollowUpStep(d: OpinionDeps) {
  const { models } = d;
  const tz = d.config.timezone;

  async function dateOf(choice: Exclude<DeadlineChoice, 'default'>, now: Date, code: string): Promise<Date> {
    if ('date' in choice) {
      if (choice.date.getTime() < now.getTime()) refuse('opinion.pastDeadline', { deadline: choice.date, now });
      return choice.date;
    }
    const n = choice.workdays;
    if (!Number.isInteger(n) || n < 1 || n > MAX_FOLLOW_UP_WORKDAYS)
      refuse('opinion.badDeadline', { input: String(n) });
    return (await workdaysDeadline(d, n, now, code)).date;
  }

  /** 跟踪 <编号> <日期>: the day a B or C case comes back (set again to move it). */
  async function followUp(
    input: OpinionRef & { date: Exclude<DeadlineChoice, 'default'> },
    step: ActionInput,
  ): Promise<Opinion> {
    const { code } = input;
    const before = await loadOpinion(models, code);
    const replayed = before.timeline.some((e) => e.origin === step.msgId);
    if (!replayed) {
      checkVersion(before, input.expectedVersion);
      if (before.status !== '已答复') wrongState(before, 'followUp');
      if (!FOLLOW_UP_CLASSES.includes(before.resolution ?? ''))
        refuse('opinion.followUpClass', { code, resolution: before.resolution ?? undefined });
    }
    const date = endOfDay(await dateOf(input.date, step.now, code), tz);
    const round = before.round ?? 1;
    const { doc } = await applyGuarded(
      models,
      code,
      { status: '已答复', round, resolution: { $in: FOLLOW_UP_CLASSES } },
      {
        $set: { followUpAt: date, lastEventAt: step.now },
        $push: { timeline: timelineEntry('followUp', step, { round, deadline: date }) },
      },
      step.msgId,
      (current) => {
        if (current.status !== '已答复') return wrongState(current, 'followUp');
        return refuse('opinion.followUpClass', { code, resolution: current.resolution ?? undefined });
      },
      { expectedVersion: input.expectedVersion },
    );
    return doc;
  }

  return followUp;
}
