import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import type { ShiftDoc } from '../../models/shift';
import type { EventDeps } from './deps';
import { expectedOf, type MeetingResult, meetingResultFor } from './meeting-outcome';

export interface UpcomingEvents {
  activities: Array<{ code: string; title: string; startAt: Date; place: string; capacity?: number; confirmed: number }>;
  meetings: Array<{ code: string; title: string; startAt: Date; place: string; expected: number; answered: number }>;
}

export interface EventPeriodSummary {
  activities: { held: number; byType: Record<string, number>; signedUp: number; attended: number };
  meetings: { held: number; expected: number; attended: number; excused: number; absent: number };
}

export interface Attendance {
  activities: Array<{ code: string; title: string; type: string; startAt: Date; signedUp: boolean; attended: boolean; excused: boolean }>;
  meetings: Array<{ code: string; title: string; startAt: Date; result: MeetingResult }>;
  shifts: Array<{ date: Date; station: string; checkedIn: boolean }>;
}

/** Read-only summaries for the weekly digest and the performance record. */
export function createEventReports(d: EventDeps) {
  const { Activity, Meeting, Shift } = d.models;
  const tun = d.config.tunables;

  /** Activities and meetings starting within `days` from now (not cancelled), soonest first. */
  async function upcoming(now: Date, days: number): Promise<UpcomingEvents> {
    const range = { $gte: now, $lt: new Date(now.getTime() + days * 24 * 3600_000) };
    const acts = (await Activity.find({ status: 'open', startAt: range }).sort({ startAt: 1 }).lean()) as ActivityDoc[];
    const meets = (await Meeting.find({ status: 'active', startAt: range }).sort({ startAt: 1 }).lean()) as MeetingDoc[];
    const active = new Set((await d.roster.activeDeputies()).map((x) => x.userid));
    return {
      activities: acts.map((a) => ({
        code: a.code, title: a.title, startAt: a.startAt, place: a.place, confirmed: a.confirmedCount, ...(a.capacity === null ? {} : { capacity: a.capacity }),
      })),
      meetings: meets.map((m) => {
        const expected = expectedOf(m).filter((u) => active.has(u));
        const replied = new Set(m.replies.map((r) => r.userid));
        return { code: m.code, title: m.title, startAt: m.startAt, place: m.place, expected: expected.length, answered: expected.filter((u) => replied.has(u)).length };
      }),
    };
  }

  /** One deputy's year (by the events' start dates): what they signed up for, attended, were excused from. */
  async function attendanceFor(userid: string, year: number): Promise<Attendance> {
    const acts = (await Activity.find({ year, status: 'open' }).sort({ startAt: 1 }).lean()) as ActivityDoc[];
    const meets = (await Meeting.find({ year, status: 'active' }).sort({ startAt: 1 }).lean()) as MeetingDoc[];
    const shifts = (await Shift.find({ year, memberIds: userid }).sort({ day: 1, slot: 1 }).lean()) as ShiftDoc[];
    // Meetings still ahead (or under way) read as 'upcoming' against the injected clock.
    const now = d.clock.now();
    return {
      activities: acts
        .map((a) => {
          const signedUp = a.confirmedIds.includes(userid);
          const attended = a.checkinIds.includes(userid);
          const excused = !signedUp && !attended && a.leaves.some((l) => l.userid === userid);
          return { code: a.code, title: a.title, type: a.type, startAt: a.startAt, signedUp, attended, excused };
        })
        .filter((x) => x.signedUp || x.attended || x.excused),
      meetings: meets
        .filter((m) => expectedOf(m).includes(userid))
        .map((m) => ({ code: m.code, title: m.title, startAt: m.startAt, result: meetingResultFor(m, userid, now, tun.checkin) })),
      shifts: shifts.map((s) => ({ date: s.startAt ?? s.day, station: s.station, checkedIn: s.checkinIds.includes(userid) })),
    };
  }

  /** Activities and meetings that started in [from, to) and are over by `now`: the 统计 figures. */
  async function periodSummary(from: Date, to: Date, now: Date): Promise<EventPeriodSummary> {
    const range = { $gte: from, $lt: to < now ? to : now };
    const acts = (await Activity.find({ status: 'open', startAt: range }).lean()) as ActivityDoc[];
    const meets = (await Meeting.find({ status: 'active', startAt: range }).lean()) as MeetingDoc[];
    const byType: Record<string, number> = {};
    for (const a of acts) byType[a.type] = (byType[a.type] ?? 0) + 1;
    const meetings = { held: 0, expected: 0, attended: 0, excused: 0, absent: 0 };
    for (const m of meets) {
      const results = expectedOf(m).map((u) => meetingResultFor(m, u, now, tun.checkin));
      if (results.includes('upcoming')) continue;
      meetings.held += 1;
      meetings.expected += results.length;
      for (const r of results) if (r !== 'upcoming') meetings[r] += 1;
    }
    return {
      activities: {
        held: acts.length,
        byType,
        signedUp: acts.reduce((n, a) => n + a.confirmedIds.length, 0),
        attended: acts.reduce((n, a) => n + a.checkinIds.length, 0),
      },
      meetings,
    };
  }

  return { upcoming, attendanceFor, periodSummary };
}
