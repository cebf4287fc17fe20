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
export { formatResult } from './format';
