import { t } from '../../messages';
import { refuse } from '../../refusals';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import { yearOf } from '../../time/zone';
import type { UnitRecord } from '../../contracts';
import { type BallotDeps, type BallotView, castVote, checkVoter, findBallot, toView } from './ballot-row';
import { insertBallot } from './ballot-insert';
import { APPRAISAL_LIMITS, RATING_COUNT, type RatingTally, ratingSlot } from './rating-rules';
import { BALLOT_LIMITS } from './rules';

// 满意度测评 (each project of the year rated 满意 / 基本满意 / 不满意) and 部门评议 (each named 承办单位 rated the
// same way): ballots of kind `rating`, with the same entitled voters, guarded vote and secrecy as a 票决.

export interface OpenAppraisalInput {
  of: 'project' | 'unit';
  /** Without one, the year's words (2026年民生实事项目满意度测评, 2026年部门评议). */
  title?: string;
  /** Project codes (none: every project of the year) or unit names, in the order numbered for voting. */
  subjects: string[];
  deadline: Date;
  actor: { userid: string };
  origin: string;
  now: Date;
}

const chars = (s: string) => [...s].length;

/** The record of a unit with no case in the year. */
const emptyRecord = (unit: string): UnitRecord => ({
  unit,
  received: 0,
  answered: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  openOverdue: 0,
  openInTime: 0,
  averageWorkdays: null,
  resolutions: { A: 0, B: 0, C: 0, D: 0 },
  unclassified: 0,
  rated: 0,
  ratings: { 满意: 0, 基本满意: 0, 不满意: 0 },
  onTimeRate: '—',
  resolveRate: '—',
  satisfactionRate: '—',
});

export function createAppraisals(d: BallotDeps) {
  const yearOfBallot = (b: BallotView) => yearOf(b.openedAt, d.timezone);

  /** The subjects as voted on: a project's title (its code kept as the ref), a unit's name. */
  async function subjectsOf(i: OpenAppraisalInput, year: number): Promise<{ names: string[]; refs: string[] }> {
    const typed = i.subjects.map((s) => s.trim()).filter(Boolean);
    const twice = typed.find((s, n) => typed.indexOf(s) !== n);
    if (twice) refuse('appraisal.subjectTwice', { name: twice });
    if (typed.length > APPRAISAL_LIMITS.maxSubjects)
      refuse('appraisal.tooManySubjects', { max: APPRAISAL_LIMITS.maxSubjects });
    if (i.of === 'unit') {
      if (typed.length === 0) refuse('appraisal.unitsMissing', {});
      if (typed.some((u) => chars(u) > APPRAISAL_LIMITS.subjectMaxChars))
        refuse('project.unitTooLong', { max: APPRAISAL_LIMITS.subjectMaxChars });
      return { names: typed, refs: typed };
    }
    const rows = await d.models.Project.find(typed.length ? { code: { $in: typed } } : { year })
      .sort({ year: 1, seq: 1 })
      .lean();
    const missing = typed.find((c) => !rows.some((r) => r.code === c));
    if (missing) refuse('appraisal.unknownProject', { code: missing });
    if (rows.length === 0) refuse('appraisal.noProjects', { year });
    if (rows.length > APPRAISAL_LIMITS.maxSubjects)
      refuse('appraisal.tooManySubjects', { max: APPRAISAL_LIMITS.maxSubjects });
    const ordered = typed.length ? typed.map((c) => rows.find((r) => r.code === c)!) : rows;
    return { names: ordered.map((r) => r.title), refs: ordered.map((r) => r.code) };
  }

  /**
   * Each rated unit's record of the year the appraisal was opened, for a 部门评议 (none for a 测评); a unit that
   * handled nothing that year has a record of zeros.
   */
  async function recordsOf(b: BallotView, now: Date): Promise<UnitRecord[]> {
    if (b.type !== 'unit') return [];
    const all = await d.unitRecords(yearOfBallot(b), now);
    return b.subjectRefs.map((unit) => all.find((r) => r.unit === unit) ?? emptyRecord(unit));
  }

  const recordLines = (records: UnitRecord[]) =>
    records.map((r) => t('appraisalRecordLine', { ...r, unit: neutralizeUserText(r.unit) }));

  return {
    /** Opens a 测评 or 评议; the same origin opens it once, and the group's notice is keyed by its code. */
    async openAppraisal(i: OpenAppraisalInput): Promise<BallotView> {
      const year = yearOf(i.now, d.timezone);
      const title = (i.title ?? '').trim() || t('appraisalDefaultTitle', { year, of: i.of });
      if (chars(title) > BALLOT_LIMITS.titleMaxChars)
        refuse('ballot.titleTooLong', { max: BALLOT_LIMITS.titleMaxChars });
      if (i.deadline.getTime() <= i.now.getTime()) refuse('ballot.pastDeadline', { deadline: i.deadline, now: i.now });
      const before = await d.models.Ballot.exists({ origin: i.origin });
      const { names, refs } = before ? { names: [], refs: [] } : await subjectsOf(i, year);
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

    /** A 测评 or 评议 result in words (the chat's reply and the group's announcement), with the units' records. */
    async describe(r: { ballot: BallotView; ratings: RatingTally }, now: Date): Promise<string> {
      return t('appraisalResult', {
        code: r.ballot.code,
        title: neutralizeUserText(r.ballot.title),
        voted: r.ratings.turnout,
        entitled: r.ratings.entitled,
        quorum: r.ratings.quorum,
        lines: r.ratings.lines.map((l) => ({ ...l, name: neutralizeUserText(l.name) })),
        records: recordLines(await recordsOf(r.ballot, now)),
      });
    },
  };
}

export type Appraisals = ReturnType<typeof createAppraisals>;
