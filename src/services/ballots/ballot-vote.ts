import { refuse } from '../../refusals';
import { type BallotDeps, type BallotView, castVote, checkVoter, findBallot, toView } from './ballot-row';

/** 投票 on a pick: who may vote now, and the vote itself (one guarded update; ballot-row.ts). */
export function createVoting(d: BallotDeps) {
  const find = (code: string) => findBallot(d.models, code);
  return {
    /** The ballot `userid` may vote in now; refuses as 投票 would (no such ballot, closed, voted, not entitled). */
    async votable(code: string, userid: string, now: Date): Promise<BallotView> {
      const row = await find(code);
      checkVoter(row, userid, now);
      return toView(row, now);
    },

    /** Casts a pick: the chosen candidates' counts go up with the voter's name among the voters, in one update. */
    async vote(code: string, userid: string, choices: number[], now: Date): Promise<BallotView> {
      const row = await find(code);
      checkVoter(row, userid, now);
      if (row.kind !== 'pick') refuse('ballot.wrongKind', { code, rating: true, subjects: row.candidates.length });
      const bad = choices.find((n) => !Number.isInteger(n) || n < 1 || n > row.candidates.length);
      if (bad !== undefined) refuse('ballot.badChoice', { code, input: bad, max: row.candidates.length });
      const distinct = [...new Set(choices)];
      if (distinct.length !== choices.length) refuse('ballot.choiceTwice', { code });
      const countOk = row.upTo ? distinct.length >= 1 && distinct.length <= row.choose : distinct.length === row.choose;
      if (!countOk) refuse('ballot.wrongCount', { code, choose: row.choose, upTo: row.upTo, given: distinct.length });
      return toView(
        await castVote(
          d.models,
          row,
          userid,
          distinct.map((n) => n - 1),
          now,
        ),
        now,
      );
    },
  };
}
