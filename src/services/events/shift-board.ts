import type { Shift as ShiftJson, ShiftPerson as ShiftPersonJson } from '../../contracts';
import { refuse } from '../../refusals';
import { t } from '../../messages';
import type { ShiftDoc } from '../../models/shift';
import { recordWrite } from '../../models/audit-entry';
import { formatDateTime } from '../../time/format';
import { addDaysYmd, dayKey, fromWallTime, startOfWeek, wallTime } from '../../time/zone';
import type { EventDeps } from './deps';
import { shiftLabel, shiftPushLabel, shiftWindow } from './shift-labels';
import type { Stations } from './stations';

// The console's 值班 page: one week of liaison-station shifts with who is on each and who checked in,
// and taking a deputy off a shift (排班 itself is shifts.assign, the chat's 排班 for a form).

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The 值班 page's shapes (src/contracts) as the service holds them: check-in times are Dates. */
export type ShiftPerson = Omit<ShiftPersonJson, 'at'> & { at?: Date };
export type ShiftView = Omit<ShiftJson, 'members' | 'checkins'> & { members: ShiftPerson[]; checkins: ShiftPerson[] };

export function createShiftBoard(d: EventDeps, stations: Stations) {
  const { Shift } = d.models;
  const tz = d.config.timezone;

  async function views(docs: ShiftDoc[], now: Date): Promise<ShiftView[]> {
    const names = await d.roster.namesOf(docs.flatMap((s) => [...s.memberIds, ...s.checkinIds]));
    const person = (x: { userid: string; at?: Date }) => ({
      userid: x.userid,
      name: names.get(x.userid) ?? x.userid,
      ...(x.at ? { at: x.at } : {}),
    });
    return docs.map((s) => ({
      id: String(s._id),
      day: dayKey(s.day, tz),
      time: s.startAt ? formatDateTime(s.startAt, tz).slice(-5) : null,
      station: s.station,
      label: shiftLabel(s, tz),
      members: (s.members ?? []).map(person),
      checkins: (s.checkins ?? []).map(person),
      editable: shiftWindow(s, d).closes > now,
    }));
  }

  /** The week (Monday to Sunday) holding `anyDay`, all stations or one. */
  async function week(anyDay: Date, station: string | undefined, now: Date) {
    const from = startOfWeek(anyDay, tz);
    const monday = wallTime(from, tz);
    const to = fromWallTime(addDaysYmd(monday, 7), tz);
    const docs = (await Shift.find({ day: { $gte: from, $lt: to }, ...(station ? { station } : {}) })
      .sort({ day: 1, slot: 1, station: 1, _id: 1 })
      .limit(500)
      .lean()) as ShiftDoc[];
    const days = Array.from({ length: 7 }, (_, i) => dayKey(fromWallTime(addDaysYmd(monday, i), tz), tz));
    return {
      from: days[0]!,
      to: days[6]!,
      days,
      today: dayKey(now, tz),
      stations: await stations.known(),
      items: await views(docs, now),
    };
  }

  async function byId(id: string): Promise<ShiftDoc> {
    const doc = OBJECT_ID.test(id) ? ((await Shift.findById(id).lean()) as ShiftDoc | null) : null;
    if (!doc) return refuse('shift.notFound', {});
    return doc;
  }

  /**
   * Takes a deputy off a shift that is not over, unless they already checked in there (that is their
   * record). One update guarded on them being on it and not checked in; they are told. Taking off someone
   * who is not on it (a retried click) changes nothing. A shift left with nobody is deleted.
   */
  async function remove(p: { id: string; userid: string; now: Date }) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const s = await byId(p.id);
      const label = shiftLabel(s, tz);
      if (shiftWindow(s, d).closes <= p.now) refuse('shift.pastLocked', { label });
      const member = (s.members ?? []).find((m) => m.userid === p.userid);
      if (!member) return { shift: (await views([s], p.now))[0]!, removed: false };
      if (s.checkinIds.includes(p.userid)) {
        const names = await d.roster.namesOf([p.userid]);
        refuse('shift.memberCheckedIn', { name: names.get(p.userid) ?? p.userid, label });
      }
      const after = (await Shift.findOneAndUpdate(
        { _id: s._id, 'members.userid': p.userid, 'checkins.userid': { $ne: p.userid } },
        { $pull: { members: { userid: p.userid }, memberIds: p.userid } },
        { returnDocument: 'after' },
      ).lean()) as ShiftDoc | null;
      if (!after) continue; // taken off or checked in meanwhile: decide again
      await recordWrite({ kind: 'Shift', code: String(s._id), op: 'update' });
      await d.notify.toUsers(
        `shift:${String(s._id)}:removed:${p.userid}:${member.at?.getTime() ?? 0}`,
        [p.userid],
        t('shiftRemovedPush', { label: shiftPushLabel(s, tz) }),
      );
      if (after.members.length === 0 && after.checkins.length === 0) {
        const gone = await Shift.deleteOne({ _id: s._id, members: { $size: 0 }, checkins: { $size: 0 } });
        if (gone.deletedCount === 1) {
          await recordWrite({ kind: 'Shift', code: String(s._id), op: 'delete' });
          return { shift: null, removed: true };
        }
      }
      return { shift: (await views([after], p.now))[0]!, removed: true };
    }
    throw new Error(`shift removal kept conflicting for ${p.id}`);
  }

  return { week, remove, views };
}

export type ShiftBoard = ReturnType<typeof createShiftBoard>;
