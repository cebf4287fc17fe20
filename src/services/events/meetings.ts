import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { MeetingDoc, MeetingReply } from '../../models/meeting';
import { recordWrite } from '../../models/audit-entry';
import { meetingCard } from '../../cards';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import { matchType } from './activity-capacity';
import { eventByCode, readEventCode } from './event-codes';
import type { EventDeps } from './deps';
import { MAX_VERSION_RETRIES } from './version-retry';
import { checkinWindow, effectiveEnd, type EventTimeInput } from './event-time';
import { createOnce, newEventFields, readEventIdentity } from './event-lifecycle';
import { createMeetingChanges } from './meeting-change';
import { createMeetingTally } from './meeting-tally';

export interface NewMeeting {
  title: string;
  /** The chat's 时间：, read by its door. */
  time?: EventTimeInput;
  place?: string;
  type?: string;
  /** The console's form: the start and end as instants (then `time` is unused). */
  at?: EventTimeInput;
  actor: Actor;
  origin: string;
  now: Date;
}

export function createMeetings(d: EventDeps) {
  const { Meeting } = d.models;
  const tz = d.config.timezone;
  const tun = d.config.tunables;

  const byCode = (input: string, now: Date) => eventByCode<MeetingDoc>(Meeting, 'HY', input, now, tz);

  async function create(i: NewMeeting): Promise<{ meeting: MeetingDoc; existed: boolean }> {
    const { doc, existed } = await createOnce({
      byOrigin: async () => (await Meeting.findOne({ origin: i.origin }).lean()) as MeetingDoc | null,
      announce,
      insert: async () => {
        const { title, startAt, endAt, place } = readEventIdentity(i, 'meeting');
        const type = matchType(i.type, tun.meetingTypes, '其他', 'meeting');
        // Stored with the meeting: read the roster now, not this instance's copy.
        const expectedIds = (await d.roster.activeDeputies({ fresh: true })).map((x) => x.userid);
        const created = await Meeting.create({
          ...(await newEventFields(d, 'HY', startAt, i)),
          title,
          type,
          place,
          startAt,
          endAt,
          expectedIds,
        });
        await recordWrite({ kind: 'Meeting', code: created.code, op: 'create' });
        return created.toObject() as unknown as MeetingDoc;
      },
    });
    return { meeting: doc, existed };
  }

  async function announce(m: MeetingDoc): Promise<void> {
    const facts = {
      code: m.code,
      title: neutralizeUserText(m.title),
      when: formatDateTime(m.startAt, tz),
      place: neutralizeUserText(m.place),
    };
    await d.notify.toGroup(`meeting:${m.code}:created`, t('meetingAnnouncePush', { ...facts, type: m.type }), {
      mentionAll: true,
      mentionAllText: t('meetingMentionAllText', { code: m.code }),
      // Where the group sees cards, each deputy answers with a tap.
      card: meetingCard(facts, d.clock.now()),
    });
  }

  /** Meetings not yet over, soonest first. */
  async function listCurrent(now: Date, limit = 10): Promise<MeetingDoc[]> {
    const since = new Date(now.getTime() - 7 * 24 * 3600_000);
    const docs = (await Meeting.find({ status: 'active', startAt: { $gte: since } })
      .sort({ startAt: 1, _id: 1 })
      .limit(200)
      .lean()) as MeetingDoc[];
    return docs.filter((m) => effectiveEnd(m.startAt, m.endAt, tun.checkin) > now).slice(0, limit);
  }

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
    if (m.status === 'cancelled')
      refuse('event.cancelled', { kind: 'meeting', code: m.code, reason: m.cancelReason ?? '' });
    const w = checkinWindow(m.startAt, m.endAt, tun.checkin);
    if (now < w.opens || now > w.closes) {
      refuse(now < w.opens ? 'checkin.tooEarly' : 'checkin.tooLate', {
        code: m.code,
        opens: w.opens,
        closes: w.closes,
      });
    }
    const after = await Meeting.findOneAndUpdate(
      { _id: m._id, 'checkins.userid': { $ne: userid } },
      { $push: { checkins: { userid, at: now }, checkinIds: userid }, $addToSet: { expectedIds: userid } },
      { returnDocument: 'after' },
    ).lean();
    if (!after) refuse('checkin.already', { code: m.code, at: m.checkins.find((c) => c.userid === userid)?.at ?? now });
    await recordWrite({ kind: 'Meeting', code: m.code, op: 'update' });
    return { meeting: after as MeetingDoc, at: now };
  }

  return { byCode, create, listCurrent, reply, checkIn, ...createMeetingTally(d), ...createMeetingChanges(d, byCode) };
}

export type { MeetingDoc };
export type Meetings = ReturnType<typeof createMeetings>;
