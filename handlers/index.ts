import type { Command } from '../src/commands/types';
import { helpCommand } from './help';
import { rosterCommand } from './roster';
import { fileOpinionCommand, fileRelayedCommand, myOpinionsCommand } from './opinion-filing';
import { cosignCommand, progressCommand, rateCommand, withdrawCommand } from './opinion-deputy';
import { answerCommand, assignCommand, closeCommand, reassignCommand, rejectCommand } from './opinion-office';
import { chaseCommand, statsCommand } from './opinion-reports';
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

/**
 * The one command table. Order matters only for 帮助 (it lists commands in this order).
 * Each feature adds its commands in its own block.
 */
export const commands: Command[] = [];

commands.push(
  helpCommand(() => commands),
  // -- roster
  rosterCommand,
);

commands.push(
  // -- announcements, study, scheduler
  studyListCommand,
  studyMarkCommand,
  announceCommand,
  announceListCommand,
  studyAddCommand,
  digestPreviewCommand,
  jobsCommand,
);

commands.push(
  // -- opinions
  fileOpinionCommand,
  fileRelayedCommand,
  myOpinionsCommand,
  progressCommand,
  cosignCommand,
  rateCommand,
  withdrawCommand,
  assignCommand,
  reassignCommand,
  answerCommand,
  closeCommand,
  rejectCommand,
  chaseCommand,
  statsCommand,
);

commands.push(
  // -- events (activities, meetings, shifts)
  activityListCommand,
  signUpCommand,
  cancelSignUpCommand,
  meetingsCommand,
  replyCommand,
  leaveCommand,
  checkinCommand,
  shiftsCommand,
  publishActivityCommand,
  changeActivityCommand,
  cancelActivityCommand,
  meetingNoticeCommand,
  changeMeetingCommand,
  cancelMeetingCommand,
  scheduleShiftCommand,
);

commands.push(
  // -- performance (履职)
  performanceCommand,
);
