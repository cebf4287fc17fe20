import type { PipelineStage } from 'mongoose';
import type { UnitRecord } from '../../contracts';
import { RATINGS, RESOLUTIONS, type Rating, type Resolution } from '../../contracts/labels';
import { workdaysBetween } from '../../time/workdays';
import { fromWallTime } from '../../time/zone';
import type { OpinionDeps } from './opinion-steps';
import { formatRate, resolveRate, SATISFIED_RATINGS } from './rates';

type Row = {
  _id: string;
  received: number;
  answered: number;
  onTime: number;
  openOverdue: number;
  rated: number;
  spans: Array<{ a: Date; b?: Date | null }>;
} & Record<`class${Resolution}`, number> &
  Record<`rating${number}`, number>;

const ratingKey = (i: number) => `rating${i}` as const;

/** Per unit, rounds assigned in [from, to): the counts grouped in the database, the answer spans to count on the calendar. */
function recordsPipeline(w: { from: Date; to: Date }, now: Date): PipelineStage[] {
  const inYear = { $gte: w.from, $lt: w.to };
  const answered = { $gt: ['$r.answeredAt', null] };
  const count = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
  return [
    { $match: { 'rounds.assignedAt': inYear, status: { $nin: ['已撤回', '已退回'] } } },
    // $map, not a dotted projection: the test server mis-projects dotted paths into arrays.
    {
      $project: {
        r: {
          $map: {
            input: '$rounds',
            as: 'x',
            in: {
              unit: '$$x.unit',
              assignedAt: '$$x.assignedAt',
              deadline: '$$x.deadline',
              answeredAt: '$$x.answeredAt',
              resolution: '$$x.resolution',
              rating: '$$x.rating',
            },
          },
        },
      },
    },
    { $unwind: '$r' },
    { $match: { 'r.assignedAt': inYear } },
    {
      $group: {
        _id: '$r.unit',
        received: { $sum: 1 },
        answered: count(answered),
        onTime: count({ $and: [answered, { $lte: ['$r.answeredAt', '$r.deadline'] }] }),
        openOverdue: count({ $and: [{ $not: [answered] }, { $gt: [now, '$r.deadline'] }] }),
        rated: count({ $gt: ['$r.rating', null] }),
        ...Object.fromEntries(
          RESOLUTIONS.map((c) => [`class${c}`, count({ $and: [answered, { $eq: ['$r.resolution', c] }] })]),
        ),
        ...Object.fromEntries(RATINGS.map((r, i) => [ratingKey(i), count({ $eq: ['$r.rating', r] })])),
        spans: { $push: { a: '$r.assignedAt', b: '$r.answeredAt' } },
      },
    },
  ];
}

/** Each unit's record (src/contracts/unit-records.ts says what every figure counts). */
export function createUnitRecords(d: Pick<OpinionDeps, 'models' | 'config' | 'calendar'>) {
  const tz = d.config.timezone;

  function recordOf(row: Row): UnitRecord {
    const calendar = d.calendar();
    const spans = row.spans.filter((s): s is { a: Date; b: Date } => s.b instanceof Date);
    const days = spans.reduce((n, s) => n + workdaysBetween(s.a, s.b, tz, calendar), 0);
    const resolutions = Object.fromEntries(RESOLUTIONS.map((c) => [c, row[`class${c}`]])) as Record<Resolution, number>;
    const ratings = Object.fromEntries(RATINGS.map((r, i) => [r, row[ratingKey(i)]])) as Record<Rating, number>;
    const classified = RESOLUTIONS.reduce((n, c) => n + resolutions[c], 0);
    const satisfied = SATISFIED_RATINGS.reduce((n, r) => n + (ratings[r as Rating] ?? 0), 0);
    return {
      unit: row._id,
      received: row.received,
      answered: row.answered,
      answeredOnTime: row.onTime,
      answeredLate: row.answered - row.onTime,
      openOverdue: row.openOverdue,
      openInTime: row.received - row.answered - row.openOverdue,
      averageWorkdays: spans.length ? Math.round((days * 10) / spans.length) / 10 : null,
      resolutions,
      unclassified: row.answered - classified,
      rated: row.rated,
      ratings,
      onTimeRate: formatRate(row.onTime, row.answered),
      resolveRate: resolveRate(resolutions.A, row.answered),
      satisfactionRate: formatRate(satisfied, row.rated),
    };
  }

  /** Every unit's record for a (Beijing) year: most cases first, then by name. */
  async function unitRecords(year: number, now: Date): Promise<UnitRecord[]> {
    const window = {
      from: fromWallTime({ year, month: 1, day: 1 }, tz),
      to: fromWallTime({ year: year + 1, month: 1, day: 1 }, tz),
    };
    const rows = await d.models.Opinion.aggregate<Row>(recordsPipeline(window, now));
    return rows.map(recordOf).sort((a, b) => b.received - a.received || a.unit.localeCompare(b.unit, 'zh'));
  }

  return { unitRecords };
}
