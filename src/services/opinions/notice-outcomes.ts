import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import type { NoticeContext } from './notice-handling';
import { followers, formatDeadline, type Opinion } from './opinion-steps';

/** The notices of a case's outcome: closed, rejected, withdrawn, rated, and a next round after 不满意. */
export function createOutcomeNotices({ notify, tz, officeUserids, calendar }: NoticeContext) {
  const title = (o: Opinion) => groupSafe(o.title);
  /** What a new round's notices say: which round, which unit, by when. */
  const roundParams = (o: Opinion) => ({
    code: o.code,
    title: title(o),
    round: o.round ?? 2,
    unit: groupSafe(o.unit ?? ''),
    deadline: formatDeadline(o, tz, calendar()),
  });

  return {
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
