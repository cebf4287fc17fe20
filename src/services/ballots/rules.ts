/** Limits of what a ballot holds: a chat line and a phone screen must carry it. */
export const BALLOT_LIMITS = { titleMaxChars: 60, candidateMaxChars: 40, minCandidates: 2, maxCandidates: 30 };

export interface TallyLine {
  /** 序号, from 1. */
  n: number;
  name: string;
  votes: number;
  chosen: boolean;
  /** Tied at the last place that is chosen: the office decides (a run-off), none of the tied is chosen. */
  tied: boolean;
}

export interface Tally {
  lines: TallyLine[];
  turnout: number;
  entitled: number;
  /** More than half of all entitled voters took part. */
  quorum: boolean;
}

/**
 * The outcome: with a quorum, the `choose` candidates with the most votes (and at least one); a tie across the
 * last chosen place chooses none of the tied. Without a quorum nothing is chosen.
 */
export function tallyOf(b: {
  candidates: string[];
  counts: number[];
  choose: number;
  turnout: number;
  entitled: number;
}): Tally {
  const quorum = b.turnout * 2 > b.entitled;
  const sorted = [...b.counts].sort((x, y) => y - x);
  const last = sorted[b.choose - 1] ?? 0;
  const next = sorted[b.choose] ?? -1;
  const lines = b.candidates.map((name, i) => {
    const votes = b.counts[i] ?? 0;
    const tied = quorum && votes > 0 && votes === last && last === next;
    return { n: i + 1, name, votes, tied, chosen: quorum && votes > 0 && votes >= last && !tied };
  });
  return { lines, turnout: b.turnout, entitled: b.entitled, quorum };
}
