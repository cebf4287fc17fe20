import { UserError } from '../../errors';
import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc, MeetingReply } from '../../models/meeting';
import { eventKindOf } from './event-codes';
import { type ActivityService, notFoundAsNull } from './checkin';
import type { Meetings } from './meetings';

export type LeaveOutcome =
  | { kind: 'activity'; activity: ActivityDoc; wasConfirmed: boolean; promoted: string[] }
  | { kind: 'meeting'; meeting: MeetingDoc; previous?: MeetingReply };

/**
 * 请假 <编号> <原因>: a meeting reply slip, or leave from an activity the deputy signed up for.
 * A bare number means the meeting of that number if one is still ahead, else the activity.
 */
export function createLeave(parts: { activities: ActivityService; meetings: Meetings }) {
  async function leave(codeText: string, userid: string, reason: string, now: Date): Promise<LeaveOutcome> {
    const kind = eventKindOf(codeText);
    if (kind === undefined) throw new UserError('leaveUsage');
    if (!reason) throw new UserError('leaveNeedsReason', { code: codeText });
    if (kind === 'either') {
      const meeting = await parts.meetings.byCode(codeText, now).catch(notFoundAsNull);
      const ahead = meeting && meeting.status === 'active' && meeting.startAt > now;
      const activity = await parts.activities.byCode(codeText, now).catch(notFoundAsNull);
      const inActivity = activity && (activity.confirmedIds.includes(userid) || activity.waitlistIds.includes(userid));
      // Both could be meant (会议 1 ahead, and I am on 活动 1): ask rather than guess.
      if (ahead && inActivity && activity.status === 'active')
        throw new UserError('leaveWhich', { activity: activity.code, meeting: meeting.code });
      if (inActivity && !ahead) return viaActivity(codeText, userid, reason, now);
    }
    if (kind === 'HD') return viaActivity(codeText, userid, reason, now);
    const r = await parts.meetings.reply(codeText, userid, '请假', reason, now);
    return { kind: 'meeting', meeting: r.meeting, previous: r.previous };
  }

  async function viaActivity(codeText: string, userid: string, reason: string, now: Date): Promise<LeaveOutcome> {
    const r = await parts.activities.leave(codeText, userid, reason, now);
    return { kind: 'activity', ...r };
  }

  return { leave };
}
