import { refuse } from '../../refusals';
import type { BallotDeps } from './ballot-row';
import { APPRAISAL_LIMITS } from './rating-rules';

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

/** The subjects as voted on: a project's title (its code kept as the ref), a unit's name. */
export async function subjectsOf(
  d: Pick<BallotDeps, 'models'>,
  i: OpenAppraisalInput,
  year: number,
): Promise<{ names: string[]; refs: string[] }> {
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
