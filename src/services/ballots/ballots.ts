import { createAppraisals } from './appraisal';
import { createClosing } from './ballot-close';
import { createOpening } from './ballot-open';
import { createBallotResults } from './ballot-results';
import type { BallotDeps, BallotView } from './ballot-row';
import { createVoting } from './ballot-vote';
import { createReminders } from './reminder';

export type { BallotDeps, BallotView };

/** Secret ballots (票决): opened by the office, voted once per entitled deputy, counted without names. */
export function createBallots(d: BallotDeps) {
  const appraisals = createAppraisals(d);
  const results = createBallotResults(d);
  return {
    ...createOpening(d),
    ...createVoting(d),
    ...results,
    ...createClosing(d, results.publicResult, appraisals),
    ...appraisals,
    ...createReminders(d),
  };
}

export type Ballots = ReturnType<typeof createBallots>;
