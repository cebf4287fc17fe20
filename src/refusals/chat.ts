import { t } from '../messages';
import { formatDate, formatDateTime, formatShortDateTime } from '../time/format';
import type { RefusalCode, RefusalFields } from './catalogue';
import { CALENDAR_CHAT, RECORDS_CHAT } from './chat-calendar';
import { EVENT_CHAT } from './chat-events';
import { PROJECT_CHAT } from './chat-projects';
import { ROSTER_CHAT } from './chat-roster';
import { UNIT_CHAT } from './chat-units';
import { FOLLOW_UP_CHAT } from './chat-follow-up';
import { PHOTO_CHAT } from './chat-photos';
import type { Refusal } from './refusal';
import type { ChatRendering } from './spec';

export type { ChatRendering } from './spec';

type Render<C extends RefusalCode> = (f: RefusalFields[C], c: ChatRendering) => string;

const day = (d: Date | undefined, c: ChatRendering) => (d ? formatDate(d, c.timezone) : '');

function wrongState(f: RefusalFields['opinion.wrongState'], c: ChatRendering): string {
  const last = f.last
    ? t('lastStep', {
        when: formatShortDateTime(f.last.at, c.timezone, c.now),
        name: f.last.byName,
        action: t('actionLabel', { action: f.last.action }),
      })
    : '';
  return t('opinionWrongState', {
    code: f.code,
    status: f.status,
    action: t('opinionVerb', { verb: f.action }),
    last,
    next: nextStep(f, c),
  });
}

function nextStep(f: RefusalFields['opinion.wrongState'], c: ChatRendering): string {
  const { code, office } = { code: f.code, office: c.office };
  switch (f.status) {
    case '待交办':
      return t('opinionNextFiled', { code, office });
    case '已交办':
      return t('opinionNextAssigned', { code, unit: f.unit ?? '', deadline: day(f.deadline, c), office });
    case '已答复':
      return t('opinionNextAnswered', { code, office });
    default:
      return t('opinionNextDone', { code });
  }
}

