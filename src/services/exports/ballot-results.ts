import { ballotWords } from '../../messages/exports';
import type { BallotView, Tally } from '../ballots';
import { column } from './columns';
import { type ColumnSpec, writeXlsx } from './xlsx-stream';

// Ballot results (票决结果): tallies only — the counts per candidate and the turnout, never who voted.

const spec = column;
const SUMMARY: ColumnSpec[] = [
  spec('ballotCode', 13),
  spec('title', 30),
  spec('ballotChoose', 12),
  spec('ballotDeadline', 17, 'datetime'),
  spec('ballotClosedAt', 17, 'datetime'),
  spec('ballotEntitled', 10, 'number'),
  spec('ballotTurnout', 10, 'number'),
  spec('ballotValid', 10),
  spec('ballotChosen', 40, 'longText'),
];
const TALLY: ColumnSpec[] = [
  spec('ballotNumber', 6, 'number'),
  spec('ballotCandidate', 30),
  spec('ballotVotes', 8, 'number'),
  spec('ballotOutcome', 22),
];

export interface BallotTally {
  ballot: BallotView;
  tally: Tally;
}

/** One summary sheet (a row per ballot), then a sheet of each ballot's tally named by its code. */
export async function writeBallotResults(
  d: { timezone: string },
  o: { out: string; results: BallotTally[] },
): Promise<{ file: string; rows: number }> {
  return writeXlsx(o.out, d.timezone, async (x) => {
    const summary = x.sheet(ballotWords.summarySheet, SUMMARY);
    for (const { ballot: b, tally } of o.results)
      await summary.addRow([
        b.code,
        b.title,
        ballotWords.choose(b),
        b.deadline,
        b.closedAt ?? b.deadline,
        tally.entitled,
        tally.turnout,
        tally.quorum ? ballotWords.valid : ballotWords.invalid,
        tally.lines
          .filter((l) => l.chosen)
          .map((l) => l.name)
          .join('、'),
      ]);
    for (const { ballot: b, tally } of o.results) {
      const sheet = x.sheet(b.code, TALLY);
      for (const l of tally.lines)
        await sheet.addRow([l.n, l.name, l.votes, l.chosen ? ballotWords.chosen : l.tied ? ballotWords.tied : '']);
    }
    return { file: o.out, rows: o.results.length };
  });
}
