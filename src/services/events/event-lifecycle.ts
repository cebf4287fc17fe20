import { refuse } from '../../refusals';
import { isDuplicateKey } from '../../models/duplicate-key';
import type { EventStatus, Reminder } from '../../models/event-parts';
import { yearOf } from '../../time/zone';
import { formatCode, nextCode } from '../codes';
import type { Actor } from '../roster';
import type { EventDeps } from './deps';
import {
  cancelReminders,
  type CheckinTunables,
  checkEventTime,
  checkinWindow,
  type EventTimeInput,
  nextPendingAt,
  planReminders,
} from './event-time';
import { afterConflict, MAX_VERSION_RETRIES } from './version-retry';

// The steps activities and meetings share: how they are stated, created once per message, and cancelled.

export type EventKind = 'activity' | 'meeting';

const TITLE_MAX = 60;

/** Title, time and place, read the same way for both kinds; the refusals name the kind's command. */
export function readEventIdentity(
  i: { title: string; time?: EventTimeInput; at?: EventTimeInput; place?: string; now: Date },
  kind: EventKind,
) {
  const title = i.title.trim();
  if (!title) refuse('event.titleMissing', { kind });
  if ([...title].length > TITLE_MAX) refuse('event.titleTooLong', { max: TITLE_MAX });
  // The console's form and the chat's 时间：(read by its door) both give instants.
  const at = i.at ?? i.time;
  if (!at) return refuse('event.timeMissing', {});
  const { startAt, endAt } = checkEventTime(at, i.now);
  const place = i.place?.trim();
  if (!place) refuse('event.placeMissing', { kind });
  return { title, startAt, endAt, place };
}

/**
 * What every new activity or meeting carries besides its own fields: the next code of the year (taken only
 * after everything else was checked, so a refusal burns no number), its year, reminders, and who created it
 * from which message.
 */
export async function newEventFields(
  d: Pick<EventDeps, 'models' | 'config'>,
  prefix: 'HD' | 'HY',
  startAt: Date,
  i: { actor: Actor; origin: string; now: Date },
) {
  const tz = d.config.timezone;
  const reminders = planReminders(startAt, d.config.tunables.reminders.beforeMinutes, i.now);
  return {
    code: formatCode(await nextCode(d.models, prefix, yearOf(i.now, tz))),
    year: yearOf(startAt, tz),
    reminders,
    nextReminderAt: nextPendingAt(reminders),
    createdBy: i.actor.userid,
    origin: i.origin,
  };
}

/**
 * Creates a record once per command message (its `origin` is unique). A retry of that message, or a
 * racing duplicate, gets the first record back and its announcement queued again (same key, sent once).
 */
export async function createOnce<D extends { status: EventStatus }>(s: {
  byOrigin(): Promise<D | null>;
  /** Validates and inserts; a duplicate-key error means the same message got there first. */
  insert(): Promise<D>;
  announce(doc: D): Promise<void>;
}): Promise<{ doc: D; existed: boolean }> {
  const replay = async (doc: D) => {
    // A cancelled record is not announced again.
    if (doc.status === 'active') await s.announce(doc);
    return { doc, existed: true };
  };
  const existing = await s.byOrigin();
  if (existing) return replay(existing);
  try {
    const doc = await s.insert();
    await s.announce(doc);
    return { doc, existed: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const again = await s.byOrigin();
    if (!again) throw err;
    return replay(again);
  }
}

interface Cancellable {
  code: string;
  status: EventStatus;
  cancelOrigin?: string | null;
  reminders: Reminder[];
}

/**
 * Cancels under the record's version guard, retrying a lost race. A retry of the very message that
 * cancelled it (after a crash) is a replay, so its notices are queued again (same keys).
 */
export async function cancelOnce<D extends Cancellable>(
  s: {
    load(): Promise<D>;
    alreadyCancelled(doc: D): never;
    /** Refuses what may no longer change (e.g. already over). */
    check(doc: D): void;
    /** The guarded update: null when another change won the race. */
    update(doc: D, set: Record<string, unknown>): Promise<D | null>;
  },
  p: { code: string; reason: string; origin: string; now: Date },
): Promise<{ before: D; after: D }> {
  for (let attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
    const before = await s.load();
    const replay = before.status === 'cancelled' && before.cancelOrigin === p.origin;
    if (before.status === 'cancelled' && !replay) s.alreadyCancelled(before);
    if (!replay) s.check(before);
    const set = {
      status: 'cancelled',
      cancelReason: p.reason,
      cancelledAt: p.now,
      cancelOrigin: p.origin,
      reminders: cancelReminders(before.reminders, p.now),
      nextReminderAt: null,
    };
    const after = replay ? before : await s.update(before, set);
    if (after) return { before, after };
    await afterConflict(attempt);
  }
  throw new Error(`cancel kept conflicting for ${p.code}`);
}

/**
 * The 时间 and 地点 of a 修改活动 / 修改会议: a new time brings new reminders (their revision moves on, so the old
 * keys are not reused); `startAt` is the time the event will have.
 */
export function planTimeAndPlace(
  d: Pick<EventDeps, 'config'>,
  doc: { startAt: Date; reminderRev: number },
  p: { at?: EventTimeInput; place?: string; now: Date },
) {
  const set: Record<string, unknown> = {};
  const changed: string[] = [];
  let startAt = doc.startAt;
  if (p.at) {
    const parsed = checkEventTime(p.at, p.now);
    startAt = parsed.startAt;
    const reminders = planReminders(startAt, d.config.tunables.reminders.beforeMinutes, p.now);
    Object.assign(set, {
      startAt,
      endAt: parsed.endAt ?? null,
      year: yearOf(startAt, d.config.timezone),
      reminders,
      nextReminderAt: nextPendingAt(reminders),
      reminderRev: doc.reminderRev + 1,
    });
    changed.push('时间');
  }
  if (p.place) {
    set.place = p.place.trim();
    changed.push('地点');
  }
  return { set, changed, startAt };
}

/** A check-in to an activity or a meeting: refused when it is cancelled or outside its window. */
export function assertCheckinOpen(
  doc: { code: string; status: EventStatus; cancelReason?: string | null; startAt: Date; endAt?: Date | null },
  kind: EventKind,
  now: Date,
  checkin: CheckinTunables,
): void {
  if (doc.status === 'cancelled') refuse('event.cancelled', { kind, code: doc.code, reason: doc.cancelReason ?? '' });
  const w = checkinWindow(doc.startAt, doc.endAt, checkin);
  if (now < w.opens || now > w.closes)
    refuse(now < w.opens ? 'checkin.tooEarly' : 'checkin.tooLate', {
      code: doc.code,
      opens: w.opens,
      closes: w.closes,
    });
}
