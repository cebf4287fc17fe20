import { projectSheetWords as W } from '../../messages/projects';
import type { UnitRecord } from '../../contracts';
import type { BallotView, RatingTally } from '../ballots';
import { type ColumnSpec, writeXlsx } from './xlsx-stream';

// 测评 and 评议 results: tallies only — each subject's count per rating and its 满意率, never who rated what;
// a 部门评议's sheet also carries each unit's record from the opinions it handled that year.

export interface AppraisalTally {
  ballot: BallotView;
  ratings: RatingTally;
  records: UnitRecord[];
}

const H = W.headers;
const SUMMARY: ColumnSpec[] = [
  { header: H.ballotCode, width: 13 },
  { header: H.ballotTitle, width: 30 },
  { header: H.ballotKind, width: 11 },
  { header: H.deadline, width: 17, kind: 'datetime' },
  { header: H.closedAt, width: 17, kind: 'datetime' },
  { header: H.entitled, width: 10, kind: 'number' },
  { header: H.turnout, width: 10, kind: 'number' },
  { header: H.validity, width: 14 },
];
const LINES: ColumnSpec[] = [
  { header: H.n, width: 6, kind: 'number' },
  { header: H.subject, width: 28 },
  ...[H.satisfied, H.basic, H.dissatisfied, H.rated].map((h) => ({ header: h, width: 9, kind: 'number' as const })),
  { header: H.rate, width: 9 },
];
const RECORDS: ColumnSpec[] = [
  ...[H.cases, H.answered, H.onTime].map((h) => ({ header: h, width: 11, kind: 'number' as const })),
  { header: H.onTimeRate, width: 11 },
  { header: H.averageWorkdays, width: 12, kind: 'number' },
  { header: H.resolveRate, width: 9 },
  { header: H.opinionRate, width: 13 },
];

/** One summary sheet (a row per 测评 / 评议), then a sheet of each one's lines named by its code. */
export async function writeAppraisalResults(
  d: { timezone: string },
  o: { out: string; results: AppraisalTally[] },
): Promise<{ file: string; rows: number }> {
  return writeXlsx(o.out, d.timezone, async (x) => {
    const summary = x.sheet(W.appraisalSummarySheet, SUMMARY);
    for (const { ballot: b, ratings } of o.results)
      await summary.addRow([
        b.code,
        b.title,
        b.type === 'pick' ? '' : W.kind[b.type],
        b.deadline,
        b.closedAt ?? b.deadline,
        ratings.entitled,
        ratings.turnout,
        ratings.quorum ? W.valid : W.invalid,
      ]);
    for (const { ballot: b, ratings, records } of o.results) {
      const sheet = x.sheet(b.code, records.length ? [...LINES, ...RECORDS] : LINES);
      for (const l of ratings.lines) {
        const r = records.find((u) => u.unit === l.ref);
        const own = [l.n, l.name, ...l.counts, l.rated, l.rate];
        const theirs = r
          ? [
              r.received,
              r.answered,
              r.answeredOnTime,
              r.onTimeRate,
              r.averageWorkdays,
              r.resolveRate,
              r.satisfactionRate,
            ]
          : [];
        await sheet.addRow([...own, ...theirs]);
      }
    }
    return { file: o.out, rows: o.results.length };
  });
}
