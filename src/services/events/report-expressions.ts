import type { CheckinTunables } from './event-time';

// Aggregation expressions the attendance and period reports share (the database counts, not the process).

/** When an event is over, as an expression: its end, or start + the configured default length. */
export const endExpr = (t: CheckinTunables) => ({
  $ifNull: ['$endAt', { $add: ['$startAt', t.defaultDurationMinutes * 60_000] }],
});
/** Userids of a stamp list (confirmed, checkins, replies…) as an expression, [] when absent. */
export const ids = (field: string) => ({ $ifNull: [`$${field}.userid`, []] });
/** Userids whose reply slip says 请假. */
export const leaveIds = {
  $map: {
    input: { $filter: { input: { $ifNull: ['$replies', []] }, as: 'r', cond: { $eq: ['$$r.answer', '请假'] } } },
    as: 'r',
    in: '$$r.userid',
  },
};
