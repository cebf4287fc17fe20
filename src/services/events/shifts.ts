import { neutralizeUserText } from '../../text/sanitize';
import { Types } from 'mongoose';
import type { Actor } from '../roster';
import { isRefusal, refuse, type RosterNameRefusal } from '../../refusals';
import { t } from '../../messages';
import type { ShiftDoc } from '../../models/shift';
import { recordWrite } from '../../models/audit-entry';
import { formatDate, formatDateTime } from '../../time/format';
import { dayKey, endOfDay, fromWallTime, isValidYmd, startOfDay, wallTime } from '../../time/zone';
import type { EventDeps } from './deps';
import { isDuplicateKey } from '../../models/duplicate-key';
import { checkinWindow, nextPendingAt, planReminders } from './event-time';
import type { StationChoice, Stations } from './stations';

/** Whole-day shifts are reminded as if they started at this hour (reception usually opens then). */
const WHOLE_DAY_REMIND_HOUR = 9;

export function shiftLabel(s: Pick<ShiftDoc, 'day' | 'startAt' | 'station'>, tz: string): string {
  return `${s.startAt ? formatDateTime(s.startAt, tz) : formatDate(s.day, tz)} ${s.station}`;
}

/** The label in a push: a station's name is typed by people (chat, console, a roster file) and must mention nobody. */
export function shiftPushLabel(s: Pick<ShiftDoc, 'day' | 'startAt' | 'station'>, tz: string): string {
  return neutralizeUserText(shiftLabel(s, tz));
}

/** When a deputy on the shift may check in: the whole day, or around the given start. */
export function shiftWindow(s: Pick<ShiftDoc, 'day' | 'startAt'>, d: EventDeps): { opens: Date; closes: Date } {
  const tz = d.config.timezone;
  return s.startAt
    ? checkinWindow(s.startAt, null, d.config.tunables.checkin)
    : { opens: startOfDay(s.day, tz), closes: endOfDay(s.day, tz) };
}

/** Who is on a shift (from the stamps; old documents also carry memberIds, kept in step). */
export function memberIdsOf(s: Pick<ShiftDoc, 'members'>): string[] {
  return (s.members ?? []).map((m) => m.userid);
}

