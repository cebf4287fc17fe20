import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import type { Stamp } from '../../models/event-parts';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { EventDeps } from './deps';
import { formatSignupDeadline } from './event-time';

// An activity's lists: when they are open, how the waitlist moves up, and telling those promoted.

/** Refuses a sign-up or withdrawal once the activity is cancelled, or past its deadline (or start). */
export function assertSignupOpen(d: EventDeps, a: ActivityDoc, now: Date, until: 'deadline' | 'start'): void {
  if (a.status === 'cancelled')
    refuse('event.cancelled', { kind: 'activity', code: a.code, reason: a.cancelReason ?? '' });
  if (until === 'deadline' && a.deadline.getTime() <= now.getTime())
    refuse('activity.signupClosed', {
      code: a.code,
      deadline: formatSignupDeadline(a, d.config.timezone, d.calendar?.()),
    });
  if (until === 'start' && a.startAt.getTime() <= now.getTime()) refuse('activity.started', { code: a.code });
}

/** Moves waitlisted deputies into free places, first come first served. Pure. */
export function promoteWaitlist(confirmed: Stamp[], waitlist: Stamp[], capacity: number | null, now: Date) {
  const c = [...confirmed];
  const w = [...waitlist];
  const promoted: string[] = [];
  while (w.length > 0 && (capacity === null || c.length < capacity)) {
    const next = w.shift()!;
    c.push({ userid: next.userid, at: now });
    promoted.push(next.userid);
  }
  return { confirmed: c, waitlist: w, promoted };
}

/** The $set that rewrites both lists together (their id mirrors and the count included). */
export function listsUpdate(confirmed: Stamp[], waitlist: Stamp[]) {
  return {
    confirmed,
    confirmedIds: confirmed.map((s) => s.userid),
    confirmedCount: confirmed.length,
    waitlist,
    waitlistIds: waitlist.map((s) => s.userid),
  };
}

/** Records promotions in the same update that makes them, so a crash before the push cannot lose it. */
export function withPromotions(update: Record<string, unknown>, promoted: string[]): Record<string, unknown> {
  if (promoted.length === 0) return update;
  const push = (update.$push as Record<string, unknown> | undefined) ?? {};
  return { ...update, $push: { ...push, promotedPending: { $each: promoted } } };
}

/**
 * Tells each promoted deputy they now have a place, then clears them from promotedPending. The key is
 * the promotion's own stamp, so the crash-recovery sweep re-sending it never doubles the push.
 */
export async function notifyPromoted(d: EventDeps, a: ActivityDoc, promoted: string[]): Promise<void> {
  if (promoted.length === 0) return;
  const tz = d.config.timezone;
  for (const userid of promoted) {
    const stamp = a.confirmed.find((s) => s.userid === userid);
    if (!stamp) continue; // withdrawn again since: nothing to tell
    await d.notify.toUsers(
      `activity:${a.code}:promoted:${userid}:${new Date(stamp.at).getTime()}`,
      [userid],
      t('activityPromotedPush', {
        code: a.code,
        title: neutralizeUserText(a.title),
        when: formatDateTime(a.startAt, tz),
        place: neutralizeUserText(a.place),
      }),
    );
  }
  const cleared = await d.models.Activity.updateOne({ _id: a._id }, { $pullAll: { promotedPending: promoted } });
  if (cleared.modifiedCount > 0) await recordWrite({ kind: 'Activity', code: a.code, op: 'update' });
}

/** Crash recovery, run every minute by the reminders job: promotions whose push was never queued. */
export async function flushPendingPromotions(d: EventDeps): Promise<number> {
  const stuck = (await d.models.Activity.find({ promotedPending: { $type: 'string' } }).lean()) as ActivityDoc[];
  let sent = 0;
  for (const a of stuck) {
    await notifyPromoted(d, a, a.promotedPending);
    sent += a.promotedPending.length;
  }
  return sent;
}
