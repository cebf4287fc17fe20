import { recordWrite } from '../../models/audit-entry';
import { refuse } from '../../refusals';
import type { UnitRecord } from '../../contracts';
import type { Models } from '../../models';
import type { Notifier } from '../delivery';
import type { OfficeDirectory, Roster } from '../roster';

export interface BallotDeps {
  models: Models;
  notify: Notifier;
  roster: Roster;
  office: OfficeDirectory;
  timezone: string;
  /** Every unit's record of a year, from the opinions domain (a 部门评议 shows the units it rates). */
  unitRecords: (year: number, now: Date) => Promise<UnitRecord[]>;
}

/** What a ballot is: a pick among candidates (票决), or a rating of projects (满意度测评) or units (部门评议). */
export type BallotType = 'pick' | 'project' | 'unit';

/** A ballot as every reader may see it: no counts (those belong to a closed ballot's result). */
export interface BallotView {
  code: string;
  type: BallotType;
  title: string;
  /** A pick's candidates; a rating ballot's subjects (project titles, unit names). */
  candidates: string[];
  /** A rating ballot's subjects as records: project codes, unit names ([] for a pick). */
  subjectRefs: string[];
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

/** The stored ballot, as the service reads it. */
export interface BallotRow {
  code: string;
  year: number;
  kind: 'pick' | 'rating';
  ratingOf?: 'project' | 'unit' | null;
  subjectRefs?: string[] | null;
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

export function isClosed(r: BallotRow, now: Date): boolean {
  return Boolean(r.closedAt) || now.getTime() >= r.deadline.getTime();
}

export const typeOf = (r: Pick<BallotRow, 'kind' | 'ratingOf'>): BallotType =>
  r.kind === 'rating' ? (r.ratingOf ?? 'project') : 'pick';

export function toView(r: BallotRow, now: Date): BallotView {
  return {
    code: r.code,
    type: typeOf(r),
    title: r.title,
    candidates: r.candidates,
    subjectRefs: r.subjectRefs ?? [],
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

/** The ballot by code, or the refusal that it is not there. */
export async function findBallot(models: Models, code: string): Promise<BallotRow> {
  const row = await models.Ballot.findOne({ code }).lean<BallotRow>();
  if (!row) return refuse('ballot.notFound', { code });
  return row;
}

/**
 * Casts one vote: the voter joins `voters` and the chosen counts go up, in one update guarded on the ballot
 * being open, the voter entitled and not yet among the voters. Nothing else is written, so nothing stores a
 * voter next to a choice, and concurrent votes count once each.
 */
export async function castVote(
  models: Models,
  row: BallotRow,
  userid: string,
  slots: number[],
  now: Date,
): Promise<BallotRow> {
  const { code } = row;
  const inc: Record<string, number> = {};
  for (const i of slots) inc[`counts.${i}`] = 1;
  const done = await models.Ballot.findOneAndUpdate(
    { code, closedAt: { $exists: false }, deadline: { $gt: now }, entitled: userid, voters: { $ne: userid } },
    { $addToSet: { voters: userid }, $inc: inc },
    { returnDocument: 'after' },
  ).lean<BallotRow>();
  if (done) {
    // The entry names the voter (the door's actor) and the ballot, never the choice.
    await recordWrite({ kind: 'Ballot', code, op: 'update' });
    return done;
  }
  // Lost a race: closed meanwhile, or the same voter's other message counted first.
  const after = await findBallot(models, code);
  if (after.voters.includes(userid)) refuse('ballot.alreadyVoted', { code });
  return refuse('ballot.closed', { code, title: after.title });
}

/** Refuses a vote the ballot cannot take from this voter now (closed, not entitled, voted already). */
export function checkVoter(row: BallotRow, userid: string, now: Date): void {
  const { code } = row;
  if (isClosed(row, now)) refuse('ballot.closed', { code, title: row.title });
  if (!row.entitled.includes(userid)) refuse('ballot.notEntitled', { code });
  if (row.voters.includes(userid)) refuse('ballot.alreadyVoted', { code });
}
