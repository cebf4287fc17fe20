import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import type { ShiftDoc } from '../../models/shift';
import { startOfDay } from '../../time/zone';
import type { EventDeps } from './deps';
import type { StationChoice, Stations } from './stations';
import { checkNotPast, findAll, pickStation, readFormDay } from './shift-input';
import { placeOn } from './shift-placing';
import { checkInToShift } from './shift-checkin';
import { shiftLabel } from './shift-labels';

/** Liaison-station shifts: 排班 (typed names) and the console's 值班 page (userids), 值班 lists, 签到 值班. */
export function createShifts(d: EventDeps, stations: Stations) {
  const { Shift } = d.models;
  const tz = d.config.timezone;

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
    checkNotPast(day, startAt, p.now, tz);
    const typedNames = [...new Set(p.names)];
    if (typedNames.length === 0) refuse('shift.namesMissing', {});
    const people = await findAll(d, typedNames);
    const station = await pickStation(
      d,
      stations,
      p.station,
      people.map((x) => x.userid),
      p.actor.userid,
    );
    return placeOn(d, { day, startAt, station, people, actor: p.actor, origin: p.origin, now: p.now });
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
    const { day, startAt } = readFormDay(p.day, p.time, p.now, tz);
    const active = await d.roster.activeByUserid(p.userids);
    const people = [...new Set(p.userids)].map((u) => {
      const x = active.get(u);
      if (!x) return refuse('shift.notOnRoster', { userid: u });
      return x;
    });
    const station = await stations.resolve(p.station, p.actor.userid);
    return placeOn(d, { day, startAt, station, people, actor: p.actor, origin: p.origin, now: p.now });
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

  return { schedule, assign, listUpcoming, checkIn: (userid: string, now: Date) => checkInToShift(d, userid, now) };
}

export type Shifts = ReturnType<typeof createShifts>;
