import { RESOLUTION_LABELS, type Resolution } from '../../contracts/labels';
import { t } from '../../messages';
import { formatDate } from '../../time/format';
import { refuse } from '../../refusals';
import { groupSafe } from '../../text/group-safe';
import { endOfDay } from '../../time/zone';
import { contactsOfUnits } from './colour-notices';
import type { DeadlineChoice } from './office-actions';
import {
  type ActionInput,
  applyGuarded,
  checkVersion,
  defaultDeadline,
  followers,
  formatDeadline,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  workdaysDeadline,
  wrongState,
} from './opinion-steps';

/** The classes a unit promised more work on: such a case stays open for follow-up. */
export const FOLLOW_UP_CLASSES: readonly string[] = ['B', 'C'];
const MAX_REASON_CHARS = 500;
const MAX_FOLLOW_UP_WORKDAYS = 1000;

export interface FollowUpDue {
  code: string;
  title: string;
  unit: string;
  resolution: string;
  followUpAt: Date;
}

/**
 * 跟踪 and 重办: the office follows up a case answered B or C on a day it chooses (it comes back in 督办 then),
 * and reopens a closed case when its problem returns (a new round, in the timeline and the operation log).
 */
export function createFollowUp(d: OpinionDeps) {
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

  /** 重办 <编号> <原因>: a closed case goes back to its unit in a new round with the default deadline. */
  async function reopen(input: OpinionRef & { reason: string }, step: ActionInput): Promise<Opinion> {
    const { code } = input;
    const why = input.reason.trim();
    if (!why) refuse('opinion.reasonMissing', { code });
    if ([...why].length > MAX_REASON_CHARS)
      refuse('opinion.reasonTooLong', { max: MAX_REASON_CHARS, length: [...why].length });
    const before = await loadOpinion(models, code);
    const replayed = before.timeline.some((e) => e.origin === step.msgId);
    if (!replayed) {
      checkVersion(before, input.expectedVersion);
      if (before.status !== '已办结') wrongState(before, 'reopen');
    }
    const { date: deadline, usedFallback } = await defaultDeadline(d, step.now, code);
    const round = (before.round ?? 0) + 1;
    const unit = before.unit ?? '';
    const entry = timelineEntry('redone', step, {
      round,
      unit,
      deadline,
      note: why,
      ...(usedFallback ? { deadlineEstimated: true } : {}),
    });
    const { doc, replay } = await applyGuarded(
      models,
      code,
      // The round it was read with: two racing 重办 cannot both open a round.
      { status: '已办结', round: before.round },
      {
        $set: {
          status: '已交办',
          round,
          deadline,
          deadlineEstimated: usedFallback,
          assignedAt: step.now,
          lastEventAt: step.now,
        },
        $unset: { answer: '', answeredAt: '', resolution: '', closedAt: '', followUpAt: '' },
        $push: { rounds: { round, unit, deadline, assignedAt: step.now }, timeline: entry },
      },
      step.msgId,
      (current) => wrongState(current, 'reopen'),
      { expectedVersion: input.expectedVersion },
    );
    // A retry re-sends only while its round is still the current one (the same key: nothing twice).
    const ours = replay ? doc.timeline.find((e) => e.origin === step.msgId && e.action === 'redone') : entry;
    if (ours && ours.round === doc.round) await tellReopened(doc, why);
    return doc;
  }

  /** The filer, co-signers and the unit's contacts hear the case is back (keyed per round: told once). */
  async function tellReopened(o: Opinion, reason: string): Promise<void> {
    const text = t('reopenNotice', {
      code: o.code,
      title: groupSafe(o.title),
      round: o.round ?? 2,
      unit: groupSafe(o.unit ?? ''),
      deadline: formatDeadline(o, tz, d.calendar()),
      reason: groupSafe(reason),
    });
    const contacts = (await contactsOfUnits(d, [o.unit ?? ''])).get(o.unit ?? '') ?? [];
    await d.notify.toUsers(`opinion:${o.code}:redone:${o.round}`, [...followers(o), ...contacts], text);
  }

  /** B and C cases whose follow-up day has come (by the end of today), oldest first: 督办 lists them. */
  async function followUpsDue(now: Date): Promise<FollowUpDue[]> {
    const docs = await models.Opinion.find({ status: '已答复', followUpAt: { $lte: endOfDay(now, tz) } })
      .sort({ followUpAt: 1, seq: 1, _id: 1 })
      .select({ code: 1, title: 1, unit: 1, resolution: 1, followUpAt: 1 })
      .lean<Array<Pick<Opinion, 'code' | 'title' | 'unit' | 'resolution' | 'followUpAt'>>>();
    return docs.map((o) => ({
      code: o.code,
      title: groupSafe(o.title),
      unit: o.unit ?? '',
      resolution: o.resolution ?? '',
      followUpAt: o.followUpAt as Date,
    }));
  }

  /** 督办's section for the follow-ups due, or null when none is. */
  async function followUpReport(now: Date): Promise<string | null> {
    const due = await followUpsDue(now);
    if (due.length === 0) return null;
    const lines = due.map((f) =>
      t('followUpLine', {
        code: f.code,
        title: f.title,
        unit: groupSafe(f.unit),
        resolution: `${f.resolution} ${RESOLUTION_LABELS[f.resolution as Resolution] ?? ''}`.trim(),
        date: formatDate(f.followUpAt, tz),
      }),
    );
    return [t('followUpHeader', { count: due.length }), ...lines, t('followUpFooter')].join('\n');
  }

  return { followUp, reopen, followUpsDue, followUpReport };
}
