import type { Models } from '../../models';
import { fromWallTime } from '../../time/zone';
import { formatRate } from '../opinions';

// The minimum 部门评议 needs of a unit's year (cases handled, answered on time, 满意率), counted from the opinions'
// handling rounds assigned that year, as the units' workbook counts them. Kept here, under its own name, until
// the opinions domain's unit records (src/services/opinions/unit-records.ts) can take its place.

export interface AppraisalUnitRecord {
  unit: string;
  /** Handling rounds assigned to the unit in the year (withdrawn and rejected opinions left out). */
  cases: number;
  answered: number;
  onTime: number;
  rated: number;
  satisfied: number;
  /** 按期答复率: answered by the deadline ÷ answered (as the units' workbook counts it). */
  onTimeRate: string;
  /** 满意率: (满意 + 基本满意) ÷ rated. */
  satisfactionRate: string;
}

interface Group {
  _id: string;
  cases: number;
  answered: number;
  onTime: number;
  rated: number;
  satisfied: number;
}

/** Each named unit's record for the year (a unit with no case gets zeros and — rates). */
export async function appraisalUnitRecords(
  d: { models: Models; timezone: string },
  units: string[],
  year: number,
): Promise<AppraisalUnitRecord[]> {
  const inYear = {
    $gte: fromWallTime({ year, month: 1, day: 1 }, d.timezone),
    $lt: fromWallTime({ year: year + 1, month: 1, day: 1 }, d.timezone),
  };
  const answered = { $cond: [{ $gt: ['$r.answeredAt', null] }, 1, 0] };
  const groups = await d.models.Opinion.aggregate<Group>([
    { $match: { 'rounds.assignedAt': inYear, status: { $nin: ['已撤回', '已退回'] } } },
    { $project: { r: '$rounds' } },
    { $unwind: '$r' },
    { $match: { 'r.assignedAt': inYear, 'r.unit': { $in: units } } },
    {
      $group: {
        _id: '$r.unit',
        cases: { $sum: 1 },
        answered: { $sum: answered },
        onTime: {
          $sum: {
            $cond: [{ $and: [{ $gt: ['$r.answeredAt', null] }, { $lte: ['$r.answeredAt', '$r.deadline'] }] }, 1, 0],
          },
        },
        rated: { $sum: { $cond: [{ $in: ['$r.rating', ['满意', '基本满意', '不满意']] }, 1, 0] } },
        satisfied: { $sum: { $cond: [{ $in: ['$r.rating', ['满意', '基本满意']] }, 1, 0] } },
      },
    },
  ]);
  const byUnit = new Map(groups.map((g) => [g._id, g]));
  return units.map((unit) => {
    const g = byUnit.get(unit) ?? { cases: 0, answered: 0, onTime: 0, rated: 0, satisfied: 0 };
    return {
      unit,
      cases: g.cases,
      answered: g.answered,
      onTime: g.onTime,
      rated: g.rated,
      satisfied: g.satisfied,
      onTimeRate: formatRate(g.onTime, g.answered),
      satisfactionRate: formatRate(g.satisfied, g.rated),
    };
  });
}
