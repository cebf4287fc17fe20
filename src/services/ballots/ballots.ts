import { recordWrite } from '../../models/audit-entry';
import { refuse } from '../../refusals';
import {
  type BallotDeps,
  type BallotRow,
  type BallotView,
  castVote,
  checkVoter,
  findBallot,
  isClosed,
  toView,
} from './ballot-row';
import { insertBallot } from './ballot-insert';
import { createAppraisals } from './appraisal';
import { formatOpenedPush, formatResult } from './format';
import { type RatingTally, ratingTallyOf } from './rating-rules';
import { createReminders } from './reminder';
import { BALLOT_LIMITS, type Tally, tallyOf } from './rules';

export type { BallotDeps, BallotView };

export interface OpenBallotInput {
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: Date;
  actor: { userid: string };
  /** The request's idempotency key (a message id, a console request id). */
  origin: string;
  now: Date;
}

/**
 * While open the office sees turnout and who has not voted; after, everyone sees the tally of a pick
 * (`closed`) or the ratings of a 测评 / 评议 (`rated`).
 */
export type BallotResult =
  | { state: 'open'; ballot: BallotView; notVoted: Array<{ userid: string; name: string }> }
  | { state: 'closed'; ballot: BallotView; tally: Tally }
  | { state: 'rated'; ballot: BallotView; ratings: RatingTally };

export type ClosedResult = Exclude<BallotResult, { state: 'open' }>;

const chars = (s: string) => [...s].length;

/** A closed ballot's outcome, by its kind. */
export function outcomeOf(row: BallotRow, now: Date): ClosedResult {
  const counted = { ...row, turnout: row.voters.length, entitled: row.entitled.length };
  const ballot = toView(row, now);
  return row.kind === 'rating'
    ? { state: 'rated', ballot, ratings: ratingTallyOf(counted) }
    : { state: 'closed', ballot, tally: tallyOf(counted) };
}

function check(input: OpenBallotInput): { title: string; candidates: string[] } {
  const title = input.title.trim();
  const L = BALLOT_LIMITS;
  if (!title) refuse('ballot.titleMissing', {});
  if (chars(title) > L.titleMaxChars) refuse('ballot.titleTooLong', { max: L.titleMaxChars });
  const candidates = input.candidates.map((c) => c.trim()).filter(Boolean);
  if (candidates.length < L.minCandidates) refuse('ballot.tooFewCandidates', { min: L.minCandidates });
  if (candidates.length > L.maxCandidates) refuse('ballot.tooManyCandidates', { max: L.maxCandidates });
  const long = candidates.find((c) => chars(c) > L.candidateMaxChars);
  if (long) refuse('ballot.candidateTooLong', { max: L.candidateMaxChars, name: [...long].slice(0, 12).join('') });
  const twice = candidates.find((c, i) => candidates.indexOf(c) !== i);
  if (twice) refuse('ballot.candidateTwice', { name: twice });
  if (!Number.isInteger(input.choose) || input.choose < 1 || input.choose >= candidates.length)
    refuse('ballot.badChoose', { choose: input.choose, candidates: candidates.length });
  if (input.deadline.getTime() <= input.now.getTime())
    refuse('ballot.pastDeadline', { deadline: input.deadline, now: input.now });
  return { title, candidates };
}

/** Secret ballots (票决): opened by the office, voted once per entitled deputy, counted without names. */
export function createBallots(d: BallotDeps) {
  const { Ballot } = d.models;
  const find = (code: string) => findBallot(d.models, code);
  const appraisals = createAppraisals(d);

  /** The outcome for anyone, once closed; while open it is hidden. */
  async function publicResult(code: string, now: Date): Promise<ClosedResult> {
    const row = await find(code);
    if (!isClosed(row, now)) refuse('ballot.stillOpen', { code, title: row.title });
    return outcomeOf(row, now);
  }

  return {
    /**
     * Opens a ballot; the same origin (a retried message) opens it once. The group's notice is keyed by the code,
     * so a retry after a crash between the two sends it then, and never twice.
     */
    async open(input: OpenBallotInput): Promise<BallotView> {
      const fields = check(input);
      const row = await insertBallot(
        d,
        {
          ...fields,
          kind: 'pick',
          choose: input.choose,
          upTo: input.upTo,
          deadline: input.deadline,
          counts: fields.candidates.map(() => 0),
        },
        input,
      );
      const view = toView(row, input.now);
      await d.notify.toGroup(`ballot-open:${view.code}`, formatOpenedPush(view, d.timezone));
      return view;
    },

    /** Casts a pick: the chosen candidates' counts go up with the voter's name among the voters, in one update. */
    /** The ballot `userid` may vote in now; refuses as 投票 would (no such ballot, closed, voted, not entitled). */
    async votable(code: string, userid: string, now: Date): Promise<BallotView> {
      const row = await find(code);
      checkVoter(row, userid, now);
      return toView(row, now);
    },

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

    /** Ends voting now; a ballot already closed (or past its deadline) is refused. */
    async close(code: string, by: string, now: Date): Promise<BallotView> {
      const done = await Ballot.findOneAndUpdate(
        { code, closedAt: { $exists: false }, deadline: { $gt: now } },
        { $set: { closedAt: now, closedBy: by } },
        { returnDocument: 'after' },
      ).lean<BallotRow>();
      if (done) {
        await recordWrite({ kind: Ballot.modelName, code, op: 'update' });
        return toView(done, now);
      }
      const row = await find(code);
      return refuse('ballot.closed', { code, title: row.title });
    },

    /** Marks a closed ballot announced; the group push itself is keyed by the code, so a retry sends it once. */
    async announce(code: string, now: Date): Promise<BallotView> {
      const result = await publicResult(code, now);
      const marked = await Ballot.updateOne({ code, announcedAt: { $exists: false } }, { $set: { announcedAt: now } });
      if (marked.modifiedCount > 0) await recordWrite({ kind: Ballot.modelName, code, op: 'update' });
      const words =
        result.state === 'closed' ? formatResult(result.ballot, result.tally) : await appraisals.describe(result, now);
      await d.notify.toGroup(`ballot-result:${code}`, words);
      return { ...result.ballot, announcedAt: result.ballot.announcedAt ?? now };
    },

    /** Each ballot of a year, closed by `now`, with its outcome (the year-end pack, the result sheets). */
    async closedOfYear(year: number, now: Date): Promise<ClosedResult[]> {
      const rows = await Ballot.find({ year }).sort({ seq: 1 }).lean<BallotRow[]>();
      return rows.filter((r) => isClosed(r, now)).map((r) => outcomeOf(r, now));
    },

    ...appraisals,
    ...createReminders(d),
  };
}

export type Ballots = ReturnType<typeof createBallots>;
