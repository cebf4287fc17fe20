import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { listsUpdate, notifyPromoted, promoteWaitlist, withPromotions } from './activity-lists';
import { checkCapacity, readCapacity } from './activity-capacity';
import type { EventDeps } from './deps';
import { afterConflict, MAX_VERSION_RETRIES } from './version-retry';
import { cancelOnce, planTimeAndPlace } from './event-lifecycle';
import {
  checkSignupDeadline,
  effectiveEnd,
  type EventTimeInput,
  formatSignupDeadline,
  resolveSignupDeadline,
  storedCalendarFor,
  type SignupDeadlineChoice,
} from './event-time';

type ByCode = (input: string, now: Date) => Promise<ActivityDoc>;

export interface ActivityChange {
  code: string;
  /** The chat's 时间：and 截止：, read by its door. */
  time?: EventTimeInput;
  place?: string;
  capacity?: string;
  deadline?: SignupDeadlineChoice;
  /**
   * The console's form, only the fields that differ from the record: `at` a new time, `capacity` a number
   * or null (no limit), `deadline` an instant or null (back to "until the start").
   */
  form?: { at?: EventTimeInput; capacity?: number | null; deadline?: Date | null };
  /** The version the console's page showed: a change made meanwhile (a sign-up too) refuses with a conflict. */
  expectedVersion?: number;
  actor: Actor;
  origin: string;
  now: Date;
}

function assertChangeable(d: EventDeps, a: ActivityDoc, now: Date): void {
  if (a.status === 'cancelled')
    refuse('event.cancelled', { kind: 'activity', code: a.code, reason: a.cancelReason ?? '' });
  if (effectiveEnd(a.startAt, a.endAt, d.config.tunables.checkin) <= now)
    refuse('event.over', { kind: 'activity', code: a.code });
}

/** What a 修改活动 sets, computed from the current document (pure apart from parsing). */
function planChange(d: EventDeps, a: ActivityDoc, p: ActivityChange, calendar: HolidayCalendar | undefined) {
  const tz = d.config.timezone;
  let promoted: string[] = [];
  const f = p.form;
  const newTime = f?.at !== undefined || Boolean(p.time);
  const { set, changed, startAt } = planTimeAndPlace(d, a, { at: f?.at ?? p.time, place: p.place, now: p.now });
  if (f?.deadline !== undefined) {
    const deadline = f.deadline ? checkSignupDeadline(f.deadline, p.now, startAt) : startAt;
    Object.assign(set, { deadline, deadlineEstimated: false, deadlineIsDefault: f.deadline === null });
    changed.push('报名截止');
  } else if (p.deadline) {
    const signup = resolveSignupDeadline(p.deadline, p.now, startAt, tz, calendar);
    Object.assign(set, { deadline: signup.date, deadlineEstimated: signup.estimated, deadlineIsDefault: false });
    changed.push('报名截止');
  } else if (newTime) {
    const toStart = a.deadlineIsDefault || a.deadline > startAt;
    set.deadline = toStart ? startAt : a.deadline;
    if (toStart) set.deadlineEstimated = false;
  }
  if (f?.capacity !== undefined || p.capacity !== undefined) {
    const capacity = f?.capacity !== undefined ? checkCapacity(f.capacity) : readCapacity(p.capacity);
    if (capacity !== null && capacity < a.confirmedCount)
      refuse('activity.capacityBelowSigned', { code: a.code, count: a.confirmedCount });
    const lists = promoteWaitlist(a.confirmed, a.waitlist, capacity, p.now);
    Object.assign(set, listsUpdate(lists.confirmed, lists.waitlist), { capacity });
    promoted = lists.promoted;
    changed.push('名额');
  }
  return { set, changed, promoted };
}

/** 修改活动: time, place, places or deadline; everyone signed up (and waiting) is told. */
export async function applyActivityChange(d: EventDeps, p: ActivityChange, byCode: ByCode) {
  const f = p.form;
  const formChanges = f && (f.at !== undefined || f.capacity !== undefined || f.deadline !== undefined);
  if (!p.time && !p.place && p.capacity === undefined && !p.deadline && !formChanges)
    refuse('event.changeMissing', { kind: 'activity' });
  const { Activity } = d.models;
  const tz = d.config.timezone;
  const calendar = p.deadline ? await storedCalendarFor(d, p.deadline, p.now) : undefined;
  for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
    const a = await byCode(p.code, p.now);
    assertChangeable(d, a, p.now);
    if (p.expectedVersion !== undefined && a.version !== p.expectedVersion)
      refuse('event.changedMeanwhile', { code: a.code });
    const plan = planChange(d, a, p, calendar);
    const after = (await Activity.findOneAndUpdate(
      { _id: a._id, version: a.version, status: 'active' },
      withPromotions({ $set: plan.set, $inc: { version: 1 } }, plan.promoted),
      { returnDocument: 'after' },
    ).lean()) as ActivityDoc | null;
    if (!after) {
      await afterConflict(attempt);
      continue;
    }
    await recordWrite({ kind: 'Activity', code: a.code, op: 'update' });
    const text = t('activityChangedPush', {
      code: after.code,
      title: neutralizeUserText(after.title),
      changed: plan.changed,
      when: formatDateTime(after.startAt, tz),
      place: neutralizeUserText(after.place),
      capacity: after.capacity,
      deadline: formatSignupDeadline(after, tz, d.calendar?.()),
    });
    await d.notify.toGroup(`activity:${after.code}:changed:${p.origin}`, text);
    await d.notify.toUsers(
      `activity:${after.code}:changed:${p.origin}:users`,
      [...a.confirmedIds, ...a.waitlistIds],
      t('activityChangedUsersPush', { code: after.code }),
    );
    await notifyPromoted(d, after, plan.promoted);
    return { activity: after, changed: plan.changed, promoted: plan.promoted };
  }
  throw new Error(`activity change kept conflicting for ${p.code}`);
}

/** 取消活动: no more sign-ups, check-ins or reminders; everyone signed up is told. */
export async function cancelActivity(
  d: EventDeps,
  p: { code: string; reason: string; origin: string; now: Date },
  byCode: ByCode,
) {
  const { Activity } = d.models;
  const { before: a, after } = await cancelOnce<ActivityDoc>(
    {
      load: () => byCode(p.code, p.now),
      alreadyCancelled: (x) => {
        return refuse('event.alreadyCancelled', { kind: 'activity', code: x.code });
      },
      check: (x) => assertChangeable(d, x, p.now),
      update: async (x, set) => {
        const after = (await Activity.findOneAndUpdate(
          { _id: x._id, version: x.version, status: 'active' },
          { $set: set, $inc: { version: 1 } },
          { returnDocument: 'after' },
        ).lean()) as ActivityDoc | null;
        if (after) await recordWrite({ kind: 'Activity', code: x.code, op: 'update' });
        return after;
      },
    },
    p,
  );
  const params = {
    code: a.code,
    title: neutralizeUserText(a.title),
    when: formatDateTime(a.startAt, d.config.timezone),
    reason: neutralizeUserText(after.cancelReason ?? p.reason),
  };
  await d.notify.toGroup(`activity:${a.code}:cancelled`, t('activityCancelledPush', params));
  await d.notify.toUsers(
    `activity:${a.code}:cancelled:users`,
    [...a.confirmedIds, ...a.waitlistIds],
    t('activityCancelledUsersPush', params),
  );
  return { activity: after, told: a.confirmedIds.length + a.waitlistIds.length };
}
