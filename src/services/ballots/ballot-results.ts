import { refuse } from '../../refusals';
import { type BallotDeps, type BallotRow, type BallotView, findBallot, isClosed, toView } from './ballot-row';
import { type RatingTally, ratingTallyOf } from './rating-rules';
import { type Tally, tallyOf } from './rules';

/**
 * While open the office sees turnout and who has not voted; after, everyone sees the tally of a pick
 * (`closed`) or the ratings of a 测评 / 评议 (`rated`).
 */
export type BallotResult =
  | { state: 'open'; ballot: BallotView; notVoted: Array<{ userid: string; name: string }> }
  | { state: 'closed'; ballot: BallotView; tally: Tally }
  | { state: 'rated'; ballot: BallotView; ratings: RatingTally };

export type ClosedResult = Exclude<BallotResult, { state: 'open' }>;

/** A closed ballot's outcome, by its kind. */
export function outcomeOf(row: BallotRow, now: Date): ClosedResult {
  const counted = { ...row, turnout: row.voters.length, entitled: row.entitled.length };
  const ballot = toView(row, now);
  return row.kind === 'rating'
    ? { state: 'rated', ballot, ratings: ratingTallyOf(counted) }
    : { state: 'closed', ballot, tally: tallyOf(counted) };
}

/** What the ballots show: the open ones, the list, a result (turnout while open, the outcome once closed). */
export function createBallotResults(d: BallotDeps) {
  const { Ballot } = d.models;
  const find = (code: string) => findBallot(d.models, code);

  /** The outcome for anyone, once closed; while open it is hidden. */
  async function publicResult(code: string, now: Date): Promise<ClosedResult> {
    const row = await find(code);
    if (!isClosed(row, now)) refuse('ballot.stillOpen', { code, title: row.title });
    return outcomeOf(row, now);
  }

  return {
    /** Ballots still open, newest first, with whether `userid` has voted (and may vote). */
    async openFor(userid: string, now: Date): Promise<Array<BallotView & { voted: boolean; entitledToVote: boolean }>> {
      const rows = await Ballot.find({ closedAt: { $exists: false }, deadline: { $gt: now } })
        .sort({ year: -1, seq: -1 })
        .lean<BallotRow[]>();
      return rows.map((r) => ({
        ...toView(r, now),
        voted: r.voters.includes(userid),
        entitledToVote: r.entitled.includes(userid),
      }));
    },

    /** Every ballot, newest first (the console's list). */
    async list(now: Date): Promise<BallotView[]> {
      const rows = await Ballot.find({}).sort({ year: -1, seq: -1 }).limit(200).lean<BallotRow[]>();
      return rows.map((r) => toView(r, now));
    },

    /**
     * The result for someone who may see it: an open ballot's turnout and who has not voted (office only; the
     * door decides who asks), a closed one's outcome. Deputies asking while open are refused by `publicResult`.
     */
    async result(code: string, now: Date): Promise<BallotResult> {
      const row = await find(code);
      if (isClosed(row, now)) return outcomeOf(row, now);
      const names = await d.roster.namesOf(row.entitled);
      const voted = new Set(row.voters);
      const notVoted = row.entitled
        .filter((u) => !voted.has(u))
        .map((userid) => ({ userid, name: names.get(userid) ?? userid }));
      return { state: 'open', ballot: toView(row, now), notVoted };
    },

    publicResult,

    /** Each ballot of a year, closed by `now`, with its outcome (the year-end pack, the result sheets). */
    async closedOfYear(year: number, now: Date): Promise<ClosedResult[]> {
      const rows = await Ballot.find({ year }).sort({ seq: 1 }).lean<BallotRow[]>();
      return rows.filter((r) => isClosed(r, now)).map((r) => outcomeOf(r, now));
    },
  };
}
