// The ballots domain (票决): secret ballots opened by the office and voted one-to-one by deputies.
export { type BallotDeps, type BallotView, type Ballots, createBallots } from './ballots';
export type { OpenBallotInput } from './ballot-open';
export { type BallotResult, type ClosedResult, outcomeOf } from './ballot-results';
export { BALLOT_LIMITS, type Tally, type TallyLine, tallyOf } from './rules';
export { type BallotType } from './ballot-row';
export { type OpenAppraisalInput } from './appraisal-subjects';
export { APPRAISAL_LIMITS, RATING_WORDS, type RatingLine, type RatingTally } from './rating-rules';
export { type ReminderResult } from './reminder';
export { formatResult } from './format';
