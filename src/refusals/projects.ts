import type { RefusalSpec } from './spec';

// What follows a 票决 (民生实事 projects, the year-end 满意度测评, 部门评议, reminding non-voters): a block of its
// own, spread into the catalogue beside the other domains'.

export interface ProjectRefusalFields {
  'project.notFound': { code: string };
  /** 立项 from a ballot that is not a pick among candidates (a 测评 or 评议). */
  'project.ballotNotPick': { code: string };
  /** 立项 of a whole ballot that chose nothing (no quorum, or every chosen place tied). */
  'project.noneChosen': { code: string; quorum: boolean };
  /** 立项 of one candidate the ballot neither chose nor left tied for the office to decide. */
  'project.notChosen': { code: string; n: number; name: string };
  'project.badCandidate': { code: string; n: number; max: number };
  'project.unitTooLong': { max: number };
  /** A typed unit that could be several known ones. */
  'project.unitAmbiguous': { input: string; candidates: string[] };
  'project.progressMissing': { code: string };
  'project.progressTooLong': { max: number; length: number };
  'project.milestoneTextMissing': { n: number };
  'project.milestoneTooLong': { n: number; max: number };
  'project.tooManyMilestones': { max: number };
  /** The console page showed an older version of the project. */
  'project.changedMeanwhile': { code: string };
  'project.alreadyDone': { code: string };
  /** An activity names a project code that does not exist. */
  'project.unknownForActivity': { code: string };
  /** 发起测评 when the year has no project to rate. */
  'appraisal.noProjects': { year: number };
  'appraisal.unknownProject': { code: string };
  /** 发起评议 without a unit. */
  'appraisal.unitsMissing': Record<string, never>;
  'appraisal.tooManySubjects': { max: number };
  'appraisal.subjectTwice': { name: string };
  /** A rating ballot's vote must rate every subject once. */
  'ballot.wrongRatings': { code: string; subjects: number; given: number };
  /** A vote of the wrong kind: 序号 on a rating ballot, ratings on a pick. */
  'ballot.wrongKind': { code: string; rating: boolean; subjects: number };
  /** 催投 when everyone entitled has voted. */
  'ballot.allVoted': { code: string };
}

export type ProjectRefusalCode = keyof ProjectRefusalFields;

export const PROJECT_REFUSALS: { readonly [C in ProjectRefusalCode]: RefusalSpec } = {
  'project.notFound': { kind: 'notFound' },
  'project.ballotNotPick': { kind: 'conflict', field: 'ballotCode' },
  'project.noneChosen': { kind: 'conflict', field: 'ballotCode' },
  'project.notChosen': { kind: 'conflict', field: 'candidate' },
  'project.badCandidate': { kind: 'invalid', field: 'candidate' },
  'project.unitTooLong': { kind: 'invalid', field: 'unit' },
  'project.unitAmbiguous': { kind: 'invalid', field: 'unit' },
  'project.progressMissing': { kind: 'invalid', field: 'text' },
  'project.progressTooLong': { kind: 'invalid', field: 'text' },
  'project.milestoneTextMissing': { kind: 'invalid', field: 'milestones' },
  'project.milestoneTooLong': { kind: 'invalid', field: 'milestones' },
  'project.tooManyMilestones': { kind: 'invalid', field: 'milestones' },
  'project.changedMeanwhile': { kind: 'conflict' },
  'project.alreadyDone': { kind: 'conflict' },
  'project.unknownForActivity': { kind: 'invalid', field: 'project' },
  'appraisal.noProjects': { kind: 'conflict', field: 'subjects' },
  'appraisal.unknownProject': { kind: 'invalid', field: 'subjects' },
  'appraisal.unitsMissing': { kind: 'invalid', field: 'subjects' },
  'appraisal.tooManySubjects': { kind: 'invalid', field: 'subjects' },
  'appraisal.subjectTwice': { kind: 'invalid', field: 'subjects' },
  'ballot.wrongRatings': { kind: 'invalid', field: 'ratings' },
  'ballot.wrongKind': { kind: 'invalid', field: 'choices' },
  'ballot.allVoted': { kind: 'conflict' },
};
