// The opinions domain (意见建议): filing, co-signing, the office's rounds, rating, and the reports.
export { type Opinions, createOpinions } from './opinions';
export type { ActionInput, Opinion, OpinionDeps, OpinionRef, Rating, TimelineEntry } from './opinion-steps';
export type { AnswerInput } from './office-answer';
export type { AssignInput, AssignResult, DeadlineChoice, ReassignInput } from './office-assign';
export type { RateInput } from './deputy-rate';
export type { PendingReview, TodoItem } from './unit-lists';
export type { ReviewInput } from './unit-review';
export { formatDeadline, versionOf } from './opinion-steps';
export { OPEN_STATUSES } from './opinion-steps';
export type { OpinionSource } from './filing';
export { type ProgressView, calendarDaysBetween } from './queries';
export { type StatsPeriod, parseStatsPeriod } from './reports';
export type { PeriodStats } from './report-pipelines';
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
export { type ConsoleOpinions, createConsoleOpinions } from './console';
export type { OpinionFilter, OpinionListOptions, OpinionRow } from './console-list';
export { type ColourRule, type ColourView, colourOf, colourView, yellowUntil } from './colours';
export type { UnitRecord } from '../../contracts';
