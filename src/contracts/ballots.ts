// 票决 in the console. Nothing here names who chose what: the server keeps no such record.
import type { Instant, Person } from './common';

export interface Ballot {
  code: string;
  title: string;
  candidates: string[];
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

/** GET /ballots/:code (and the answer of close / announce): while open, who has not voted; once closed, the tally. */
export type BallotDetail =
  | { state: 'open'; ballot: Ballot; notVoted: Person[] }
  | { state: 'closed'; ballot: Ballot; tally: { quorum: boolean; lines: BallotTallyLine[] } };

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
