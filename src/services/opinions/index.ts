// The opinions domain (意见建议): filing, co-signing, the office's rounds, rating, and the reports.
export { type Opinions, createOpinions } from './opinions';
export type { ActionInput, Opinion, OpinionDeps, OpinionRef, Rating, TimelineEntry } from './opinion-steps';
export type { AnswerInput, AssignInput, AssignResult, DeadlineChoice, ReassignInput } from './office-actions';
export type { RateInput } from './deputy-actions';
export type { PendingReview, ReviewInput, TodoItem } from './unit-loop';
export { formatDeadline, versionOf } from './opinion-steps';
export { OPEN_STATUSES } from './opinion-steps';
export type { OpinionSource } from './filing';
export { type ProgressView, calendarDaysBetween } from './queries';
export { type PeriodStats, type StatsPeriod, parseStatsPeriod } from './reports';
export {
  type RateCounts,
  type StatusCounts,
  computeRates,
  formatRate,
  ratesFromStatusCounts,
  rateAccumulators,
  resolveRate,
} from './rates';
export { extractCategoryTag, pickCategory, suggestCategory } from './category';
export { type VoiceDraft, type DraftClaim, createVoiceDrafts } from './voice-drafts';
export {
  type ConsoleOpinions,
  type OpinionFilter,
  type OpinionListOptions,
  type OpinionRow,
  createConsoleOpinions,
} from './console';
export { type ColourRule, type ColourView, colourOf, colourView, yellowUntil } from './colours';
export type { UnitRecord } from '../../contracts';
