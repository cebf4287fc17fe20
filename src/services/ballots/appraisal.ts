import { t } from '../../messages';
import { refuse } from '../../refusals';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import { yearOf } from '../../time/zone';
import { createAppraisalRecords } from './appraisal-records';
import { type OpenAppraisalInput, subjectsOf } from './appraisal-subjects';
import { type BallotDeps, type BallotView, castVote, checkVoter, findBallot, toView } from './ballot-row';
import { insertBallot } from './ballot-insert';
import { RATING_COUNT, ratingSlot } from './rating-rules';
import { BALLOT_LIMITS } from './rules';

// 满意度测评 (each project of the year rated 满意 / 基本满意 / 不满意) and 部门评议 (each named 承办单位 rated the
// same way): ballots of kind `rating`, with the same entitled voters, guarded vote and secrecy as a 票决.

const chars = (s: string) => [...s].length;

export function createAppraisals(d: BallotDeps) {
  const { recordsOf, recordLines, describe } = createAppraisalRecords(d);

  return {
    /** Opens a 测评 or 评议; the same origin opens it once, and the group's notice is keyed by its code. */
    async openAppraisal(i: OpenAppraisalInput): Promise<BallotView> {
      const year = yearOf(i.now, d.timezone);
      const title = (i.title ?? '').trim() || t('appraisalDefaultTitle', { year, of: i.of });
      if (chars(title) > BALLOT_LIMITS.titleMaxChars)
        refuse('ballot.titleTooLong', { max: BALLOT_LIMITS.titleMaxChars });
      if (i.deadline.getTime() <= i.now.getTime()) refuse('ballot.pastDeadline', { deadline: i.deadline, now: i.now });
      const before = await d.models.Ballot.exists({ origin: i.origin });
      const { names, refs } = before ? { names: [], refs: [] } : await subjectsOf(d, i, year);
      const row = await insertBallot(
        d,
        {
          kind: 'rating',
          ratingOf: i.of,
          subjectRefs: refs,
          title,
          candidates: names,
          choose: names.length,
          upTo: false,
          deadline: i.deadline,
          counts: Array.from({ length: names.length * RATING_COUNT }, () => 0),
        },
        i,
      );
      const view = toView(row, i.now);
      const records = await recordsOf(view, i.now);
      await d.notify.toGroup(
        `ballot-open:${view.code}`,
        t('appraisalOpenedPush', {
          code: view.code,
          title: neutralizeUserText(view.title),
          of: i.of,
          subjects: view.candidates.map(neutralizeUserText),
          deadline: formatDateTime(view.deadline, d.timezone),
          records: recordLines(records),
        }),
      );
      return view;
    },

    /** Casts a rating of every subject (0 满意, 1 基本满意, 2 不满意, in subject order) in one guarded update. */
    async rate(code: string, userid: string, ratings: number[], now: Date): Promise<BallotView> {
      const row = await findBallot(d.models, code);
      checkVoter(row, userid, now);
      const subjects = row.candidates.length;
      if (row.kind !== 'rating') refuse('ballot.wrongKind', { code, rating: false, subjects });
      if (ratings.length !== subjects || ratings.some((r) => !Number.isInteger(r) || r < 0 || r >= RATING_COUNT))
        refuse('ballot.wrongRatings', { code, subjects, given: ratings.length });
      const slots = ratings.map((r, i) => ratingSlot(i, r));
      return toView(await castVote(d.models, row, userid, slots, now), now);
    },

    recordsOf,
    describe,
  };
}

export type Appraisals = ReturnType<typeof createAppraisals>;
