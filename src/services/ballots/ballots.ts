import { refuse } from '../../refusals';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import { yearOf } from '../../time/zone';
import { formatCode, nextCode } from '../codes';
import type { Notifier } from '../delivery';
import type { OfficeDirectory, Roster } from '../roster';
import { formatOpenedPush, formatResult } from './format';
import { BALLOT_LIMITS, type Tally, tallyOf } from './rules';

export interface BallotDeps {
  models: Models;
  notify: Notifier;
  roster: Roster;
  office: OfficeDirectory;
  timezone: string;
}

/** A ballot as every reader may see it: no counts (those belong to a closed ballot's result). */
export interface BallotView {
  code: string;
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: Date;
  openedAt: Date;
  closedAt?: Date;
  /** Closed by the office or past its deadline. */
  closed: boolean;
  announcedAt?: Date;
  turnout: number;
  entitled: number;
}

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

/** While open the office sees turnout and who has not voted; after, everyone sees the tally. */
export type BallotResult =
  | { state: 'open'; ballot: BallotView; notVoted: Array<{ userid: string; name: string }> }
  | { state: 'closed'; ballot: BallotView; tally: Tally };

interface Row {
  code: string;
  year: number;
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: Date;
  entitled: string[];
  voters: string[];
  counts: number[];
  openedAt: Date;
  closedAt?: Date | null;
  announcedAt?: Date | null;
}

const chars = (s: string) => [...s].length;

function isClosed(r: Row, now: Date): boolean {
  return Boolean(r.closedAt) || now.getTime() >= r.deadline.getTime();
}

function toView(r: Row, now: Date): BallotView {
  return {
    code: r.code,
    title: r.title,
    candidates: r.candidates,
    choose: r.choose,
    upTo: r.upTo,
    deadline: r.deadline,
    openedAt: r.openedAt,
    closedAt: r.closedAt ?? undefined,
    closed: isClosed(r, now),
    announcedAt: r.announcedAt ?? undefined,
    turnout: r.voters.length,
    entitled: r.entitled.length,
  };
}

