import { recordWrite } from '../../models/audit-entry';
import { refuse } from '../../refusals';
import type { Appraisals } from './appraisal';
import { type BallotDeps, type BallotRow, type BallotView, findBallot, toView } from './ballot-row';
import type { ClosedResult } from './ballot-results';
import { formatResult } from './format';

/** 结束票决 and 公布票决: voting ends; the outcome goes to the group once. */
export function createClosing(
  d: BallotDeps,
  publicResult: (code: string, now: Date) => Promise<ClosedResult>,
  appraisals: Pick<Appraisals, 'describe'>,
) {
  const { Ballot } = d.models;
  const find = (code: string) => findBallot(d.models, code);
  return {
    /** Ends voting now; a ballot already closed (or past its deadline) is refused. */
    async close(code: string, by: string, now: Date): Promise<BallotView> {
      const done = await Ballot.findOneAndUpdate(
        { code, closedAt: { $exists: false }, deadline: { $gt: now } },
        { $set: { closedAt: now, closedBy: by } },
        { returnDocument: 'after' },
      ).lean<BallotRow>();
      if (done) {
        await recordWrite({ kind: 'Ballot', code, op: 'update' });
        return toView(done, now);
      }
      const row = await find(code);
      return refuse('ballot.closed', { code, title: row.title });
    },

    /** Marks a closed ballot announced; the group push itself is keyed by the code, so a retry sends it once. */
    async announce(code: string, now: Date): Promise<BallotView> {
      const result = await publicResult(code, now);
      const marked = await Ballot.updateOne({ code, announcedAt: { $exists: false } }, { $set: { announcedAt: now } });
      if (marked.modifiedCount > 0) await recordWrite({ kind: 'Ballot', code, op: 'update' });
      const words =
        result.state === 'closed' ? formatResult(result.ballot, result.tally) : await appraisals.describe(result, now);
      await d.notify.toGroup(`ballot-result:${code}`, words);
      return { ...result.ballot, announcedAt: result.ballot.announcedAt ?? now };
    },
  };
}
