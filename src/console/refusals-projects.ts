import { t } from '../messages';
import type { ProjectRefusalCode, ProjectRefusalFields } from '../refusals';
import { PROJECT_CHAT } from '../refusals/chat-projects';

type Render<C extends ProjectRefusalCode> = (f: ProjectRefusalFields[C]) => string;

/** The console's sentences for projects, 测评 / 评议 and 催投: the chat's words where they name no chat command. */
export const PROJECT_CONSOLE: { readonly [C in ProjectRefusalCode]: Render<C> } = {
  'project.notFound': (f) => t('refusalProjectNotFound', f),
  'project.ballotNotPick': PROJECT_CHAT['project.ballotNotPick'],
  'project.noneChosen': (f) => t('projectNoneChosen', f),
  'project.notChosen': PROJECT_CHAT['project.notChosen'],
  'project.badCandidate': PROJECT_CHAT['project.badCandidate'],
  'project.unitTooLong': PROJECT_CHAT['project.unitTooLong'],
  'project.unitAmbiguous': PROJECT_CHAT['project.unitAmbiguous'],
  'project.progressMissing': () => t('projectProgressMissing'),
  'project.progressTooLong': PROJECT_CHAT['project.progressTooLong'],
  'project.milestoneTextMissing': PROJECT_CHAT['project.milestoneTextMissing'],
  'project.milestoneTooLong': PROJECT_CHAT['project.milestoneTooLong'],
  'project.tooManyMilestones': PROJECT_CHAT['project.tooManyMilestones'],
  'project.changedMeanwhile': PROJECT_CHAT['project.changedMeanwhile'],
  'project.alreadyDone': PROJECT_CHAT['project.alreadyDone'],
  'project.unknownForActivity': (f) => t('refusalProjectUnknownForActivity', f),
  'appraisal.noProjects': PROJECT_CHAT['appraisal.noProjects'],
  'appraisal.unknownProject': (f) => t('appraisalUnknownProject', f),
  'appraisal.unitsMissing': () => t('appraisalUnitsMissing'),
  'appraisal.tooManySubjects': PROJECT_CHAT['appraisal.tooManySubjects'],
  'appraisal.subjectTwice': PROJECT_CHAT['appraisal.subjectTwice'],
  'ballot.wrongRatings': PROJECT_CHAT['ballot.wrongRatings'],
  'ballot.wrongKind': (f) => t('refusalBallotWrongKind', f),
  'ballot.allVoted': PROJECT_CHAT['ballot.allVoted'],
};
