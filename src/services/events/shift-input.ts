import { isRefusal, refuse, type RosterNameRefusal } from '../../refusals';
import { fromWallTime, isValidYmd, startOfDay } from '../../time/zone';
import type { EventDeps } from './deps';
import type { StationChoice, Stations } from './stations';

// What 排班 and the console's 值班 page are given, checked: the day, the people, the station.

/** A day (and start) not already gone: the chat's rule for 排班. */
export function checkNotPast(day: Date, startAt: Date | undefined, now: Date, tz: string): void {
  if (startAt ? startAt <= now : day < startOfDay(now, tz))
    refuse('shift.timePast', { at: startAt ?? day, withTime: Boolean(startAt) });
}

/** The form's day (YYYY-MM-DD) and optional start (HH:mm): a real date, today or later, a start not past. */
export function readFormDay(dayText: string, time: string | undefined, now: Date, tz: string) {
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

/** The station typed; else the one all these deputies share on the roster; else the only one known. */
export async function pickStation(
  d: EventDeps,
  stations: Stations,
  typed: StationChoice | undefined,
  userids: string[],
  by: string,
) {
  if (typed) return stations.resolve(typed, by);
  const roster = (await d.roster.activeDeputies()).filter((x) => userids.includes(x.userid));
  const own = [...new Set(roster.map((x) => x.station).filter(Boolean))];
  if (own.length === 1 && roster.every((x) => x.station)) return stations.byName(own[0]!, by);
  const known = await stations.known();
  if (known.length === 1) return { name: known[0]!, isNew: false, corrected: false };
  return refuse('shift.stationMissing', { known: known.slice(0, 5) });
}

/** Every typed name resolved, or one refusal naming all the unknown and ambiguous ones (nothing scheduled). */
export async function findAll(d: EventDeps, typedNames: string[]) {
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
