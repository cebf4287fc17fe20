import { t } from '../../src/messages';
import {
  type ActivityDoc,
  type MyActivityStatus,
  formatSignupDeadline,
  myActivityStatus,
} from '../../src/services/events';
import type { MeetingDoc } from '../../src/services/events';
import type { HolidayCalendar } from '../../src/time/holiday-calendar';
import { groupSafe } from '../../src/text/group-safe';
import { formatDateTime } from '../../src/time/format';

// Formatting shared by the activity and meeting commands (lines of lists, my status).

export function describeMine(s: MyActivityStatus): string {
  if (s.kind === 'confirmed') return t('mineConfirmed');
  if (s.kind === 'waitlisted') return t('mineWaitlisted', { position: s.position });
  if (s.kind === 'excused') return t('mineExcused');
  return t('mineNone');
}

export function activityLine(a: ActivityDoc, userid: string, now: Date, tz: string, calendar: HolidayCalendar): string {
  return t('activityListLine', {
    code: a.code,
    title: a.title,
    when: formatDateTime(a.startAt, tz),
    place: a.place,
    capacity: a.capacity,
    confirmed: a.confirmedCount,
    deadline: formatSignupDeadline(a, tz, calendar),
    closed: a.deadline <= now,
    mine: describeMine(myActivityStatus(a, userid)),
  });
}

export function myReply(m: MeetingDoc, userid: string): string {
  if (m.checkinIds.includes(userid)) return t('mineCheckedIn');
  const r = m.replies.find((x) => x.userid === userid);
  if (!r) return t('mineReplyNone');
  return r.answer === '参加' ? t('mineReplyAttend') : t('mineReplyLeave', { reason: shownReason(r.reason) ?? '' });
}

/** A typed reason as the group may read it (replies in the group chat are seen by all): masked, mentioning nobody. */
export function shownReason(reason: string | undefined): string | undefined {
  return reason === undefined ? undefined : groupSafe(reason);
}
