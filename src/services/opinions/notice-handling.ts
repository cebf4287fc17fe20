import { assignCard, rateCard } from '../../cards';
import { t } from '../../messages';
import { groupSafe, shown } from '../../text/group-safe';
import { formatDate } from '../../time/format';
import type { NoticeSink, Notifier } from '../delivery';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { followers, formatDeadline, type Opinion } from './opinion-steps';

/** What every opinion notice needs: where it goes, the zone and calendar of its dates, who the office is. */
export interface NoticeContext {
  notify: Notifier;
  tz: string;
  officeUserids: () => Promise<string[]>;
  calendar: () => HolidayCalendar;
}

/** The notices of a case in hand: filed (the office's 交办 card), assigned, answered, chased. */
export function createHandlingNotices({ notify, tz, officeUserids, calendar }: NoticeContext) {
  const title = (o: Opinion) => groupSafe(o.title);

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
  };
}
