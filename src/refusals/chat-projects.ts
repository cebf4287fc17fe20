import { t } from '../messages';
import type { ProjectRefusalCode, ProjectRefusalFields } from './projects';

type Render<C extends ProjectRefusalCode> = (f: ProjectRefusalFields[C]) => string;

/** The chat's sentences for projects, 测评 / 评议 and 催投, with the next command where one helps. */
export const PROJECT_CHAT: { readonly [C in ProjectRefusalCode]: Render<C> } = {
  'project.notFound': (f) => t('projectNotFound', f),
  'project.ballotNotPick': (f) => t('projectBallotNotPick', f),
  'project.noneChosen': (f) =>
    f.quorum ? `${t('projectNoneChosen', f)}\n${t('projectNoneChosenNext', f)}` : t('projectNoneChosen', f),
  'project.notChosen': (f) => t('projectNotChosen', f),
  'project.badCandidate': (f) => t('projectBadCandidate', f),
  'project.unitTooLong': (f) => t('projectUnitTooLong', f),
  'project.unitAmbiguous': (f) => t('projectUnitAmbiguous', f),
  'project.progressMissing': () => t('projectProgressUsage'),
  'project.progressTooLong': (f) => t('projectProgressTooLong', f),
  'project.milestoneTextMissing': (f) => t('projectMilestoneTextMissing', f),
  'project.milestoneTooLong': (f) => t('projectMilestoneTooLong', f),
  'project.tooManyMilestones': (f) => t('projectTooManyMilestones', f),
  'project.changedMeanwhile': (f) => t('projectChangedMeanwhile', f),
  'project.alreadyDone': (f) => t('projectAlreadyDone', f),
  'project.unknownForActivity': (f) => t('projectUnknownForActivity', f),
  'appraisal.noProjects': (f) => t('appraisalNoProjects', f),
  'appraisal.unknownProject': (f) => `${t('appraisalUnknownProject', f)}发送「实事」查看编号。`,
  'appraisal.unitsMissing': () => t('appraisalUnitUsage'),
  'appraisal.tooManySubjects': (f) => t('appraisalTooManySubjects', f),
  'appraisal.subjectTwice': (f) => t('appraisalSubjectTwice', f),
  'ballot.wrongRatings': (f) => t('ballotWrongRatings', f),
  'ballot.wrongKind': (f) => t('ballotWrongKind', f),
  'ballot.allVoted': (f) => t('ballotAllVoted', f),
};
