import { assignCard, rateCard } from '../../cards';
import { t } from '../../messages';
import { groupSafe, shown } from '../../text/group-safe';
import { formatDate } from '../../time/format';
import type { NoticeSink, Notifier } from '../delivery';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { followers, formatDeadline, type Opinion } from './opinion-steps';

/**
 * Tells the filer and co-signers about a step. Keys are per opinion, step and round, so a retried
 * command or a re-run never pushes twice.
 */
export function createOpinionNotices(
  notify: Notifier,
  tz: string,
  officeUserids: () => Promise<string[]>,
  calendar: () => HolidayCalendar,
) {
  const title = (o: Opinion) => groupSafe(o.title);
  /** What a new round's notices say: which round, which unit, by when. */
  const roundParams = (o: Opinion) => ({
    code: o.code,
    title: title(o),
    round: o.round ?? 2,
    unit: groupSafe(o.unit ?? ''),
    deadline: formatDeadline(o, tz, calendar()),
  });

  /** What the filer will read for an answer (the console previews it before saving). */
  const answeredText = (o: Pick<Opinion, 'code' | 'title' | 'unit'>, answer: string, resolution?: string): string =>
    t('opinionNoticeAnswered', {
      code: o.code,
      title: groupSafe(o.title),
      unit: groupSafe(o.unit ?? ''),
      answer: groupSafe(answer),
      resolution: resolution ? t('resolutionLabel', { resolution }) : undefined,
    });

  return {
    /**
     * A new opinion: office staff get the 交办 card (units most used first) one-to-one where a private channel
     * carries cards; no group push (the office sees new cases in 督办 and the console as before). `knownUnits`
     * is read only where such a card can reach someone, so a filing pays nothing for it elsewhere.
     */
    async filed(o: Opinion, knownUnits: () => Promise<readonly string[]>) {
      if (!notify.reachesPrivately) return;
      const units = await knownUnits();
      if (units.length === 0) return;
      const facts = { code: o.code, title: shown(o.title, true), content: shown(o.content, true) };
      const text = t('opinionNoticeFiledOffice', { code: o.code, title: facts.title, filer: o.filerName });
      await notify.cardPrivately(`opinion:${o.code}:filed`, await officeUserids(), text, () =>
        assignCard(facts, units, o.filedAt),
      );
    },
    async assigned(o: Opinion, reassignIndex?: number, sameUnit = false, sink: NoticeSink = notify) {
      const key =
        reassignIndex === undefined
          ? `opinion:${o.code}:assigned:${o.round}`
          : `opinion:${o.code}:reassigned:${reassignIndex}`;
      const text = t('opinionNoticeAssigned', {
        code: o.code,
        title: title(o),
        unit: groupSafe(o.unit ?? ''),
        deadline: formatDeadline(o, tz, calendar()),
        round: o.round ?? 1,
        reassigned: reassignIndex !== undefined,
        sameUnit,
      });
      await sink.toUsers(key, followers(o), text);
    },
    answeredText,
    async answered(o: Opinion) {
      // The filer rates it: where their notice arrives as a card, with a tap (co-signers get the text).
      const card = rateCard(
        { code: o.code, unit: groupSafe(o.unit ?? ''), answer: o.answer ?? '', resolution: o.resolution },
        o.lastEventAt,
      );
      await notify.toUsers(
        `opinion:${o.code}:answered:${o.round}`,
        followers(o),
        answeredText(o, o.answer ?? '', o.resolution ?? undefined),
        { card, to: [o.filer] },
      );
    },
    /** 督办 from the console: the filer and co-signers learn the office chased the unit. `index` is the entry's place in the timeline. */
    async reminded(o: Opinion, index: number) {
      const text = t('opinionNoticeReminded', {
        code: o.code,
        title: title(o),
        unit: groupSafe(o.unit ?? ''),
        deadline: o.deadline ? formatDate(o.deadline, tz) : '',
      });
      await notify.toUsers(`opinion:${o.code}:reminded:${index}`, followers(o), text);
    },
    async closed(o: Opinion) {
      await notify.toUsers(
        `opinion:${o.code}:closed`,
        followers(o),
        t('opinionNoticeClosed', { code: o.code, title: title(o) }),
      );
    },
    async rejected(o: Opinion) {
      const text = t('opinionNoticeRejected', {
        code: o.code,
        title: title(o),
        reason: groupSafe(o.rejectReason ?? ''),
      });
      await notify.toUsers(`opinion:${o.code}:rejected`, followers(o), text);
    },
    async withdrawn(o: Opinion) {
      await notify.toUsers(
        `opinion:${o.code}:withdrawn`,
        o.cosigners ?? [],
        t('opinionNoticeWithdrawn', { code: o.code, title: title(o) }),
      );
    },
    /** 满意 / 基本满意: the office learns it can close the opinion (otherwise nothing lists what awaits 办结). */
    async rated(o: Opinion, note: string) {
      const text = t('opinionNoticeRated', {
        code: o.code,
        title: title(o),
        rating: o.rating ?? '',
        note: groupSafe(note),
      });
      await notify.toUsers(`opinion:${o.code}:rated:${o.round}`, await officeUserids(), text);
    },
    /** 不满意: co-signers learn the opinion went back to the unit (the filer, who rated, has the reply). */
    async nextRound(o: Opinion) {
      const text = t('opinionNoticeNextRound', roundParams(o));
      await notify.toUsers(`opinion:${o.code}:next-round:${o.round}`, o.cosigners ?? [], text);
    },
    /** 不满意: the office learns that a second (third…) round has started. */
    async reopened(o: Opinion, note: string) {
      const text = t('opinionNoticeReopened', { ...roundParams(o), note: groupSafe(note) });
      await notify.toUsers(`opinion:${o.code}:reopened:${o.round}`, await officeUserids(), text);
    },
  };
}

export type OpinionNotices = ReturnType<typeof createOpinionNotices>;
