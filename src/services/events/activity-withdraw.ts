import { refuse } from '../../refusals';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import type { EventDeps } from './deps';
import { afterConflict, MAX_VERSION_RETRIES } from './version-retry';
import { assertSignupOpen, listsUpdate, notifyPromoted, promoteWaitlist, withPromotions } from './activity-lists';

/**
 * Takes a deputy off the lists (取消报名, or 请假 with a reason) and promotes the first waitlisted,
 * all in one version-guarded update.
 */
export async function withdrawFromActivity(
  d: EventDeps,
  byCode: (input: string, now: Date) => Promise<ActivityDoc>,
  input: string,
  userid: string,
  now: Date,
  leaveReason?: string,
) {
  for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
    const a = await byCode(input, now);
    assertSignupOpen(d, a, now, leaveReason === undefined ? 'deadline' : 'start');
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
    if (leaveReason !== undefined && wasConfirmed) update.$push = { leaves: { userid, reason: leaveReason, at: now } };
    const after = (await d.models.Activity.findOneAndUpdate(
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
