import { Types } from 'mongoose';
import type { Actor } from '../roster';
import { t } from '../../messages';
import type { ShiftDoc } from '../../models/shift';
import { recordWrite } from '../../models/audit-entry';
import { isDuplicateKey } from '../../models/duplicate-key';
import { formatDateTime } from '../../time/format';
import { dayKey, fromWallTime, wallTime } from '../../time/zone';
import type { EventDeps } from './deps';
import { nextPendingAt, planReminders } from './event-time';
import { memberIdsOf, shiftPushLabel } from './shift-labels';

/** Whole-day shifts are reminded as if they started at this hour (reception usually opens then). */
const WHOLE_DAY_REMIND_HOUR = 9;

/** Puts checked people on the shift of a day (and start) at a station, and tells those added. */
export async function placeOn(
  d: EventDeps,
  p: {
    day: Date;
    startAt?: Date;
    station: { name: string; isNew: boolean; corrected: boolean };
    people: Array<{ userid: string; name: string }>;
    actor: Actor;
    origin: string;
    now: Date;
  },
) {
  const tz = d.config.timezone;
  const { day, startAt, station, people } = p;
  const slot = startAt ? `${dayKey(day, tz)}T${formatDateTime(startAt, tz).slice(-5)}` : dayKey(day, tz);
  const w = wallTime(day, tz);
  const remindBase =
    startAt ?? fromWallTime({ year: w.year, month: w.month, day: w.day, hour: WHOLE_DAY_REMIND_HOUR }, tz);
  const reminders = planReminders(remindBase, [Math.max(...d.config.tunables.reminders.beforeMinutes)], p.now);
  const insert = {
    day,
    year: w.year,
    startAt,
    slot,
    station: station.name,
    reminders,
    nextReminderAt: nextPendingAt(reminders),
    createdBy: p.actor.userid,
    origin: p.origin,
  };
  const { shift: after, added } = await addMembers(
    d,
    { station: station.name, slot },
    insert,
    people.map((x) => x.userid),
    p.now,
  );
  await d.notify.toUsers(
    `shift:${String(after._id)}:assigned:${p.origin}`,
    added,
    t('shiftAssignedPush', { label: shiftPushLabel(after, tz) }),
  );
  const nameOf = new Map(people.map((x) => [x.userid, x.name]));
  return {
    shift: after,
    station,
    added: added.map((u) => nameOf.get(u) ?? u),
    already: people.filter((x) => !added.includes(x.userid)).map((x) => x.name),
  };
}

/**
 * The shift for a station and slot, created on first use (one upsert: a race or a retry finds the
 * existing one), then the people not yet on it added in one update guarded on none of them being
 * there: a concurrent 排班 naming the same person makes it miss, and it is worked out again.
 */
async function addMembers(
  d: EventDeps,
  key: { station: string; slot: string },
  insert: Record<string, unknown>,
  userids: string[],
  now: Date,
): Promise<{ shift: ShiftDoc; added: string[] }> {
  const { Shift } = d.models;
  let shift = await upsertShift(d, key, insert, now);
  for (let attempt = 0; attempt < 5; attempt++) {
    const on = new Set(memberIdsOf(shift));
    const added = userids.filter((u) => !on.has(u));
    if (added.length === 0) return { shift, added };
    const after = (await Shift.findOneAndUpdate(
      { _id: shift._id, 'members.userid': { $nin: added } },
      { $push: { members: { $each: added.map((userid) => ({ userid, at: now })) }, memberIds: { $each: added } } },
      { returnDocument: 'after' },
    ).lean()) as ShiftDoc | null;
    if (after) {
      await recordWrite({ kind: 'Shift', code: String(shift._id), op: 'update' });
      return { shift: after, added };
    }
    shift = (await Shift.findById(shift._id).lean()) as ShiftDoc;
  }
  throw new Error(`shift members kept conflicting for ${key.station} ${key.slot}`);
}

async function upsertShift(
  d: EventDeps,
  key: { station: string; slot: string },
  insert: Record<string, unknown>,
  now: Date,
): Promise<ShiftDoc> {
  for (let attempt = 0; ; attempt++) {
    try {
      // The id made here (not by the server), so shifts created in one process sort in creation order, and a
      // shift coming back with this id is the one this call inserted.
      const id = new Types.ObjectId();
      // Stamped here, not by mongoose's timestamps (which would set updatedAt on the existing shift: a write that
      // changes nothing anyone sees).
      const shift = (await d.models.Shift.findOneAndUpdate(
        key,
        { $setOnInsert: { _id: id, ...insert, createdAt: now, updatedAt: now } },
        { upsert: true, returnDocument: 'after', timestamps: false },
      ).lean()) as ShiftDoc;
      if (String(shift._id) === String(id)) await recordWrite({ kind: 'Shift', code: String(id), op: 'create' });
      return shift;
    } catch (err) {
      // Two first uses at once: the other insert won; the next try finds it.
      if (!isDuplicateKey(err) || attempt >= 2) throw err;
    }
  }
}
