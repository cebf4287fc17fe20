import { t } from '../messages';
import { REFUSALS, type RefusalCode, type RefusalFields, type RefusalKind } from '../refusals';
import type { Refusal } from '../refusals';
import { formatDate, formatDateTime } from '../time/format';
import { CALENDAR_CONSOLE, RECORDS_CONSOLE } from './refusals-calendar';
import { EVENT_CONSOLE } from './refusals-events';
import { PROJECT_CONSOLE } from './refusals-projects';
import { ROSTER_CONSOLE } from './refusals-roster';
import { UNIT_CONSOLE } from './refusals-units';
import { FOLLOW_UP_CONSOLE } from './refusals-follow-up';
import { PHOTO_CONSOLE } from './refusals-photos';

/** What the console knows when it answers. */
export interface ConsoleRendering {
  timezone: string;
  now: Date;
}

type Render<C extends RefusalCode> = (f: RefusalFields[C], c: ConsoleRendering) => string;

const day = (d: Date | undefined, c: ConsoleRendering) => (d ? formatDate(d, c.timezone) : '');

/** The console's sentence for every refusal: what is wrong, in a form's words, without chat usage lines. */
const CONSOLE: { readonly [C in RefusalCode]: Render<C> } = {
  'opinion.notFound': (f) => t('refusalOpinionNotFound', f),
  'opinion.changedMeanwhile': (f) => t('opinionChangedMeanwhile', f),
  // The chat's sentence without its next-step hint (those are chat commands).
  'opinion.wrongState': (f, c) =>
    t('opinionWrongState', {
      code: f.code,
      status: f.status,
      action: t('opinionVerb', { verb: f.action }),
      last: f.last
        ? t('lastStep', {
            when: formatDateTime(f.last.at, c.timezone),
            name: f.last.byName,
            action: t('actionLabel', { action: f.last.action }),
          })
        : '',
      next: '',
    }),
  'opinion.alreadyAssigned': (f, c) =>
    t('refusalOpinionAlreadyAssigned', { code: f.code, by: f.by, unit: f.unit, deadline: day(f.deadline, c) }),
  'opinion.reopenedByRating': (f, c) =>
    t('refusalOpinionReopened', { code: f.code, round: f.round, unit: f.unit, deadline: day(f.deadline, c) }),
  'opinion.notFiler': (f) =>
    t('refusalOpinionNotFiler', { code: f.code, action: t('opinionVerb', { verb: f.action }) }),
  'opinion.cosignOwn': (f) => t('opinionCosignOwn', f),
  'opinion.cosignAgain': (f) => t('refusalOpinionCosignAgain', f),
  'opinion.notAnswered': (f) => t('opinionRateNoAnswer', f),
  'opinion.ratedAlready': (f) => t('opinionRatedAlready', f),
  'opinion.noteTooLong': (f) => t('refusalOpinionNoteTooLong', f),
  'opinion.textMissing': () => t('refusalOpinionTextMissing'),
  'opinion.textTooShort': (f) => t('refusalOpinionTextTooShort', f),
  'opinion.textTooLong': (f) => t('opinionTooLong', f),
  'opinion.unitMissing': (f) => t('refusalOpinionUnitMissing', f),
  'opinion.unitAmbiguous': (f) => t('refusalOpinionUnitAmbiguous', f),
  'opinion.unitTooLong': () => t('opinionUnitTooLong'),
  'opinion.badDeadline': (f) => t('refusalOpinionBadDeadline', f),
  'opinion.pastDeadline': (f, c) =>
    t('refusalOpinionPastDeadline', { deadline: day(f.deadline, c), now: formatDateTime(f.now, c.timezone) }),
  'opinion.answerMissing': () => t('refusalOpinionAnswerMissing'),
  'opinion.answerTooLong': (f) => t('opinionAnswerTooLong', f),
  'opinion.reasonMissing': () => t('refusalOpinionReasonMissing'),
  'opinion.reasonTooLong': (f) => t('opinionRejectTooLong', f),
  'opinion.pageBeyondEnd': (f) => t('refusalOpinionPageBeyondEnd', f),
  'opinion.unknownCategory': (f) =>
    t('opinionUnknownCategory', { category: f.category, categories: f.categories.join('、') }),
  'opinion.categoryUnchanged': (f) => t('opinionCategoryUnchanged', f),
  'study.notFound': (f) => t('refusalStudyNotFound', f),
  'study.alreadyPushed': (f) => t('studyAlreadyPushed', f),
  'study.changedMeanwhile': (f) => t('studyChangedMeanwhile', f),
  'study.queueChanged': () => t('studyQueueChanged'),
  'study.notPushedYet': (f) => t('refusalStudyNotPushedYet', f),
  'study.titleMissing': () => t('refusalStudyTitleMissing'),
  'study.titleTooLong': (f) => t('studyTitleTooLong', f),
  'study.badLink': (f) => t('studyBadLink', f),
  'study.noteTooLong': (f) => t('studyNoteTooLong', f),
  'ballot.notFound': (f) => t('refusalBallotNotFound', f),
  'ballot.closed': (f) => t('ballotClosed', f),
  'ballot.stillOpen': (f) => t('ballotStillOpen', f),
  'ballot.notEntitled': (f) => t('ballotNotEntitled', f),
  'ballot.alreadyVoted': (f) => t('ballotAlreadyVoted', f),
  'ballot.badChoice': (f) => t('ballotBadChoice', f),
  'ballot.choiceTwice': (f) => t('ballotChoiceTwice', f),
  'ballot.wrongCount': (f) => t('ballotWrongCount', f),
  'ballot.titleMissing': () => t('refusalBallotTitleMissing'),
  'ballot.titleTooLong': (f) => t('ballotTitleTooLong', f),
  'ballot.tooFewCandidates': (f) => t('ballotTooFewCandidates', f),
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
  'announcement.contentMissing': () => t('refusalAnnouncementContentMissing'),
  'announcement.contentTooLong': (f) => t('announceTooLong', f),
  'announcement.timePast': (f, c) => t('refusalAnnouncementTimePast', { when: formatDateTime(f.at, c.timezone) }),
  'announcement.timeTooFar': (f, c) =>
    t('announceTimeTooFar', { when: formatDateTime(f.at, c.timezone), days: f.days }),
  'announcement.notFound': (f) => t('refusalAnnouncementNotFound', f),
  'announcement.alreadyRevoked': (f) => t('announceAlreadyRevoked', f),
  'announcement.alreadyExpired': (f) => t('announceAlreadyExpired', f),
  'announcement.alreadySent': (f) => t('announceAlreadySent', f),
  ...EVENT_CONSOLE,
  ...ROSTER_CONSOLE,
  ...CALENDAR_CONSOLE,
  ...RECORDS_CONSOLE,
  ...UNIT_CONSOLE,
  ...PROJECT_CONSOLE,
  ...FOLLOW_UP_CONSOLE,
  ...PHOTO_CONSOLE,
};

