import type { Actor } from '../commands/types';
import { UserError } from '../errors';
import { t } from '../messages';
import type { ActivityDoc } from '../models/activity';
import { neutralizeUserText } from '../text/sanitize';
import { formatDateTime } from '../time/format';
import { yearOf } from '../time/zone';
import { formatCode, nextCode } from './codes';
import { readEventCode } from './event-codes';
import { type EventDeps, isDuplicateKey } from './event-deps';
import { effectiveEnd, nextPendingAt, parseEventTime, parseSignupDeadline, planReminders } from './event-time';
import { applyActivityChange, cancelActivity } from './activity-change';
import { matchType, readCapacity } from './activity-capacity';

export interface NewActivity {
  title: string;
  time?: string;
  place?: string;
  capacity?: string;
  deadline?: string;
  type?: string;
  actor: Actor;
  origin: string;
  now: Date;
}


export function createActivities(d: EventDeps) {
  const { Activity } = d.models;
  const tz = d.config.timezone;
  const tun = d.config.tunables;

  async function byCode(input: string, now: Date): Promise<ActivityDoc> {
    const code = readEventCode(input, 'HD', now, tz);
    const doc = (await Activity.findOne({ code }).lean()) as ActivityDoc | null;
    if (!doc) throw new UserError('activityNotFound', { code });
    return doc;
  }

  async function create(i: NewActivity): Promise<{ activity: ActivityDoc; existed: boolean }> {
    const existing = (await Activity.findOne({ origin: i.origin }).lean()) as ActivityDoc | null;
    if (existing) return replayed(existing);
    const title = i.title.trim();
    if (!title) throw new UserError('activityUsage');
    if ([...title].length > 60) throw new UserError('eventTitleTooLong');
    const { startAt, endAt } = parseEventTime(i.time, i.now, tz);
    const place = i.place?.trim();
    if (!place) throw new UserError('eventPlaceMissing', { command: '发布活动' });
    const capacity = readCapacity(i.capacity);
    const type = matchType(i.type, tun.activityTypes, '其他', 'activityTypeInvalid');
    const deadline = i.deadline ? parseSignupDeadline(i.deadline, i.now, startAt, tz) : startAt;
    const code = formatCode(await nextCode(d.models, 'HD', yearOf(i.now, tz)));
    const reminders = planReminders(startAt, tun.reminders.beforeMinutes, i.now);
    try {
      const created = await Activity.create({
        code, year: yearOf(startAt, tz), title, type, place, startAt, endAt, deadline, deadlineIsDefault: !i.deadline, capacity,
        reminders, nextReminderAt: nextPendingAt(reminders), createdBy: i.actor.userid, origin: i.origin,
      });
      const activity = created.toObject() as unknown as ActivityDoc;
      await announce(activity);
      return { activity, existed: false };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const again = (await Activity.findOne({ origin: i.origin }).lean()) as ActivityDoc | null;
      if (!again) throw err;
      return replayed(again);
    }
  }

  /** A retry of the creating message: the announcement may have been cut off by a crash; re-queue it (same key, sent once). */
  async function replayed(a: ActivityDoc): Promise<{ activity: ActivityDoc; existed: boolean }> {
    if (a.status === 'open') await announce(a);
    return { activity: a, existed: true };
  }

  async function announce(a: ActivityDoc): Promise<void> {
    await d.notify.toGroup(
      `activity:${a.code}:created`,
      t('activityAnnouncePush', {
        code: a.code, title: neutralizeUserText(a.title), type: a.type, when: formatDateTime(a.startAt, tz), place: neutralizeUserText(a.place),
        capacity: a.capacity, deadline: formatDateTime(a.deadline, tz),
      }),
    );
  }

  /** Activities not yet over, soonest first. */
  async function listCurrent(now: Date, limit = 15): Promise<ActivityDoc[]> {
    const maxSpan = Math.max(tun.checkin.defaultDurationMinutes, 7 * 24 * 60) * 60_000;
    const docs = (await Activity.find({ status: 'open', startAt: { $gte: new Date(now.getTime() - maxSpan) } }).sort({ startAt: 1, _id: 1 }).limit(200).lean()) as ActivityDoc[];
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

export type MyActivityStatus = { kind: 'confirmed' } | { kind: 'waitlisted'; position: number } | { kind: 'excused' } | { kind: 'none' };

/** Where the deputy stands in one activity (for 活动 lists). */
export function myActivityStatus(a: Pick<ActivityDoc, 'confirmedIds' | 'waitlistIds' | 'leaves'>, userid: string): MyActivityStatus {
  if (a.confirmedIds.includes(userid)) return { kind: 'confirmed' };
  const pos = a.waitlistIds.indexOf(userid);
  if (pos >= 0) return { kind: 'waitlisted', position: pos + 1 };
  if (a.leaves.some((l) => l.userid === userid)) return { kind: 'excused' };
  return { kind: 'none' };
}
