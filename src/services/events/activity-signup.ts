import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import type { Stamp } from '../../models/event-parts';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { EventDeps } from './deps';
import { afterConflict, MAX_VERSION_RETRIES } from './version-retry';
import { anyoneMayCheckIn } from './activity-capacity';
import { checkinWindow, formatSignupDeadline } from './event-time';

export type SignupResult =
  { outcome: 'confirmed'; activity: ActivityDoc } | { outcome: 'waitlisted'; position: number; activity: ActivityDoc };

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

export function createActivitySignup(d: EventDeps, byCode: (input: string, now: Date) => Promise<ActivityDoc>) {
  const { Activity } = d.models;
  const tz = d.config.timezone;
  const tun = d.config.tunables;

  function assertOpen(a: ActivityDoc, now: Date, until: 'deadline' | 'start'): void {
    if (a.status === 'cancelled')
      refuse('event.cancelled', { kind: 'activity', code: a.code, reason: a.cancelReason ?? '' });
    if (until === 'deadline' && a.deadline.getTime() <= now.getTime())
      refuse('activity.signupClosed', {
        code: a.code,
        deadline: formatSignupDeadline(a, tz, d.calendar?.()),
      });
    if (until === 'start' && a.startAt.getTime() <= now.getTime()) refuse('activity.started', { code: a.code });
  }

  /** One guarded $push per attempt: never more confirmed than places, however many press at once. */
  async function signUp(input: string, userid: string, now: Date): Promise<SignupResult> {
    for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
      const a = await byCode(input, now);
      assertOpen(a, now, 'deadline');
      if (a.confirmedIds.includes(userid)) refuse('activity.alreadySigned', { code: a.code });
      const pos = a.waitlistIds.indexOf(userid);
      if (pos >= 0) refuse('activity.alreadyWaitlisted', { code: a.code, position: pos + 1 });
      const base: Record<string, unknown> = {
        _id: a._id,
        status: 'active',
        deadline: { $gt: now },
        capacity: a.capacity,
        'confirmed.userid': { $ne: userid },
        'waitlist.userid': { $ne: userid },
      };
      const stamp = { userid, at: now };
      const seat: Record<string, unknown> =
        a.capacity === null ? base : { ...base, confirmedCount: { $lt: a.capacity } };
      const confirmed = (await Activity.findOneAndUpdate(
        seat,
        { $push: { confirmed: stamp, confirmedIds: userid }, $inc: { confirmedCount: 1, version: 1 } },
        { returnDocument: 'after' },
      ).lean()) as ActivityDoc | null;
      if (confirmed) {
        await recordWrite({ kind: 'Activity', code: a.code, op: 'update' });
        return { outcome: 'confirmed', activity: confirmed };
      }
      if (a.capacity === null) continue;
      const queued = (await Activity.findOneAndUpdate(
        { ...base, confirmedCount: { $gte: a.capacity } },
        { $push: { waitlist: stamp, waitlistIds: userid }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean()) as ActivityDoc | null;
      if (queued) {
        await recordWrite({ kind: 'Activity', code: a.code, op: 'update' });
        return { outcome: 'waitlisted', position: queued.waitlistIds.indexOf(userid) + 1, activity: queued };
      }
      // A place freed (or the activity changed) between the two tries: read again and decide afresh.
    }
    throw new Error(`sign-up kept conflicting for ${input}`);
  }

  /**
   * Takes a deputy off the lists (取消报名, or 请假 with a reason) and promotes the first waitlisted,
   * all in one version-guarded update.
   */
  async function withdraw(input: string, userid: string, now: Date, leaveReason?: string) {
    for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
      const a = await byCode(input, now);
      assertOpen(a, now, leaveReason === undefined ? 'deadline' : 'start');
      const wasConfirmed = a.confirmedIds.includes(userid);
      if (!wasConfirmed && !a.waitlistIds.includes(userid)) refuse('activity.notSigned', { code: a.code });
      const lists = promoteWaitlist(
        a.confirmed.filter((s) => s.userid !== userid),
        a.waitlist.filter((s) => s.userid !== userid),
        a.capacity,
        now,
      );
      const update: Record<string, unknown> = {
        $set: listsUpdate(lists.confirmed, lists.waitlist),
        $inc: { version: 1 },
      };
      if (leaveReason !== undefined && wasConfirmed)
        update.$push = { leaves: { userid, reason: leaveReason, at: now } };
      const after = (await Activity.findOneAndUpdate(
        { _id: a._id, version: a.version, status: 'active' },
        withPromotions(update, lists.promoted),
        { returnDocument: 'after' },
      ).lean()) as ActivityDoc | null;
      if (!after) {
        await afterConflict(attempt);
        continue;
      }
      await recordWrite({ kind: 'Activity', code: a.code, op: 'update' });
      await notifyPromoted(d, after, lists.promoted);
      return { activity: after, wasConfirmed, promoted: lists.promoted };
    }
    throw new Error(`withdraw kept conflicting for ${input}`);
  }

  async function checkIn(input: string, userid: string, now: Date): Promise<{ activity: ActivityDoc; at: Date }> {
    const a = await byCode(input, now);
    if (a.status === 'cancelled')
      refuse('event.cancelled', { kind: 'activity', code: a.code, reason: a.cancelReason ?? '' });
    const w = checkinWindow(a.startAt, a.endAt, tun.checkin);
    if (now < w.opens || now > w.closes) {
      refuse(now < w.opens ? 'checkin.tooEarly' : 'checkin.tooLate', {
        code: a.code,
        opens: w.opens,
        closes: w.closes,
      });
    }
    if (!anyoneMayCheckIn(a, tun.openCheckinActivityTypes) && !a.confirmedIds.includes(userid)) {
      const pos = a.waitlistIds.indexOf(userid);
      if (pos >= 0) refuse('checkin.waitlisted', { code: a.code, position: pos + 1 });
      const canSignUp = a.deadline.getTime() > now.getTime() && (a.capacity === null || a.confirmedCount < a.capacity);
      refuse('checkin.notSigned', { code: a.code, canSignUp });
    }
    const after = await Activity.findOneAndUpdate(
      { _id: a._id, 'checkins.userid': { $ne: userid } },
      { $push: { checkins: { userid, at: now }, checkinIds: userid } },
      { returnDocument: 'after' },
    ).lean();
    if (!after) {
      const at = a.checkins.find((c) => c.userid === userid)?.at ?? now;
      refuse('checkin.already', { code: a.code, at });
    }
    await recordWrite({ kind: 'Activity', code: a.code, op: 'update' });
    return { activity: after as ActivityDoc, at: now };
  }

  return {
    signUp,
    cancelSignup: (input: string, userid: string, now: Date) => withdraw(input, userid, now),
    leave: (input: string, userid: string, reason: string, now: Date) => withdraw(input, userid, now, reason),
    checkIn,
  };
}