const STATUS: Record<RefusalKind, number> = { notFound: 404, conflict: 409, forbidden: 403, invalid: 422 };

export interface ConsoleRefusal {
  status: number;
  code: RefusalCode;
  message: string;
  /** The form field the message belongs beside (the page's own name for it). */
  fields?: Record<string, string>;
}

/**
 * A refusal as the console API answers it: 404 / 409 / 403 / 422 by its kind, the code, the message, and the
 * message again on its field. `rename` maps a use case's field to the page's (e.g. the batch form's).
 */
export function renderForConsole(
  r: Pick<Refusal, 'code' | 'fields'>,
  c: ConsoleRendering,
  rename?: Record<string, string>,
): ConsoleRefusal {
  const message = (CONSOLE[r.code] as (f: unknown, c: ConsoleRendering) => string)(r.fields, c);
  const spec = REFUSALS[r.code];
  const named = spec.fieldsIn ? ((r.fields as Record<string, unknown>)[spec.fieldsIn] as string[]) : [];
  const fields = [...(spec.field ? [spec.field] : []), ...named].map((f) => rename?.[f] ?? f);
  return {
    status: STATUS[spec.kind],
    code: r.code,
    message,
    ...(fields.length ? { fields: Object.fromEntries(fields.map((f) => [f, message])) } : {}),
  };
}

/** For the exhaustiveness test: the codes the console renders. */
export const consoleRenderedCodes = (): string[] => Object.keys(CONSOLE);
