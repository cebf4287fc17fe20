import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import type { EventDeps } from './deps';
import { expectedOf } from './meeting-outcome';
import { attendanceFor } from './attendance';
import { periodSummary } from './period-summary';

export interface UpcomingEvents {
  activities: Array<{
    code: string;
    title: string;
    startAt: Date;
    place: string;
    capacity?: number;
    confirmed: number;
  }>;
  meetings: Array<{ code: string; title: string; startAt: Date; place: string; expected: number; answered: number }>;
}

export type { EventPeriodSummary } from './period-summary';
export type { Attendance } from './attendance';

/** Read-only summaries for the weekly digest, 统计 and the performance record. */
export function createEventReports(d: EventDeps) {
  const { Activity, Meeting } = d.models;

  /** Activities and meetings starting within `days` from now (not cancelled), soonest first. */
  async function upcoming(now: Date, days: number): Promise<UpcomingEvents> {
    const range = { $gte: now, $lt: new Date(now.getTime() + days * 24 * 3600_000) };
    const [acts, meets] = (await Promise.all([
      Activity.find({ status: 'active', startAt: range }).sort({ startAt: 1, _id: 1 }).lean().exec(),
      Meeting.find({ status: 'active', startAt: range }).sort({ startAt: 1, _id: 1 }).lean().exec(),
    ])) as [ActivityDoc[], MeetingDoc[]];
    const active = new Set((await d.roster.activeDeputies()).map((x) => x.userid));
    return {
      activities: acts.map((a) => ({
        code: a.code,
        title: a.title,
        startAt: a.startAt,
        place: a.place,
        confirmed: a.confirmedCount,
        ...(a.capacity === null ? {} : { capacity: a.capacity }),
      })),
      meetings: meets.map((m) => {
        const expected = expectedOf(m).filter((u) => active.has(u));
        const replied = new Set(m.replies.map((r) => r.userid));
        return {
          code: m.code,
          title: m.title,
          startAt: m.startAt,
          place: m.place,
          expected: expected.length,
          answered: expected.filter((u) => replied.has(u)).length,
        };
      }),
    };
  }

  return {
    upcoming,
    attendanceFor: (userid: string, year: number) => attendanceFor(d, userid, year),
    periodSummary: (from: Date, to: Date, now: Date) => periodSummary(d, from, to, now),
  };
}
