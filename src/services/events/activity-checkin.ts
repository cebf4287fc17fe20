import { refuse } from '../../refusals';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import type { EventDeps } from './deps';
import { anyoneMayCheckIn } from './activity-capacity';
import { assertCheckinOpen } from './event-lifecycle';

/** 签到 to an activity: inside its window, by someone signed up (or anyone, for the open kinds), once. */
export async function checkInToActivity(
  d: EventDeps,
  byCode: (input: string, now: Date) => Promise<ActivityDoc>,
  input: string,
  userid: string,
  now: Date,
): Promise<{ activity: ActivityDoc; at: Date }> {
  const a = await byCode(input, now);
  const tun = d.config.tunables;
  assertCheckinOpen(a, 'activity', now, tun.checkin);
  if (!anyoneMayCheckIn(a, tun.openCheckinActivityTypes) && !a.confirmedIds.includes(userid)) {
    const pos = a.waitlistIds.indexOf(userid);
    if (pos >= 0) refuse('checkin.waitlisted', { code: a.code, position: pos + 1 });
    const canSignUp = a.deadline.getTime() > now.getTime() && (a.capacity === null || a.confirmedCount < a.capacity);
    refuse('checkin.notSigned', { code: a.code, canSignUp });
  }
  const after = await d.models.Activity.findOneAndUpdate(
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
