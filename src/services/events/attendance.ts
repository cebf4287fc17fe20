import type { PipelineStage } from 'mongoose';
import type { ShiftDoc } from '../../models/shift';
import type { EventDeps } from './deps';
import type { MeetingResult } from './meeting-outcome';
import { endExpr, ids, leaveIds } from './report-expressions';

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

/** The activities a deputy signed up for, attended or was excused from in a year. */
function activityAttendance(userid: string, year: number): PipelineStage[] {
  return [
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
  ];
}

/** The meetings a deputy was expected at in a year, each with its outcome for them as of `now`. */
function meetingAttendance(userid: string, year: number, now: Date, end: ReturnType<typeof endExpr>): PipelineStage[] {
  return [
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
              $cond: [{ $gt: [end, now] }, 'upcoming', { $cond: [{ $in: [userid, leaveIds] }, 'excused', 'absent'] }],
            },
          ],
        },
      },
    },
    { $sort: { startAt: 1, _id: 1 } },
  ];
}

/** One deputy's year (by the events' start dates): what they signed up for, attended, were excused from. */
export async function attendanceFor(d: EventDeps, userid: string, year: number): Promise<Attendance> {
  const { Activity, Meeting, Shift } = d.models;
  // Meetings still ahead (or under way) read as 'upcoming' against the injected clock.
  const now = d.clock.now();
  const actsRun = Activity.aggregate<Attendance['activities'][number] & { onLeave: boolean }>(
    activityAttendance(userid, year),
  ).exec();
  const meetsRun = Meeting.aggregate<Attendance['meetings'][number]>(
    meetingAttendance(userid, year, now, endExpr(d.config.tunables.checkin)),
  ).exec();
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
