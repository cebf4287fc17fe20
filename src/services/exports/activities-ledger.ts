import { attendanceWords, exportNames, exportWords } from '../../messages/exports';
import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import type { ShiftDoc } from '../../models/shift';
import type { Models } from '../../models';
import type { CheckinTunables } from '../events';
import { meetingResults } from '../events';
import type { Roster } from '../roster';
import { column } from './columns';
import { type SheetWriter, writeXlsx } from './xlsx-stream';

export interface ActivitiesLedgerDeps {
  models: Models;
  roster: Roster;
  timezone: string;
  checkin: CheckinTunables;
}

const spec = column;
const ACTIVITY_COLUMNS = [
  spec('code', 13),
  spec('title', 26),
  spec('type', 9),
  spec('place', 16),
  spec('startAt', 17, 'datetime'),
  spec('eventStatus', 8),
  spec('capacity', 7),
  spec('signedUpCount', 9, 'number'),
  spec('attendedCount', 9, 'number'),
  spec('excusedCount', 9, 'number'),
  spec('waitlistCount', 9, 'number'),
  spec('signedUpNames', 30, 'longText'),
  spec('attendedNames', 30, 'longText'),
  spec('excusedNames', 30, 'longText'),
  spec('waitlistNames', 20, 'longText'),
];
const MEETING_COLUMNS = [
  spec('code', 13),
  spec('title', 26),
  spec('type', 11),
  spec('place', 16),
  spec('startAt', 17, 'datetime'),
  spec('eventStatus', 8),
  spec('expectedCount', 7, 'number'),
  spec('meetingAttended', 7, 'number'),
  spec('meetingExcused', 7, 'number'),
  spec('meetingAbsent', 7, 'number'),
  spec('meetingUpcoming', 8, 'number'),
  spec('meetingAttendedNames', 30, 'longText'),
  spec('meetingExcusedNames', 30, 'longText'),
  spec('meetingAbsentNames', 30, 'longText'),
];
const DETAIL_COLUMNS = [
  spec('code', 13),
  spec('title', 26),
  spec('eventKind', 9),
  spec('startAt', 17, 'datetime'),
  spec('deputy', 10),
  spec('result', 9),
];
const SHIFT_COLUMNS = [spec('shiftAt', 17, 'datetime'), spec('station', 16), spec('deputy', 10), spec('served', 9)];

type Detail = { code: string; title: string; kind: string; startAt: Date; userid: string; result: string };

