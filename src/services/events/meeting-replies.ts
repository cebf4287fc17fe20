import { refuse } from '../../refusals';
import { recordWrite } from '../../models/audit-entry';
import type { MeetingDoc, MeetingReply } from '../../models/meeting';
import { readEventCode } from './event-codes';
import type { EventDeps } from './deps';
import { MAX_VERSION_RETRIES } from './version-retry';
import { assertCheckinOpen } from './event-lifecycle';

type ByCode = (input: string, now: Date) => Promise<MeetingDoc>;

/** What a deputy does with a meeting: the reply slip (回执, typed or tapped) and 签到. */
export function createMeetingReplies(d: EventDeps, byCode: ByCode) {
  const { Meeting } = d.models;
  const tz = d.config.timezone;
  const tun = d.config.tunables;

  /**
   * 回执: one reply slip per deputy, changeable until the meeting starts. A first slip is a $push guarded on
   * no slip of this deputy yet; a change replaces that slip through the positional `$`. Neither needs the
   * version, so a whole group answering at once never conflicts.
   */
  async function reply(input: string, userid: string, answer: '参加' | '请假', reason: string | undefined, now: Date) {
    if (answer === '请假' && !reason) refuse('leave.reasonMissing', { code: readEventCode(input, 'HY', now, tz) });
    for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
      const m = await byCode(input, now);
      if (m.status === 'cancelled')
        refuse('event.cancelled', { kind: 'meeting', code: m.code, reason: m.cancelReason ?? '' });
      if (m.startAt <= now) refuse('meeting.replyClosed', { code: m.code, startAt: m.startAt });
      const slip: MeetingReply = { userid, answer, at: now, ...(answer === '请假' ? { reason } : {}) };
      const open: Record<string, unknown> = { _id: m._id, status: 'active', startAt: { $gt: now } };
      const previous: MeetingReply | undefined = m.replies.find((r) => r.userid === userid);
      const after = (await (
        previous === undefined
          ? Meeting.findOneAndUpdate(
              { ...open, 'replies.userid': { $ne: userid } },
              { $push: { replies: slip }, $addToSet: { expectedIds: userid } },
              { returnDocument: 'after' },
            )
          : Meeting.findOneAndUpdate(
              { ...open, 'replies.userid': userid },
              { $set: { 'replies.$': slip } },
              { returnDocument: 'after' },
            )
      ).lean()) as MeetingDoc | null;
      if (after) {
        await recordWrite({ kind: 'Meeting', code: m.code, op: 'update' });
        return { meeting: after, previous };
      }
      // Cancelled, started, or my own other slip landed first: read again and decide afresh.
    }
    throw new Error(`meeting reply kept conflicting for ${input}`);
  }

  async function checkIn(input: string, userid: string, now: Date): Promise<{ meeting: MeetingDoc; at: Date }> {
    const m = await byCode(input, now);
    assertCheckinOpen(m, 'meeting', now, tun.checkin);
    const after = await Meeting.findOneAndUpdate(
      { _id: m._id, 'checkins.userid': { $ne: userid } },
      { $push: { checkins: { userid, at: now }, checkinIds: userid }, $addToSet: { expectedIds: userid } },
      { returnDocument: 'after' },
    ).lean();
    if (!after) refuse('checkin.already', { code: m.code, at: m.checkins.find((c) => c.userid === userid)?.at ?? now });
    await recordWrite({ kind: 'Meeting', code: m.code, op: 'update' });
    return { meeting: after as MeetingDoc, at: now };
  }

  return { reply, checkIn };
}
