import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import type { ShiftDoc } from '../../models/shift';
import type { EventDeps } from './deps';
import { expectedOf, type MeetingResult } from './meeting-outcome';

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

export interface EventPeriodSummary {
  activities: { held: number; byType: Record<string, number>; signedUp: number; attended: number };
  meetings: { held: number; expected: number; attended: number; excused: number; absent: number };
}

export interface Attendance {
  activities: Array<{
    code: string;
    title: string;
    type: string;
    startAt: Date;
    signedUp: boolean;
    attended: boolean;
    excused: boolean;
  }>;
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

  /** When an event is over, as an expression: its end, or start + the configured default length. */
  const endExpr = { $ifNull: ['$endAt', { $add: ['$startAt', tun.checkin.defaultDurationMinutes * 60_000] }] };
  /** Userids of a stamp list (confirmed, checkins, replies…) as an expression, [] when absent. */
  const ids = (field: string) => ({ $ifNull: [`$${field}.userid`, []] });
  /** Userids whose reply slip says 请假. */
  const leaveIds = {
    $map: {
      input: { $filter: { input: { $ifNull: ['$replies', []] }, as: 'r', cond: { $eq: ['$$r.answer', '请假'] } } },
      as: 'r',
      in: '$$r.userid',
    },
  };

  /** One deputy's year (by the events' start dates): what they signed up for, attended, were excused from. */
  async function attendanceFor(userid: string, year: number): Promise<Attendance> {
    // Meetings still ahead (or under way) read as 'upcoming' against the injected clock.
    const now = d.clock.now();
    const actsRun = Activity.aggregate<Attendance['activities'][number] & { onLeave: boolean }>([
      {
        $match: {
          year,
          status: 'active',
          $or: [{ 'confirmed.userid': userid }, { 'checkins.userid': userid }, { 'leaves.userid': userid }],
        },
      },
      {
        $project: {
          _id: 1,
          code: 1,
          title: 1,
          type: 1,
          startAt: 1,
          signedUp: { $in: [userid, ids('confirmed')] },
          attended: { $in: [userid, ids('checkins')] },
          onLeave: { $in: [userid, ids('leaves')] },
        },
      },
      { $sort: { startAt: 1, _id: 1 } },
    ]).exec();
    const meetsRun = Meeting.aggregate<Attendance['meetings'][number]>([
      {
        $match: {
          year,
          status: 'active',
          $or: [{ expectedIds: userid }, { 'replies.userid': userid }, { 'checkins.userid': userid }],
        },
      },
      {
        $project: {
          _id: 1,
          code: 1,
          title: 1,
          startAt: 1,
          result: {
            $cond: [
              { $in: [userid, ids('checkins')] },
              'attended',
              {
                $cond: [
                  { $gt: [endExpr, now] },
                  'upcoming',
                  { $cond: [{ $in: [userid, leaveIds] }, 'excused', 'absent'] },
                ],
              },
            ],
          },
        },
      },
      { $sort: { startAt: 1, _id: 1 } },
    ]).exec();
    const shiftsRun = Shift.find({ year, memberIds: userid })
      .select({ day: 1, startAt: 1, station: 1, checkinIds: 1 })
      .sort({ day: 1, slot: 1, _id: 1 })
      .lean()
      .exec();
    // The three reads run side by side.
    const [acts, meets, shifts] = (await Promise.all([actsRun, meetsRun, shiftsRun])) as [
      Awaited<typeof actsRun>,
      Awaited<typeof meetsRun>,
      ShiftDoc[],
    ];
    return {
      activities: acts.map((a) => ({
        code: a.code,
        title: a.title,
        type: a.type,
        startAt: a.startAt,
        signedUp: a.signedUp,
        attended: a.attended,
        excused: !a.signedUp && !a.attended && a.onLeave,
      })),
      meetings: meets.map((m) => ({ code: m.code, title: m.title, startAt: m.startAt, result: m.result })),
      shifts: shifts.map((x) => ({
        date: x.startAt ?? x.day,
        station: x.station,
        checkedIn: x.checkinIds.includes(userid),
      })),
    };
  }

  /** Activities and meetings that started in [from, to) and are over by `now`: the 统计 figures, counted in the database. */
  async function periodSummary(from: Date, to: Date, now: Date): Promise<EventPeriodSummary> {
    const range = { $gte: from, $lt: to < now ? to : now };
    // Started now, awaited after the meetings' pipeline: the two run side by side.
    const typesRun = Activity.aggregate<{ _id: string; held: number; signedUp: number; attended: number }>([
      { $match: { status: 'active', startAt: range } },
      {
        $group: {
          _id: '$type',
          held: { $sum: 1 },
          signedUp: { $sum: { $size: ids('confirmed') } },
          attended: { $sum: { $size: ids('checkins') } },
        },
      },
      { $sort: { _id: 1 } },
    ]).exec();
    // Marked handled here: if the meetings' read fails first, this one's failure must not go unhandled.
    typesRun.catch(() => undefined);
    // Everyone a meeting counts is in expectedIds: replies and check-ins add their sender to it.
    const [m] = await Meeting.aggregate<EventPeriodSummary['meetings']>([
      { $match: { status: 'active', startAt: range } },
      {
        $project: {
          over: { $lte: [endExpr, now] },
          expected: { $size: '$expectedIds' },
          attended: { $size: { $filter: { input: '$expectedIds', as: 'u', cond: { $in: ['$$u', ids('checkins')] } } } },
          excused: {
            $size: {
              $filter: {
                input: '$expectedIds',
                as: 'u',
                cond: { $and: [{ $not: [{ $in: ['$$u', ids('checkins')] }] }, { $in: ['$$u', leaveIds] }] },
              },
            },
          },
        },
      },
      // A meeting not yet over counts once everyone expected has checked in (nobody is still 'upcoming').
      { $match: { $expr: { $or: ['$over', { $eq: ['$attended', '$expected'] }] } } },
      {
        $group: {
          _id: null,
          held: { $sum: 1 },
          expected: { $sum: '$expected' },
          attended: { $sum: '$attended' },
          excused: { $sum: { $cond: ['$over', '$excused', 0] } },
          absent: {
            $sum: { $cond: ['$over', { $subtract: [{ $subtract: ['$expected', '$attended'] }, '$excused'] }, 0] },
          },
        },
      },
    ]);
    const types = await typesRun;
    const byType: Record<string, number> = {};
    for (const x of types) byType[x._id] = x.held;
    return {
      activities: {
        held: types.reduce((n, x) => n + x.held, 0),
        byType,
        signedUp: types.reduce((n, x) => n + x.signedUp, 0),
        attended: types.reduce((n, x) => n + x.attended, 0),
      },
      meetings: {
        held: m?.held ?? 0,
        expected: m?.expected ?? 0,
        attended: m?.attended ?? 0,
        excused: m?.excused ?? 0,
        absent: m?.absent ?? 0,
      },
    };
  }

  return { upcoming, attendanceFor, periodSummary };
}
