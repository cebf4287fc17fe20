import type { EventDeps } from './deps';
import { endExpr, ids, leaveIds } from './report-expressions';

export interface EventPeriodSummary {
  activities: { held: number; byType: Record<string, number>; signedUp: number; attended: number };
  meetings: { held: number; expected: number; attended: number; excused: number; absent: number };
}

/** Activities and meetings that started in [from, to) and are over by `now`: the 统计 figures, counted in the database. */
export async function periodSummary(d: EventDeps, from: Date, to: Date, now: Date): Promise<EventPeriodSummary> {
  const { Activity, Meeting } = d.models;
  const end = endExpr(d.config.tunables.checkin);
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
        over: { $lte: [end, now] },
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
