import { t } from '../../messages';
import { refuse } from '../../refusals';
import { groupSafe } from '../../text/group-safe';
import { contactsOfUnits } from './colour-notices';
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
  wrongState,
} from './opinion-steps';

const MAX_REASON_CHARS = 500;

/** 重办: a closed case whose problem returned goes back to its unit in a new round (timeline, operation log). */
export function createReopen(d: OpinionDeps) {
  const { models } = d;
  const tz = d.config.timezone;

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

  return reopen;
}
