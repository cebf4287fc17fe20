import type { Actor } from '../roster';
import { t } from '../../messages';
import type { MeetingDoc } from '../../models/meeting';
import { recordWrite } from '../../models/audit-entry';
import { meetingCard } from '../../cards';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import { matchType } from './activity-capacity';
import { eventByCode } from './event-codes';
import type { EventDeps } from './deps';
import { effectiveEnd, type EventTimeInput } from './event-time';
import { createOnce, newEventFields, readEventIdentity } from './event-lifecycle';
import { createMeetingChanges } from './meeting-change';
import { createMeetingTally } from './meeting-tally';
import { createMeetingReplies } from './meeting-replies';

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

  return {
    byCode,
    create,
    listCurrent,
    ...createMeetingReplies(d, byCode),
    ...createMeetingTally(d),
    ...createMeetingChanges(d, byCode),
  };
}

export type { MeetingDoc };
export type Meetings = ReturnType<typeof createMeetings>;
