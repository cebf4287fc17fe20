// The ballots domain (票决): secret ballots opened by the office and voted one-to-one by deputies.
export {
  type BallotDeps,
  type BallotResult,
  type BallotView,
  type Ballots,
  type OpenBallotInput,
  createBallots,
} from './ballots';
export { BALLOT_LIMITS, type Tally, type TallyLine, tallyOf } from './rules';
export { type BallotType } from './ballot-row';
export { type ClosedResult, outcomeOf } from './ballots';
export { type OpenAppraisalInput } from './appraisal';
export { APPRAISAL_LIMITS, RATING_WORDS, type RatingLine, type RatingTally } from './rating-rules';
export { type ReminderResult } from './reminder';
export { formatResult } from './format';
