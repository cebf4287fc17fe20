import { refuse } from '../../refusals';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import type { EventDeps } from './deps';
import { MAX_VERSION_RETRIES } from './version-retry';
import { assertSignupOpen } from './activity-lists';
import { withdrawFromActivity } from './activity-withdraw';
import { checkInToActivity } from './activity-checkin';

export type SignupResult =
  { outcome: 'confirmed'; activity: ActivityDoc } | { outcome: 'waitlisted'; position: number; activity: ActivityDoc };

export function createActivitySignup(d: EventDeps, byCode: (input: string, now: Date) => Promise<ActivityDoc>) {
  const { Activity } = d.models;

  /** One guarded $push per attempt: never more confirmed than places, however many press at once. */
  async function signUp(input: string, userid: string, now: Date): Promise<SignupResult> {
    for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
      const a = await byCode(input, now);
      assertSignupOpen(d, a, now, 'deadline');
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

  return {
    signUp,
    cancelSignup: (input: string, userid: string, now: Date) => withdrawFromActivity(d, byCode, input, userid, now),
    leave: (input: string, userid: string, reason: string, now: Date) =>
      withdrawFromActivity(d, byCode, input, userid, now, reason),
    checkIn: (input: string, userid: string, now: Date) => checkInToActivity(d, byCode, input, userid, now),
  };
}
