import { ballotVoteTap } from './card-ballots';
import type { CardTap } from '../src/commands/card-taps';
import type { Command } from '../src/commands/types';
import { attendTap, cancelSignUpTap, leaveReasonTap, leaveTap, signUpTap } from './card-events';
import { rateTap, unsatisfiedTap } from './card-opinions';
import { studyLearnedTap } from './card-bulletins';
import { assignTap, chaseTap } from './card-office';
import { helpCommand } from './help';
import { rosterCommand } from './roster';
import { confirmVoiceDraftCommand, fileOpinionCommand, fileRelayedCommand, myOpinionsCommand } from './opinion-filing';
import { cosignCommand, progressCommand, rateCommand, withdrawCommand } from './opinion-deputy';
import { answerCommand, assignCommand, closeCommand, reassignCommand, rejectCommand } from './opinion-office';
import { chaseCommand, statsCommand } from './opinion-reports';
import { chaseOneCommand, followUpCommand, reopenCommand } from './opinion-follow-up';
import { announceCommand, announceListCommand } from './announcements';
import { studyAddCommand, studyListCommand, studyMarkCommand } from './study';
import { jobsCommand } from './jobs';
import { digestPreviewCommand } from './digest';
import { activityListCommand, cancelSignUpCommand, signUpCommand } from './activities';
import { cancelActivityCommand, changeActivityCommand, publishActivityCommand } from './activity-office';
import { leaveCommand, meetingsCommand, replyCommand } from './meetings';
import { cancelMeetingCommand, changeMeetingCommand, meetingNoticeCommand } from './meeting-office';
import { scheduleShiftCommand, shiftsCommand } from './shifts';
import { checkinCommand } from './checkin';
import { performanceCommand } from './performance';
import { reportCommand } from './report';
import { consoleLoginCommand } from './console-login';
import { holidaysCommand } from './holidays';
import { attachPhotosCommand } from './photos';
import { ballotListCommand, ballotResultCommand, voteCommand } from './ballots';
import { announceBallotCommand, closeBallotCommand, openBallotCommand } from './ballot-office';
import { openProjectAppraisalCommand, openUnitAppraisalCommand, remindVotersCommand } from './appraisal-office';
import { projectsCommand } from './projects';
import {
  adoptProjectsCommand,
  completeProjectCommand,
  projectProgressCommand,
  projectUnitCommand,
} from './project-office';
import { choosePushGroupCommand } from './push-group';
import { exportLedgerCommand } from './ledgers';
import { reviewCommand, todoCommand, unitsCommand } from './units';

/**
 * The one command table. 帮助 lists commands in this order, deputies' first, then the office's;
 * each feature keeps its commands together.
 */
export const commands: Command[] = [
  helpCommand(() => commands),

  // -- opinions (deputies)
  fileOpinionCommand,
  fileRelayedCommand,
  myOpinionsCommand,
  confirmVoiceDraftCommand,
  progressCommand,
  cosignCommand,
  rateCommand,
  withdrawCommand,
  attachPhotosCommand,
  // -- events (deputies)
  activityListCommand,
  signUpCommand,
  cancelSignUpCommand,
  meetingsCommand,
  replyCommand,
  leaveCommand,
  checkinCommand,
  shiftsCommand,
  // -- study and performance (deputies)
  studyListCommand,
  studyMarkCommand,
  performanceCommand,
  reportCommand,
  // -- ballots (deputies vote one-to-one)
  ballotListCommand,
  voteCommand,
  ballotResultCommand,
  projectsCommand,
  consoleLoginCommand,
  // -- handling units' contacts (承办单位联系人): their own list; 答复, 进度, 帮助, 登录 serve them too
  todoCommand,

  // -- office: announcements
  announceCommand,
  announceListCommand,
  // -- office: opinions
  assignCommand,
  reassignCommand,
  answerCommand,
  closeCommand,
  rejectCommand,
  reviewCommand,
  chaseCommand,
  chaseOneCommand,
  followUpCommand,
  reopenCommand,
  statsCommand,
  // -- office: events
  publishActivityCommand,
  changeActivityCommand,
  cancelActivityCommand,
  meetingNoticeCommand,
  changeMeetingCommand,
  cancelMeetingCommand,
  scheduleShiftCommand,
  // -- office: study, roster, digest, jobs
  studyAddCommand,
  // -- office: ballots
  openBallotCommand,
  closeBallotCommand,
  announceBallotCommand,
  remindVotersCommand,
  openProjectAppraisalCommand,
  openUnitAppraisalCommand,
  // -- office: 民生实事 projects
  adoptProjectsCommand,
  projectUnitCommand,
  projectProgressCommand,
  completeProjectCommand,
  rosterCommand,
  unitsCommand,
  digestPreviewCommand,
  jobsCommand,
  holidaysCommand,
  // -- office: the push group, the ledgers in the chat
  choosePushGroupCommand,
  exportLedgerCommand,
];

/**
 * The card door's table: each tap on a card button calls the use case of the typed command it names (the
 * dispatcher finds it by the card's subject and the button's action).
 */
export const cardTaps: CardTap[] = [
  // -- meetings: 参加 / 请假 and its reasons
  attendTap,
  leaveTap,
  leaveReasonTap,
  // -- activities: 报名 / 取消报名
  signUpTap,
  cancelSignUpTap,
  // -- the filer's vote on an answer: 满意 / 基本满意 / 不满意 (and why)
  rateTap,
  unsatisfiedTap,
  // -- study: 已学
  studyLearnedTap,
  // -- office, one-to-one: 交办 from the new opinion's card, 督办 from the overdue list
  assignTap,
  chaseTap,
  // -- 票决: the vote box, one-to-one
  ballotVoteTap,
];
