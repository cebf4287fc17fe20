import type { UpdateQuery } from 'mongoose';
import type { Rating } from '../../models/opinion';
import { refuse } from '../../refusals';
import type { Units } from './handling-units';
import type { OpinionNotices } from './notices';
import {
  type ActionInput,
  applyGuarded,
  defaultDeadline,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  type TimelineEntry,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { UnitNotices } from './unit-notices';

export interface RateResult {
  opinion: Opinion;
  /** Set when 不满意 opened the next round. */
  reopened: boolean;
}

/** 评价: the rating and the filer's optional note. */
export interface RateInput extends OpinionRef {
  rating: Rating;
  note: string;
}

/** 评价 by the filer: a rating, and with 不满意 the next round with the same unit. */
export function createRating(d: OpinionDeps, notices: OpinionNotices, units: Units, unitNotices: UnitNotices) {
  const { models } = d;

  /** 评价: the filer rates the current round's answer; 不满意 sends it back to the unit for another round. */
  async function rate({ code, rating, ...rest }: RateInput, input: ActionInput): Promise<RateResult> {
    const note = rest.note.trim();
    const max = d.config.tunables.opinion.ratingNoteMaxChars;
    const length = [...note].length;
    if (length > max) refuse('opinion.noteTooLong', { max, length });
    const before = await loadOpinion(models, code);
    if (before.filer !== input.actor.userid) refuse('opinion.notFiler', { code, action: 'rate' });
    const round = before.round ?? 0;
    const explain = (current: Opinion): never => {
      if (current.status === '已答复' && current.ratedRound === current.round)
        refuse('opinion.ratedAlready', { code, rating: current.rating ?? '' });
      if (current.status === '已交办' || current.status === '待交办') refuse('opinion.notAnswered', { code });
      return wrongState(current, 'rate');
    };
    // The next round's rounds[] is built from this read: it must be the answered state the guard re-checks
    // (read before a racing 答复 landed, it would lack that answer and the update would erase it).
    const replayed = before.timeline.some((e) => e.origin === input.msgId);
    if (!replayed && (before.status !== '已答复' || before.ratedRound === round)) explain(before);
    const guard = { status: '已答复', filer: input.actor.userid, round, ratedRound: { $ne: round } };
    const rated = timelineEntry('rated', input, { rating, round, note: note || undefined });
    const common = { rating, ratedRound: round, ratedAt: input.now, lastEventAt: input.now };
    if (rating !== '不满意') {
      const { doc } = await applyGuarded(
        models,
        code,
        guard,
        {
          $set: { ...common, 'rounds.$[r].rating': rating, 'rounds.$[r].ratedAt': input.now },
          $push: { timeline: rated },
        },
        input.msgId,
        explain,
        { arrayFilters: [{ 'r.round': round }] },
      );
      if (doc.status === '已答复') await notices.rated(doc, note);
      return { opinion: doc, reopened: false };
    }
    const { date: deadline, usedFallback } = await defaultDeadline(d, input.now, code);
    const { update, reopened } = nextRoundUpdate(before, {
      rated,
      common: { ...common, deadlineEstimated: usedFallback },
      deadline,
      estimated: usedFallback,
      input,
    });
    const { doc, replay } = await applyGuarded(models, code, guard, update, input.msgId, explain);
    // On a retried message, re-send only if that message's round is still the current one (same idempotency key).
    const ours = replay ? doc.timeline.find((e) => e.origin === input.msgId && e.action === 'reopened') : reopened;
    if (ours && ours.round === doc.round) {
      await notices.reopened(doc, note);
      await notices.nextRound(doc);
      // The case is back with the same unit: its contacts get it again, as on 交办, with the new round and deadline.
      await unitNotices.assigned(doc, await units.contactsOf(doc.unit ?? ''), input.now);
    }
    return { opinion: doc, reopened: true };
  }

  return { rate };
}

/** 不满意 → the next round: same unit, a fresh default deadline; the rated round stays in history. */
function nextRoundUpdate(
  before: Opinion,
  p: { rated: TimelineEntry; common: Record<string, unknown>; deadline: Date; estimated: boolean; input: ActionInput },
): { update: UpdateQuery<Opinion>; reopened: TimelineEntry } {
  const round = before.round ?? 0;
  const unit = before.unit ?? '';
  const { deadline, input } = p;
  // While 已答复 nothing else writes rounds[], so replacing the array under the caller's guard is safe.
  const rounds = [
    ...before.rounds.map((r) => (r.round === round ? { ...r, rating: p.rated.rating, ratedAt: input.now } : r)),
    { round: round + 1, unit, deadline, assignedAt: input.now },
  ];
  const reopened = timelineEntry('reopened', input, {
    round: round + 1,
    unit,
    deadline,
    ...(p.estimated ? { deadlineEstimated: true } : {}),
  });
  return {
    update: {
      $set: { ...p.common, status: '已交办', round: round + 1, deadline, assignedAt: input.now, rounds },
      $unset: { answer: '', answeredAt: '' },
      $push: { timeline: { $each: [p.rated, reopened] } },
    },
    reopened,
  };
}