/** Activities, meetings and liaison-station shifts of a year, with who signed up, attended, was excused. */
export async function writeActivitiesLedger(
  d: ActivitiesLedgerDeps,
  opts: { out: string; year: number; now: Date },
): Promise<{ file: string; rows: number }> {
  const names = new Map((await d.roster.list()).map((x) => [x.userid, x.name]));
  const nameOf = (u: string) => names.get(u) ?? u;
  const list = (ids: readonly string[]) => ids.map(nameOf).join(exportWords.listSeparator);
  const { Activity, Meeting, Shift } = d.models;
  const activities = (await Activity.find({ year: opts.year }).sort({ startAt: 1, _id: 1 }).lean()) as ActivityDoc[];
  const meetings = (await Meeting.find({ year: opts.year }).sort({ startAt: 1, _id: 1 }).lean()) as MeetingDoc[];
  const details: Detail[] = [];
  return writeXlsx(opts.out, d.timezone, async (x) => {
    const aSheet = x.sheet(exportNames.activitiesSheet, ACTIVITY_COLUMNS);
    for (const a of activities) {
      const cancelled = a.status === 'cancelled';
      const excused = a.leaves.map((l) => l.userid);
      await aSheet.addRow([
        a.code,
        a.title,
        a.type,
        a.place,
        a.startAt,
        cancelled ? exportWords.cancelled : exportWords.open,
        a.capacity ?? exportWords.unlimited,
        a.confirmedIds.length,
        a.checkinIds.length,
        excused.length,
        a.waitlistIds.length,
        list(a.confirmedIds),
        list(a.checkinIds),
        list(excused),
        list(a.waitlistIds),
      ]);
      if (!cancelled) details.push(...activityDetails(a, opts.now, excused));
    }
    const mSheet = x.sheet(exportNames.meetingsSheet, MEETING_COLUMNS);
    for (const m of meetings) await writeMeeting(mSheet, m, opts.now, d.checkin, nameOf, details);
    const dSheet = x.sheet(exportNames.attendanceSheet, DETAIL_COLUMNS);
    details.sort(
      (p, q) =>
        p.startAt.getTime() - q.startAt.getTime() ||
        p.code.localeCompare(q.code) ||
        nameOf(p.userid).localeCompare(nameOf(q.userid), 'zh'),
    );
    for (const r of details) await dSheet.addRow([r.code, r.title, r.kind, r.startAt, nameOf(r.userid), r.result]);
    const sSheet = x.sheet(exportNames.shiftsSheet, SHIFT_COLUMNS);
    const shifts = (await Shift.find({ year: opts.year }).sort({ day: 1, slot: 1, _id: 1 }).lean()) as ShiftDoc[];
    for (const s of shifts) {
      for (const u of s.memberIds) {
        const served = s.checkinIds.includes(u)
          ? attendanceWords.served
          : (s.startAt ?? s.day) > opts.now
            ? attendanceWords.scheduled
            : attendanceWords.notServed;
        await sSheet.addRow([s.startAt ?? s.day, s.station, nameOf(u), served]);
      }
    }
    return { file: opts.out, rows: activities.length + meetings.length };
  });
}

function activityDetails(a: ActivityDoc, now: Date, excused: string[]): Detail[] {
  const base = { code: a.code, title: a.title, kind: exportWords.activity, startAt: a.startAt };
  const people = [...new Set([...a.confirmedIds, ...a.checkinIds, ...a.waitlistIds, ...excused])];
  const resultOf = (userid: string): string | undefined => {
    if (a.checkinIds.includes(userid)) return attendanceWords.attended;
    if (a.confirmedIds.includes(userid)) return a.startAt > now ? attendanceWords.signedUp : attendanceWords.missed;
    if (a.waitlistIds.includes(userid)) return attendanceWords.waitlisted;
    return attendanceWords.excused;
  };
  return people.map((userid) => ({ ...base, userid, result: resultOf(userid) ?? '' }));
}

async function writeMeeting(
  sheet: SheetWriter,
  m: MeetingDoc,
  now: Date,
  checkin: CheckinTunables,
  nameOf: (u: string) => string,
  details: Detail[],
): Promise<void> {
  const cancelled = m.status === 'cancelled';
  const results = cancelled ? new Map<string, string>() : meetingResults(m, now, checkin);
  const who = (r: string) => [...results].filter(([, v]) => v === r).map(([u]) => u);
  const reason = (u: string) => m.replies.find((r) => r.userid === u)?.reason;
  const excusedNames = who('excused').map((u) => (reason(u) ? `${nameOf(u)}（${reason(u)}）` : nameOf(u)));
  await sheet.addRow([
    m.code,
    m.title,
    m.type,
    m.place,
    m.startAt,
    cancelled ? exportWords.cancelled : exportWords.open,
    results.size,
    who('attended').length,
    who('excused').length,
    who('absent').length,
    who('upcoming').length,
    who('attended').map(nameOf).join(exportWords.listSeparator),
    excusedNames.join(exportWords.listSeparator),
    who('absent').map(nameOf).join(exportWords.listSeparator),
  ]);
  for (const [userid, result] of results)
    details.push({
      code: m.code,
      title: m.title,
      kind: exportWords.meeting,
      startAt: m.startAt,
      userid,
      result: attendanceWords[result] ?? result,
    });
}
