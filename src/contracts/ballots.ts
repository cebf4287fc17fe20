// 票决, 满意度测评 and 部门评议 in the console. Nothing here names who chose what: the server keeps no such record.
import type { Instant, Person } from './common';
import type { BallotKindLabel } from './labels';
import type { UnitRecord } from './unit-records';

export interface Ballot {
  code: string;
  /** A pick among candidates, or a rating of projects (测评) or units (评议). */
  type: BallotKindLabel;
  title: string;
  /** A pick's candidates; a rating ballot's subjects (project titles, unit names). */
  candidates: string[];
  /** A rating ballot's subjects as records: project codes or unit names. */
  subjectRefs: string[];
  choose: number;
  /** Up to `choose` (true) or exactly `choose` (false). */
  upTo: boolean;
  deadline: Instant;
  openedAt: Instant;
  closedAt: Instant | null;
  closed: boolean;
  announcedAt: Instant | null;
  turnout: number;
  entitled: number;
}

/** GET /ballots */
export interface BallotList {
  items: Ballot[];
}

export interface BallotTallyLine {
  n: number;
  name: string;
  votes: number;
  chosen: boolean;
  /** Tied at the last place that is chosen: the office decides. */
  tied: boolean;
}

/** One subject of a 测评 / 评议: its count per rating (满意, 基本满意, 不满意) and 满意率. */
export interface RatingTallyLine {
  n: number;
  name: string;
  ref: string;
  counts: number[];
  rated: number;
  rate: string;
}

/**
 * GET /ballots/:code (and the answer of close / announce): while open, who has not voted; once closed, the tally
 * of a pick or the ratings of a 测评 / 评议. `records`: a 部门评议's units' records ([] otherwise).
 */
export type BallotDetail =
  | { state: 'open'; ballot: Ballot; notVoted: Person[]; records: UnitRecord[] }
  | { state: 'closed'; ballot: Ballot; tally: { quorum: boolean; lines: BallotTallyLine[] } }
  | {
      state: 'rated';
      ballot: Ballot;
      ratings: { quorum: boolean; lines: RatingTallyLine[] };
      records: UnitRecord[];
    };

/** POST /ballots/appraisals: subjects are project codes (none: the year's projects) or unit names. */
export interface AppraisalOpenBody {
  of: 'project' | 'unit';
  title: string;
  subjects: string[];
  deadline: string;
  requestId: string;
}

/** GET /ballots/appraisal-options: what the appraisal form offers. */
export interface AppraisalOptions {
  projects: Array<{ code: string; title: string }>;
  units: string[];
}

/** POST /ballots/:code/remind: reminds the non-voters privately; `unreachable` could not be told privately. */
export interface BallotRemindBody {
  requestId: string;
}
export interface BallotReminder {
  told: number;
  unreachable: Person[];
  turnout: number;
  entitled: number;
}

/** POST /ballots: the deadline is wall time in the deployment's zone (`YYYY-MM-DD HH:mm`). */
export interface BallotOpenBody {
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: string;
  requestId: string;
}

/** POST /ballots/:code/close */
export interface BallotCloseBody {
  announce: boolean;
}
