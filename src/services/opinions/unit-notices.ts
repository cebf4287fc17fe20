import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import { maskSensitive } from '../../text/mask';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { workdaysBetween } from '../../time/workdays';
import type { NoticeSink, Notifier } from '../delivery';
import type { UnitContact } from './handling-units';
import { formatDeadline, type Opinion } from './opinion-steps';

/**
 * What a handling unit's contacts and the office are told along the unit's loop: the case reaching the unit,
 * a submitted answer (to the office), and the review's outcome (to the contact). Contacts are not in the
 * deputies' group, so they are told privately (`toPeople`); a group fallback carries the code and title only.
 */
export function createUnitNotices(d: {
  notify: Notifier;
  tz: string;
  calendar: () => HolidayCalendar;
  officeUserids: () => Promise<string[]>;
  review: boolean;
}) {
  const title = (o: Opinion) => groupSafe(o.title);
  const unit = (o: Opinion) => groupSafe(o.unit ?? '');

  return {
    /** 交办 / 改派 to a unit: its contacts get the case (contact details masked), deadline and how to answer. */
    async assigned(
      o: Opinion,
      contacts: UnitContact[],
      now: Date,
      reassignIndex?: number,
      sink: NoticeSink = d.notify,
    ) {
      if (!contacts.length || !o.deadline) return;
      const key =
        reassignIndex === undefined
          ? `opinion:${o.code}:unit-assigned:${o.round}`
          : `opinion:${o.code}:unit-reassigned:${reassignIndex}`;
      const text = t('unitNoticeAssigned', {
        unit: unit(o),
        code: o.code,
        title: title(o),
        // Never the constituent's numbers in a push (a failed one-to-one send falls back to the group): when the
        // office passed them on, the contact reads them in 进度 one-to-one or in the console.
        content: groupSafe(maskSensitive(o.content)),
        shared: o.shareContact === true,
        deadline: formatDeadline(o, d.tz, d.calendar()),
        workdays: workdaysBetween(now, o.deadline, d.tz, d.calendar()),
        round: o.round ?? 1,
        reassigned: reassignIndex !== undefined,
        review: d.review,
      });
      const inGroup = t('unitNoticeAssignedGroup', { unit: unit(o), code: o.code, title: title(o) });
      await sink.toPeople(
        key,
        contacts.map((c) => c.userid),
        text,
        inGroup,
      );
    },
    /** 改派 to another unit: the unit it left is told it need not answer (privately, as the others). */
    reassignedAway: (o: Opinion, left: UnitLeft, sink: NoticeSink = d.notify) => tellUnitLeft(o, left, sink),
    /** A unit's answer waits for review: the office is told with the text and the two ways on. */
    async submitted(o: Opinion) {
      const p = o.pendingAnswer;
      if (!p) return;
      const text = t('reviewNoticeSubmitted', {
        code: o.code,
        title: title(o),
        unit: unit(o),
        name: groupSafe(p.byName),
        resolution: t('resolutionLabel', { resolution: p.resolution }),
        answer: groupSafe(p.text),
      });
      // Privately: deputies (the filer among them) read the group, and this answer is not theirs yet.
      const inGroup = t('reviewNoticeSubmittedGroup', { code: o.code, unit: unit(o) });
      await d.notify.toPeople(`opinion:${o.code}:submitted:${p.origin}`, await d.officeUserids(), text, inGroup);
    },
    /** 审核 … 退回: the contact who submitted learns why. */
    async returned(o: Opinion, contact: string, index: number) {
      const text = t('unitNoticeReturned', {
        code: o.code,
        title: title(o),
        reason: groupSafe(o.returnedAnswer?.reason ?? ''),
      });
      const inGroup = t('unitNoticeReviewGroup', { code: o.code });
      await d.notify.toPeople(`opinion:${o.code}:returned:${index}`, [contact], text, inGroup);
    },
    /** 审核 … 通过: the contact who submitted learns it went on to the filer. */
    async approved(o: Opinion, contact: string) {
      const text = t('unitNoticeApproved', { code: o.code, title: title(o) });
      const inGroup = t('unitNoticeReviewGroup', { code: o.code });
      await d.notify.toPeople(`opinion:${o.code}:approved:${o.round}`, [contact], text, inGroup);
    },
  };
}

export type UnitNotices = ReturnType<typeof createUnitNotices>;

/** The unit a 改派 moved a case away from: its contacts, and the 改派's timeline index (the notice's key). */
export interface UnitLeft {
  unit: string;
  index: number;
  contacts: UnitContact[];
}

async function tellUnitLeft(o: Opinion, left: UnitLeft, sink: NoticeSink): Promise<void> {
  if (!left.contacts.length) return;
  const unit = groupSafe(left.unit);
  await sink.toPeople(
    `opinion:${o.code}:unit-left:${left.index}`,
    left.contacts.map((c) => c.userid),
    t('unitNoticeReassignedAway', { unit, code: o.code, title: groupSafe(o.title) }),
    t('unitNoticeReassignedAwayGroup', { unit, code: o.code }),
  );
}
