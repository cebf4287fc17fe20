import type { Models } from '../../models';
import { recordWrite } from '../../models/audit-entry';
import { isDuplicateKey } from '../../models/duplicate-key';
import { refuse } from '../../refusals';
import { yearOf } from '../../time/zone';
import { formatCode, nextCode } from '../codes';
import type { OfficeDirectory, Roster } from '../roster';
import type { BallotRow } from './ballot-row';

export interface InsertDeps {
  models: Models;
  roster: Roster;
  office: OfficeDirectory;
  timezone: string;
}

/** What differs between ballot kinds; the rest (code, voters, the request's origin) is the same for all. */
export interface BallotFields {
  kind: 'pick' | 'rating';
  ratingOf?: 'project' | 'unit';
  subjectRefs?: string[];
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: Date;
  /** Zero per slot: one per candidate, or one per subject and rating. */
  counts: number[];
}

/** The active deputies on the roster, without the office's staff. */
async function entitledNow(d: InsertDeps): Promise<string[]> {
  const office = new Set(await d.office.userIds());
  return (await d.roster.activeDeputies()).map((p) => p.userid).filter((u) => !office.has(u));
}

/**
 * The ballot this request opened before (a retried message or form), or a new one numbered PJ<year>-<seq> for
 * the deputies on the roster now. Two deliveries of one request at once: the unique origin keeps one.
 */
export async function insertBallot(
  d: InsertDeps,
  fields: BallotFields,
  req: { actor: { userid: string }; origin: string; now: Date },
): Promise<BallotRow> {
  const { Ballot } = d.models;
  const before = await Ballot.findOne({ origin: req.origin }).lean<BallotRow>();
  if (before) return before;
  const entitled = await entitledNow(d);
  if (entitled.length === 0) refuse('ballot.noVoters', {});
  const code = await nextCode(d.models, 'PJ', yearOf(req.now, d.timezone));
  try {
    const created = await Ballot.create({
      ...fields,
      code: formatCode(code),
      year: code.year,
      seq: code.seq,
      entitled,
      voters: [],
      openedBy: req.actor.userid,
      openedAt: req.now,
      origin: req.origin,
    });
    await recordWrite({ kind: 'Ballot', code: created.code, op: 'create' });
    return created.toObject() as unknown as BallotRow;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const row = await Ballot.findOne({ origin: req.origin }).lean<BallotRow>();
    if (!row) throw err;
    return row;
  }
}