export function createShifts(d: EventDeps, stations: Stations) {
  const { Shift } = d.models;
  const tz = d.config.timezone;

  /** A day (and start) not already gone: the chat's rule for 排班. */
  function checkNotPast(day: Date, startAt: Date | undefined, now: Date): void {
    if (startAt ? startAt <= now : day < startOfDay(now, tz))
      refuse('shift.timePast', { at: startAt ?? day, withTime: Boolean(startAt) });
  }

  /** The form's day (YYYY-MM-DD) and optional start (HH:mm): a real date, today or later, a start not past. */
  function readFormDay(dayText: string, time: string | undefined, now: Date) {
    const [year, month, dd] = dayText.split('-').map(Number) as [number, number, number];
    const [hour, minute] = (time ?? '').split(':').map(Number);
    if (!isValidYmd(year, month, dd) || (time && !(hour! <= 23 && minute! <= 59)))
      refuse('shift.dateInvalid', { text: time ? `${dayText} ${time}` : dayText });
    const day = fromWallTime({ year, month, day: dd }, tz);
    const startAt = time ? fromWallTime({ year, month, day: dd, hour, minute }, tz) : undefined;
    if (startAt ? startAt <= now : day < startOfDay(now, tz))
      refuse('shift.dayPast', { at: startAt ?? day, withTime: Boolean(startAt) });
    return { day, startAt };
  }

  async function pickStation(typed: StationChoice | undefined, userids: string[], by: string) {
    if (typed) return stations.resolve(typed, by);
    const roster = (await d.roster.activeDeputies()).filter((x) => userids.includes(x.userid));
    const own = [...new Set(roster.map((x) => x.station).filter(Boolean))];
    if (own.length === 1 && roster.every((x) => x.station)) return stations.byName(own[0]!, by);
    const known = await stations.known();
    if (known.length === 1) return { name: known[0]!, isNew: false, corrected: false };
    return refuse('shift.stationMissing', { known: known.slice(0, 5) });
  }

  /** 排班: puts deputies on the shift of a day (and time) at a station; re-running adds nobody twice. */
  async function schedule(p: {
    /** The day (its start in the app's zone) and, for a timed shift, the start. */
    day: Date;
    startAt?: Date;
    /** Deputies' names as typed. */
    names: string[];
    station?: StationChoice;
    actor: Actor;
    origin: string;
    now: Date;
  }) {
    const { day, startAt } = p;
    checkNotPast(day, startAt, p.now);
    const typedNames = [...new Set(p.names)];
    if (typedNames.length === 0) refuse('shift.namesMissing', {});
    const people = await findAll(typedNames);
    const station = await pickStation(
      p.station,
      people.map((x) => x.userid),
      p.actor.userid,
    );
    return placeOn({ day, startAt, station, people, actor: p.actor, origin: p.origin, now: p.now });
  }

  /**
   * The console's 值班 page: the same as 排班 for deputies picked from the roster (by userid), a day
   * (YYYY-MM-DD) and an optional start time (HH:mm), at a station typed or picked.
   */
  async function assign(p: {
    day: string;
    time?: string;
    station: StationChoice;
    userids: string[];
    actor: Actor;
    origin: string;
    now: Date;
  }) {
    const { day, startAt } = readFormDay(p.day, p.time, p.now);
    const active = await d.roster.activeByUserid(p.userids);
    const people = [...new Set(p.userids)].map((u) => {
      const x = active.get(u);
      if (!x) return refuse('shift.notOnRoster', { userid: u });
      return x;
    });
    const station = await stations.resolve(p.station, p.actor.userid);
    return placeOn({ day, startAt, station, people, actor: p.actor, origin: p.origin, now: p.now });
  }

  async function placeOn(p: {
    day: Date;
    startAt?: Date;
    station: { name: string; isNew: boolean; corrected: boolean };
    people: Array<{ userid: string; name: string }>;
    actor: Actor;
    origin: string;
    now: Date;
  }) {
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

  /** Every typed name resolved, or one refusal naming all the unknown and ambiguous ones (nothing scheduled). */
  async function findAll(typedNames: string[]) {
    const people = [];
    const problems: RosterNameRefusal[] = [];
    for (const n of typedNames) {
      try {
        people.push(await d.roster.findActive(n));
      } catch (err) {
        if (!isRefusal(err) || (err.code !== 'roster.notFound' && err.code !== 'roster.ambiguous')) throw err;
        problems.push({ code: err.code, fields: err.fields } as RosterNameRefusal);
      }
    }
    if (problems.length) refuse('shift.namesInvalid', { problems });
    return people;
  }

  /**
   * The shift for a station and slot, created on first use (one upsert: a race or a retry finds the
   * existing one), then the people not yet on it added in one update guarded on none of them being
   * there: a concurrent 排班 naming the same person makes it miss, and it is worked out again.
   */
  async function addMembers(
    key: { station: string; slot: string },
    insert: Record<string, unknown>,
    userids: string[],
    now: Date,
  ): Promise<{ shift: ShiftDoc; added: string[] }> {
    let shift = await upsertShift(key, insert);
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
    key: { station: string; slot: string },
    insert: Record<string, unknown>,
  ): Promise<ShiftDoc> {
    for (let attempt = 0; ; attempt++) {
      try {
        // The id made here (not by the server), so shifts created in one process sort in creation order, and a
        // shift coming back with this id is the one this call inserted.
        const id = new Types.ObjectId();
        const shift = (await Shift.findOneAndUpdate(
          key,
          { $setOnInsert: { _id: id, ...insert } },
          { upsert: true, returnDocument: 'after' },
        ).lean()) as ShiftDoc;
        if (String(shift._id) === String(id)) await recordWrite({ kind: 'Shift', code: String(id), op: 'create' });
        return shift;
      } catch (err) {
        // Two first uses at once: the other insert won; the next try finds it.
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
  }

  /** Shifts from today on, the sender's own first. */
  async function listUpcoming(userid: string, now: Date) {
    const docs = (await Shift.find({ day: { $gte: startOfDay(now, tz) } })
      .sort({ day: 1, slot: 1, _id: 1 })
      .limit(100)
      .lean()) as ShiftDoc[];
    const mine = docs.filter((s) => s.memberIds.includes(userid)).slice(0, 10);
    const others = docs.filter((s) => !s.memberIds.includes(userid)).slice(0, 10);
    const names = await d.roster.namesOf([...mine, ...others].flatMap((s) => s.memberIds));
    const view = (s: ShiftDoc) => ({
      label: shiftLabel(s, tz),
      names: s.memberIds.map((u) => names.get(u) ?? u),
      checkedIn: s.checkinIds.includes(userid),
    });
    return { mine: mine.map(view), others: others.map(view) };
  }

  /** 签到 值班: the sender's shift whose window is open now. */
  async function checkIn(userid: string, now: Date): Promise<{ shift: ShiftDoc; at: Date }> {
    const from = new Date(startOfDay(now, tz).getTime() - 24 * 3600_000);
    const docs = (await Shift.find({ memberIds: userid, day: { $gte: from } })
      .sort({ day: 1, slot: 1, _id: 1 })
      .limit(20)
      .lean()) as ShiftDoc[];
    const open = docs.find((s) => {
      const w = shiftWindow(s, d);
      return now >= w.opens && now <= w.closes;
    });
    if (!open) {
      const next = docs.find((s) => shiftWindow(s, d).opens > now);
      if (!next) return refuse('shift.noneToday', {});
      const w = shiftWindow(next, d);
      refuse('shift.checkinNotYet', {
        label: shiftLabel(next, tz),
        opens: w.opens,
        closes: w.closes,
      });
    }
    const after = await Shift.findOneAndUpdate(
      { _id: open._id, 'checkins.userid': { $ne: userid } },
      { $push: { checkins: { userid, at: now }, checkinIds: userid } },
      { returnDocument: 'after' },
    ).lean();
    if (!after) refuse('shift.checkinAlready', { label: shiftLabel(open, tz) });
    await recordWrite({ kind: 'Shift', code: String(open._id), op: 'update' });
    return { shift: after as ShiftDoc, at: now };
  }

  return { schedule, assign, listUpcoming, checkIn };
}

export type Shifts = ReturnType<typeof createShifts>;
