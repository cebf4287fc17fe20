import type { ActivityDoc } from '../../models/activity';
import { recordWrite } from '../../models/audit-entry';
import type { Reminder } from '../../models/event-parts';
import type { MeetingDoc } from '../../models/meeting';
import type { ShiftDoc } from '../../models/shift';
import type { EventDeps } from './deps';
import { nextPendingAt } from './event-time';
import { createReminderPushes } from './reminder-pushes';

type Updater = (filter: Record<string, unknown>, update: Record<string, unknown>) => Promise<{ modifiedCount: number }>;
type UpdateOne = (
  filter: Record<string, unknown>,
  update: Record<string, unknown>,
) => PromiseLike<{ modifiedCount: number }>;

/** One record's guarded updates, each that took effect logged under the record's code. */
function updaterOf(kind: 'Activity' | 'Meeting' | 'Shift', code: string, updateOne: UpdateOne): Updater {
  return async (filter, update) => {
    const res = await updateOne(filter, update);
    if (res.modifiedCount > 0) await recordWrite({ kind, code, op: 'update' });
    return res;
  };
}
type Due = { _id: unknown; reminders: Reminder[]; reminderRev: number };

/** A claim older than this was left by a crashed run and is finished by the next sweep. */
const STALE_CLAIM_MS = 5 * 60_000;

export function createReminderSweep(d: EventDeps, silentIds: (m: MeetingDoc, now: Date) => Promise<string[]>) {
  const { Activity, Meeting, Shift } = d.models;
  const { activityPush, meetingPush, shiftPush } = createReminderPushes(d, silentIds);

  /**
   * Sends each due reminder of one document exactly once: claim it (guarded on its status and the
   * reminder revision, so a cancel or time change in between wins), enqueue under an idempotent key,
   * mark it sent. A claim left behind by a crash is finished by a later sweep.
   */
  async function processDoc(
    doc: Due,
    update: Updater,
    now: Date,
    graceMs: number,
    push: (r: Reminder) => Promise<void>,
  ): Promise<number> {
    let sent = 0;
    for (const [i, r] of doc.reminders.entries()) {
      const path = `reminders.${i}`;
      const guard = (status: string) => ({ _id: doc._id, reminderRev: doc.reminderRev, [`${path}.status`]: status });
      const move = (status: string) => ({ $set: { [`${path}.status`]: status, [`${path}.doneAt`]: now } });
      const stale = r.status === 'claimed' && (r.doneAt?.getTime() ?? 0) < now.getTime() - STALE_CLAIM_MS;
      if (r.status === 'pending' && r.at <= now) {
        const late = r.at.getTime() < now.getTime() - graceMs;
        const claimed = await update(guard('pending'), move(late ? 'skipped' : 'claimed'));
        if (late || claimed.modifiedCount !== 1) continue;
      } else if (!stale) {
        continue;
      }
      await push(r);
      if ((await update(guard('claimed'), move('sent'))).modifiedCount === 1) sent += 1;
    }
    return sent;
  }

  /** Keeps the sweep's index key right: never later than the earliest pending reminder. */
  async function refreshNext(load: () => Promise<Due | null>, update: Updater): Promise<void> {
    const fresh = await load();
    if (fresh)
      await update(
        { _id: fresh._id, reminderRev: fresh.reminderRev },
        { $set: { nextReminderAt: nextPendingAt(fresh.reminders) } },
      );
  }

  /** The scheduler's entry point: see the contract in the events service. */
  async function sendDueReminders(now: Date, graceMs: number): Promise<number> {
    let sent = 0;
    // Stale claims keep nextReminderAt (it only moves past sent/skipped ones), so they are found too.
    const due = { nextReminderAt: { $lte: now } };
    for (const a of (await Activity.find(due).limit(500).lean()) as ActivityDoc[]) {
      const upA = updaterOf('Activity', a.code, (f, u) => Activity.updateOne(f, u));
      sent += await processDoc(a, upA, now, graceMs, (r) => activityPush(a, r));
      await refreshNext(async () => (await Activity.findById(a._id).lean()) as Due | null, upA);
    }
    for (const m of (await Meeting.find(due).limit(500).lean()) as MeetingDoc[]) {
      const upM = updaterOf('Meeting', m.code, (f, u) => Meeting.updateOne(f, u));
      sent += await processDoc(m, upM, now, graceMs, (r) => meetingPush(m, r, now));
      await refreshNext(async () => (await Meeting.findById(m._id).lean()) as Due | null, upM);
    }
    for (const s of (await Shift.find(due).limit(500).lean()) as ShiftDoc[]) {
      // A shift has no code of its own: the office's pages name it by its id.
      const upS = updaterOf('Shift', String(s._id), (f, u) => Shift.updateOne(f, u));
      sent += await processDoc(s, upS, now, graceMs, (r) => shiftPush(s, r));
      await refreshNext(async () => (await Shift.findById(s._id).lean()) as Due | null, upS);
    }
    return sent;
  }

  return { sendDueReminders };
}
