import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import { activityCard } from '../../cards';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import { eventByCode } from './event-codes';
import type { EventDeps } from './deps';
import {
  checkSignupDeadline,
  effectiveEnd,
  type EventTimeInput,
  formatSignupDeadline,
  resolveSignupDeadline,
  storedCalendarFor,
  type SignupDeadlineChoice,
} from './event-time';
import { createOnce, newEventFields, readEventIdentity } from './event-lifecycle';
import { applyActivityChange, cancelActivity } from './activity-change';
import { checkCapacity, matchType, readCapacity } from './activity-capacity';

export interface NewActivity {
  title: string;
  /** The chat's 时间：, read by its door. */
  time?: EventTimeInput;
  place?: string;
  capacity?: string;
  /** The chat's 截止：, read by its door. */
  deadline?: SignupDeadlineChoice;
  type?: string;
  /** The 民生实事 project this activity inspects (SS2026-001), checked to exist. */
  project?: string;
  /** The console's form: instants and a number instead of the chat's text (then time, capacity, deadline are unused). */
  form?: { at: EventTimeInput; capacity: number | null; deadline: Date | null };
  actor: Actor;
  origin: string;
  now: Date;
}

export function createActivities(d: EventDeps) {
  const { Activity } = d.models;
  const tz = d.config.timezone;
  const tun = d.config.tunables;

  const byCode = (input: string, now: Date) => eventByCode<ActivityDoc>(Activity, 'HD', input, now, tz);

  async function create(i: NewActivity): Promise<{ activity: ActivityDoc; existed: boolean }> {
    const { doc, existed } = await createOnce({
      byOrigin: async () => (await Activity.findOne({ origin: i.origin }).lean()) as ActivityDoc | null,
      announce,
      insert: async () => {
        const { title, startAt, endAt, place } = readEventIdentity({ ...i, at: i.form?.at }, 'activity');
        const capacity = i.form ? checkCapacity(i.form.capacity) : readCapacity(i.capacity);
        const type = matchType(i.type, tun.activityTypes, '其他', 'activity');
        const signup = i.form
          ? i.form.deadline
            ? { date: checkSignupDeadline(i.form.deadline, i.now, startAt), estimated: false }
            : undefined
          : i.deadline
            ? resolveSignupDeadline(i.deadline, i.now, startAt, tz, await storedCalendarFor(d, i.deadline, i.now))
            : undefined;
        if (i.project && !(await d.models.Project.exists({ code: i.project })))
          refuse('project.unknownForActivity', { code: i.project });
        const deadline = signup?.date ?? startAt;
        const deadlineEstimated = signup?.estimated ?? false;
        const created = await Activity.create({
          ...(await newEventFields(d, 'HD', startAt, i)),
          title,
          type,
          place,
          startAt,
          endAt,
          deadline,
          deadlineIsDefault: !signup,
          deadlineEstimated,
          capacity,
          ...(i.project ? { project: i.project } : {}),
        });
        await recordWrite({ kind: 'Activity', code: created.code, op: 'create' });
        return created.toObject() as unknown as ActivityDoc;
      },
    });
    return { activity: doc, existed };
  }

  async function announce(a: ActivityDoc): Promise<void> {
    const facts = {
      code: a.code,
      title: neutralizeUserText(a.title),
      when: formatDateTime(a.startAt, tz),
      place: neutralizeUserText(a.place),
      capacity: a.capacity,
      deadline: formatSignupDeadline(a, tz, d.calendar?.()),
    };
    await d.notify.toGroup(`activity:${a.code}:created`, t('activityAnnouncePush', { ...facts, type: a.type }), {
      // Where the group sees cards, each deputy signs up with a tap.
      card: activityCard({ ...facts, confirmed: a.confirmedCount }, d.clock.now()),
    });
  }

  /** Activities not yet over, soonest first. */
  async function listCurrent(now: Date, limit = 15): Promise<ActivityDoc[]> {
    const maxSpan = Math.max(tun.checkin.defaultDurationMinutes, 7 * 24 * 60) * 60_000;
    const docs = (await Activity.find({ status: 'active', startAt: { $gte: new Date(now.getTime() - maxSpan) } })
      .sort({ startAt: 1, _id: 1 })
      .limit(200)
      .lean()) as ActivityDoc[];
    return docs.filter((a) => effectiveEnd(a.startAt, a.endAt, tun.checkin).getTime() > now.getTime()).slice(0, limit);
  }

  return {
    byCode,
    create,
    listCurrent,
    change: (p: Parameters<typeof applyActivityChange>[1]) => applyActivityChange(d, p, byCode),
    cancel: (p: Parameters<typeof cancelActivity>[1]) => cancelActivity(d, p, byCode),
  };
}

export type { ActivityDoc };
export type Activities = ReturnType<typeof createActivities>;

export type MyActivityStatus =
  { kind: 'confirmed' } | { kind: 'waitlisted'; position: number } | { kind: 'excused' } | { kind: 'none' };

/** Where the deputy stands in one activity (for 活动 lists). */
export function myActivityStatus(
  a: Pick<ActivityDoc, 'confirmedIds' | 'waitlistIds' | 'leaves'>,
  userid: string,
): MyActivityStatus {
  if (a.confirmedIds.includes(userid)) return { kind: 'confirmed' };
  const pos = a.waitlistIds.indexOf(userid);
  if (pos >= 0) return { kind: 'waitlisted', position: pos + 1 };
  if (a.leaves.some((l) => l.userid === userid)) return { kind: 'excused' };
  return { kind: 'none' };
}