/** Secret ballots (票决): opened by the office, voted once per entitled deputy, counted without names. */
export function createBallots(d: BallotDeps) {
  const { Ballot } = d.models;

  async function find(code: string): Promise<Row> {
    const row = await Ballot.findOne({ code }).lean<Row>();
    if (!row) return refuse('ballot.notFound', { code });
    return row;
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

  /** The active deputies on the roster, without the office's staff. */
  async function entitledNow(): Promise<string[]> {
    const office = new Set(await d.office.userIds());
    return (await d.roster.activeDeputies()).map((p) => p.userid).filter((u) => !office.has(u));
  }

  async function create(input: OpenBallotInput, fields: { title: string; candidates: string[] }): Promise<Row> {
    const entitled = await entitledNow();
    if (entitled.length === 0) refuse('ballot.noVoters', {});
    const code = await nextCode(d.models, 'PJ', yearOf(input.now, d.timezone));
    try {
      const created = await Ballot.create({
        ...fields,
        code: formatCode(code),
        year: code.year,
        seq: code.seq,
        kind: 'pick',
        choose: input.choose,
        upTo: input.upTo,
        deadline: input.deadline,
        entitled,
        voters: [],
        counts: fields.candidates.map(() => 0),
        openedBy: input.actor.userid,
        openedAt: input.now,
        origin: input.origin,
      });
      return created.toObject() as unknown as Row;
    } catch (err) {
      // The same request, delivered twice at once: the other delivery created it.
      if (!isDuplicateKey(err)) throw err;
      const row = await Ballot.findOne({ origin: input.origin }).lean<Row>();
      if (!row) throw err;
      return row;
    }
  }

  /** The tally for anyone, once closed; while open it is hidden. */
  async function publicResult(code: string, now: Date): Promise<Extract<BallotResult, { state: 'closed' }>> {
    const row = await find(code);
    if (!isClosed(row, now)) refuse('ballot.stillOpen', { code, title: row.title });
    const tally = tallyOf({ ...row, turnout: row.voters.length, entitled: row.entitled.length });
    return { state: 'closed', ballot: toView(row, now), tally };
  }

  return {
    /**
     * Opens a ballot; the same origin (a retried message) opens it once. The group's notice is keyed by the code,
     * so a retry after a crash between the two sends it then, and never twice.
     */
    async open(input: OpenBallotInput): Promise<BallotView> {
      const fields = check(input);
      const row = (await Ballot.findOne({ origin: input.origin }).lean<Row>()) ?? (await create(input, fields));
      const view = toView(row, input.now);
      await d.notify.toGroup(`ballot-open:${view.code}`, formatOpenedPush(view, d.timezone));
      return view;
    },

    /**
     * Casts one vote: the voter joins `voters` and each chosen candidate's count goes up, in one update guarded
     * on the ballot being open, the voter entitled and not yet among the voters. Nothing else is written.
     */
    async vote(code: string, userid: string, choices: number[], now: Date): Promise<BallotView> {
      const row = await find(code);
      if (isClosed(row, now)) refuse('ballot.closed', { code, title: row.title });
      if (!row.entitled.includes(userid)) refuse('ballot.notEntitled', { code });
      if (row.voters.includes(userid)) refuse('ballot.alreadyVoted', { code });
      const bad = choices.find((n) => !Number.isInteger(n) || n < 1 || n > row.candidates.length);
      if (bad !== undefined) refuse('ballot.badChoice', { code, input: bad, max: row.candidates.length });
      const distinct = [...new Set(choices)];
      if (distinct.length !== choices.length) refuse('ballot.choiceTwice', { code });
      const countOk = row.upTo ? distinct.length >= 1 && distinct.length <= row.choose : distinct.length === row.choose;
      if (!countOk) refuse('ballot.wrongCount', { code, choose: row.choose, upTo: row.upTo, given: distinct.length });
      const inc: Record<string, number> = {};
      for (const n of distinct) inc[`counts.${n - 1}`] = 1;
      const done = await Ballot.updateOne(
        {
          code,
          closedAt: { $exists: false },
          deadline: { $gt: now },
          entitled: userid,
          voters: { $ne: userid },
        },
        { $addToSet: { voters: userid }, $inc: inc },
      );
      if (done.modifiedCount === 1) return toView(await find(code), now);
      // Lost a race: closed meanwhile, or the same voter's other message counted first.
      const after = await find(code);
      if (after.voters.includes(userid)) refuse('ballot.alreadyVoted', { code });
      return refuse('ballot.closed', { code, title: after.title });
    },

    /** Ballots still open, newest first, with whether `userid` has voted (and may vote). */
    async openFor(userid: string, now: Date): Promise<Array<BallotView & { voted: boolean; entitledToVote: boolean }>> {
      const rows = await Ballot.find({ closedAt: { $exists: false }, deadline: { $gt: now } })
        .sort({ year: -1, seq: -1 })
        .lean<Row[]>();
      return rows.map((r) => ({
        ...toView(r, now),
        voted: r.voters.includes(userid),
        entitledToVote: r.entitled.includes(userid),
      }));
    },

    /** Every ballot, newest first (the console's list). */
    async list(now: Date): Promise<BallotView[]> {
      const rows = await Ballot.find({}).sort({ year: -1, seq: -1 }).limit(200).lean<Row[]>();
      return rows.map((r) => toView(r, now));
    },

    /**
     * The result for someone who may see it: an open ballot's turnout and who has not voted (office only; the
     * door decides who asks), a closed one's tally. Deputies asking while open are refused by `resultFor`.
     */
    async result(code: string, now: Date): Promise<BallotResult> {
      const row = await find(code);
      const ballot = toView(row, now);
      if (!ballot.closed) {
        const names = await d.roster.namesOf(row.entitled);
        const voted = new Set(row.voters);
        const notVoted = row.entitled
          .filter((u) => !voted.has(u))
          .map((userid) => ({ userid, name: names.get(userid) ?? userid }));
        return { state: 'open', ballot, notVoted };
      }
      const tally = tallyOf({ ...row, turnout: row.voters.length, entitled: row.entitled.length });
      return { state: 'closed', ballot, tally };
    },

    publicResult,

    /** Ends voting now; a ballot already closed (or past its deadline) is refused. */
    async close(code: string, by: string, now: Date): Promise<BallotView> {
      const done = await Ballot.findOneAndUpdate(
        { code, closedAt: { $exists: false }, deadline: { $gt: now } },
        { $set: { closedAt: now, closedBy: by } },
        { returnDocument: 'after' },
      ).lean<Row>();
      if (done) return toView(done, now);
      const row = await find(code);
      return refuse('ballot.closed', { code, title: row.title });
    },

    /** Marks a closed ballot announced; the group push itself is keyed by the code, so a retry sends it once. */
    async announce(code: string, now: Date): Promise<BallotView> {
      const { ballot, tally } = await publicResult(code, now);
      await Ballot.updateOne({ code, announcedAt: { $exists: false } }, { $set: { announcedAt: now } });
      await d.notify.toGroup(`ballot-result:${code}`, formatResult(ballot, tally));
      return { ...ballot, announcedAt: ballot.announcedAt ?? now };
    },

    /** Each ballot of a year, closed by `now`, with its tally (the year-end pack, the result sheet). */
    async closedOfYear(year: number, now: Date): Promise<Array<{ ballot: BallotView; tally: Tally }>> {
      const rows = await Ballot.find({ year }).sort({ seq: 1 }).lean<Row[]>();
      return rows
        .filter((r) => isClosed(r, now))
        .map((r) => ({
          ballot: toView(r, now),
          tally: tallyOf({ ...r, turnout: r.voters.length, entitled: r.entitled.length }),
        }));
    },
  };
}

export type Ballots = ReturnType<typeof createBallots>;