/** The chat's sentence for every refusal, with its usage example where one helps. */
const CHAT: { readonly [C in RefusalCode]: Render<C> } = {
  'opinion.notFound': (f) => t('opinionNotFound', f),
  'opinion.changedMeanwhile': (f) => t('opinionChangedMeanwhile', f),
  'opinion.wrongState': wrongState,
  'opinion.alreadyAssigned': (f, c) =>
    t('opinionAssignRace', { code: f.code, name: f.by, unit: f.unit, deadline: day(f.deadline, c) }),
  'opinion.reopenedByRating': (f, c) =>
    t('opinionAssignReopened', { code: f.code, round: f.round, unit: f.unit, deadline: day(f.deadline, c) }),
  'opinion.notFiler': (f) => t('opinionNotFiler', { code: f.code, action: t('opinionVerb', { verb: f.action }) }),
  'opinion.cosignOwn': (f) => t('opinionCosignOwn', f),
  'opinion.cosignAgain': (f) => t('opinionCosignAgain', f),
  'opinion.notAnswered': (f) => t('opinionRateNoAnswer', f),
  'opinion.ratedAlready': (f) => t('opinionRatedAlready', f),
  'opinion.noteTooLong': (f) => t('opinionRateNoteTooLong', f),
  'opinion.textMissing': (f) => t('opinionUsage', { command: t('opinionFilingWord', f) }),
  'opinion.textTooShort': (f) => t('opinionTooShort', { min: f.min, command: t('opinionFilingWord', f) }),
  'opinion.textTooLong': (f) => t('opinionTooLong', f),
  'opinion.unitMissing': (f) => t(f.reassign ? 'opinionReassignUsage' : 'opinionAssignUsage', { code: f.code }),
  'opinion.unitAmbiguous': (f) => t('opinionUnitAmbiguous', f),
  'opinion.unitTooLong': () => t('opinionUnitTooLong'),
  'opinion.badDeadline': (f) => t('opinionBadDeadline', f),
  'opinion.pastDeadline': (f, c) =>
    t('opinionPastDeadline', {
      input: f.input ?? formatDate(f.deadline, c.timezone),
      now: formatDateTime(f.now, c.timezone),
    }),
  'opinion.answerMissing': (f) => t('opinionAnswerUsage', f),
  'opinion.answerTooLong': (f) => t('opinionAnswerTooLong', f),
  'opinion.reasonMissing': (f) => t('opinionRejectUsage', f),
  'opinion.reasonTooLong': (f) => t('opinionRejectTooLong', f),
  'opinion.pageBeyondEnd': (f) => t('opinionMinePageEmpty', f),
  'opinion.unknownCategory': (f) =>
    t('opinionUnknownCategory', { category: f.category, categories: f.categories.join('、') }),
  'opinion.categoryUnchanged': (f) => t('opinionCategoryUnchanged', f),
  'study.notFound': (f) => t('studyNotFound', f),
  'study.alreadyPushed': (f) => t('studyAlreadyPushed', f),
  'study.changedMeanwhile': (f) => t('studyChangedMeanwhile', f),
  'study.queueChanged': () => t('studyQueueChanged'),
  'study.notPushedYet': (f) => t('studyNotPushedYet', f),
  'study.titleMissing': () => t('studyUsage'),
  'study.titleTooLong': (f) => t('studyTitleTooLong', f),
  'study.badLink': (f) => t('studyBadLink', f),
  'study.noteTooLong': (f) => t('studyNoteTooLong', f),
  'ballot.notFound': (f) => t('ballotNotFound', f),
  'ballot.closed': (f) => t('ballotClosed', f),
  'ballot.stillOpen': (f) => t('ballotStillOpen', f),
  'ballot.notEntitled': (f) => t('ballotNotEntitled', f),
  'ballot.alreadyVoted': (f) => t('ballotAlreadyVoted', f),
  'ballot.badChoice': (f) => t('ballotBadChoice', f),
  'ballot.choiceTwice': (f) => t('ballotChoiceTwice', f),
  'ballot.wrongCount': (f) => t('ballotWrongCount', f),
  'ballot.titleMissing': () => t('ballotOpenUsage'),
  'ballot.titleTooLong': (f) => t('ballotTitleTooLong', f),
  'ballot.tooFewCandidates': (f) => `${t('ballotTooFewCandidates', f)}\n${t('ballotOpenUsage')}`,
  'ballot.tooManyCandidates': (f) => t('ballotTooManyCandidates', f),
  'ballot.candidateTooLong': (f) => t('ballotCandidateTooLong', f),
  'ballot.candidateTwice': (f) => t('ballotCandidateTwice', f),
  'ballot.badChoose': (f) => t('ballotBadChoose', f),
  'ballot.pastDeadline': (f, c) =>
    t('ballotPastDeadline', {
      deadline: formatDateTime(f.deadline, c.timezone),
      now: formatDateTime(f.now, c.timezone),
    }),
  'ballot.noVoters': () => t('ballotNoVoters'),
  'announcement.contentMissing': () => t('announceEmpty'),
  'announcement.contentTooLong': (f) => t('announceTooLong', f),
  'announcement.timePast': (f, c) => t('announceTimePast', { when: formatDateTime(f.at, c.timezone) }),
  'announcement.timeTooFar': (f, c) =>
    t('announceTimeTooFar', { when: formatDateTime(f.at, c.timezone), days: f.days }),
  'announcement.notFound': (f) => t('announceNotFound', f),
  'announcement.alreadyRevoked': (f) => t('announceAlreadyRevoked', f),
  'announcement.alreadyExpired': (f) => t('announceAlreadyExpired', f),
  'announcement.alreadySent': (f) => t('announceAlreadySent', f),
  ...EVENT_CHAT,
  ...ROSTER_CHAT,
  ...CALENDAR_CHAT,
  ...RECORDS_CHAT,
  ...UNIT_CHAT,
  ...PROJECT_CHAT,
  ...FOLLOW_UP_CHAT,
  ...PHOTO_CHAT,
};

/** A refusal as the chat says it. */
export function renderForChat(r: Pick<Refusal, 'code' | 'fields'>, c: ChatRendering): string {
  return (CHAT[r.code] as (f: unknown, c: ChatRendering) => string)(r.fields, c);
}

/** For the exhaustiveness test: the codes the chat renders. */
export const chatRenderedCodes = (): string[] => Object.keys(CHAT);
