import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { MeetingDoc } from '../../models/meeting';
import { recordWrite } from '../../models/audit-entry';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { EventDeps } from './deps';
import { afterConflict, MAX_VERSION_RETRIES } from './version-retry';
import { cancelOnce, planTimeAndPlace } from './event-lifecycle';
import type { EventTimeInput } from './event-time';
import { isMeetingOver } from './meeting-outcome';

type ByCode = (input: string, now: Date) => Promise<MeetingDoc>;

function assertChangeable(d: EventDeps, m: MeetingDoc, now: Date): void {
  if (m.status === 'cancelled')
    refuse('event.cancelled', { kind: 'meeting', code: m.code, reason: m.cancelReason ?? '' });
  if (isMeetingOver(m, now, d.config.tunables.checkin)) refuse('event.over', { kind: 'meeting', code: m.code });
}

export function createMeetingChanges(d: EventDeps, byCode: ByCode) {
  const { Meeting } = d.models;
  const tz = d.config.timezone;

  /** 修改会议: new time and/or place; reminders follow the new time; everyone is told with @全体. */
  async function change(p: {
    code: string;
    /** The chat's 时间：, read by its door. */
    time?: EventTimeInput;
    place?: string;
    /** The console's form: a new start and end as instants. */
    at?: EventTimeInput;
    /** The version the console's page showed: a change made meanwhile refuses with a conflict. */
    expectedVersion?: number;
    origin: string;
    now: Date;
  }) {
    if (!p.time && !p.place && !p.at) refuse('event.changeMissing', { kind: 'meeting' });
    for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
      const m = await byCode(p.code, p.now);
      assertChangeable(d, m, p.now);
      if (p.expectedVersion !== undefined && m.version !== p.expectedVersion)
        refuse('event.changedMeanwhile', { code: m.code });
      const { set, changed } = planTimeAndPlace(d, m, { at: p.at ?? p.time, place: p.place, now: p.now });
      const after = (await Meeting.findOneAndUpdate(
        { _id: m._id, version: m.version, status: 'active' },
        { $set: set, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean()) as MeetingDoc | null;
      if (!after) {
        await afterConflict(attempt);
        continue;
      }
      await recordWrite({ kind: 'Meeting', code: m.code, op: 'update' });
      await d.notify.toGroup(
        `meeting:${after.code}:changed:${p.origin}`,
        t('meetingChangedPush', {
          code: after.code,
          title: neutralizeUserText(after.title),
          changed,
          when: formatDateTime(after.startAt, tz),
          place: neutralizeUserText(after.place),
        }),
        { mentionAll: true, mentionAllText: t('meetingMentionAllText', { code: after.code }) },
      );
      return { meeting: after, changed };
    }
    throw new Error(`meeting change kept conflicting for ${p.code}`);
  }

  /** 取消会议: reply slips and reminders stop; everyone is told with @全体. */
  async function cancel(p: { code: string; reason: string; origin: string; now: Date }) {
    const { before: m, after } = await cancelOnce<MeetingDoc>(
      {
        load: () => byCode(p.code, p.now),
        alreadyCancelled: (x) => {
          return refuse('event.alreadyCancelled', { kind: 'meeting', code: x.code });
        },
        check: (x) => assertChangeable(d, x, p.now),
        update: async (x, set) => {
          const after = (await Meeting.findOneAndUpdate(
            { _id: x._id, version: x.version, status: 'active' },
            { $set: set, $inc: { version: 1 } },
            { returnDocument: 'after' },
          ).lean()) as MeetingDoc | null;
          if (after) await recordWrite({ kind: 'Meeting', code: x.code, op: 'update' });
          return after;
        },
      },
      p,
    );
    await d.notify.toGroup(
      `meeting:${m.code}:cancelled`,
      t('meetingCancelledPush', {
        code: m.code,
        title: neutralizeUserText(m.title),
        when: formatDateTime(m.startAt, tz),
        reason: neutralizeUserText(after.cancelReason ?? p.reason),
      }),
      { mentionAll: true, mentionAllText: t('meetingMentionAllText', { code: m.code }) },
    );
    return { meeting: after };
  }

  return { change, cancel };
}
