// The performance domain (履职): one deputy's year, and the register of every deputy's year.
export { FIRST_YEAR, type Performance, type RegisterEntry, createPerformance } from './performance';
export type { PerformanceRecord } from './summary';
export { type QuarterScore, type ScoreCard, SCORE_ORDER } from './score';
export { formulaText, scoreLines } from './score-lines';
export { type ReportDelivery, createReportDelivery } from './report-delivery';
