// The one catalogue of refusals: what a use case declines to do, as a code and its fields (data, no words).
// Each door renders them its own way: the chat (src/refusals/chat.ts), the console (src/console/refusals.ts);
// a new door (card taps) adds its own Record<RefusalCode, …> and the compiler lists what it still lacks.

import { CALENDAR_REFUSALS, type CalendarRefusalFields } from './calendar';
import { EVENT_REFUSALS, type EventRefusalFields } from './events';
import { RECORDS_REFUSALS, type RecordsRefusalFields } from './records';
import { PROJECT_REFUSALS, type ProjectRefusalFields } from './projects';
import { ROSTER_REFUSALS, type RosterRefusalFields } from './roster';
import { UNIT_REFUSALS, type UnitRefusalFields } from './units';
import { FOLLOW_UP_REFUSALS, type FollowUpRefusalFields } from './follow-up';
import { PHOTO_REFUSALS, type PhotoRefusalFields } from './photos';
import type { RefusalSpec } from './spec';

export type { RefusalKind, RefusalSpec } from './spec';

/** An opinion step a refusal can name (the words live in messages: opinionVerb). */
export type OpinionStep =
  | 'cosign'
  | 'withdraw'
  | 'rate'
  | 'assign'
  | 'reassign'
  | 'answer'
  | 'close'
  | 'reject'
  | 'remind'
  | 'followUp'
  | 'reopen';

/** The step before the refused one, for "最近一步：…". */
export interface LastStep {
  at: Date;
  byName: string;
  /** A timeline action (filed, assigned, …). */
  action: string;
}

/** Every refusal code with its fields: the opinions', study's, ballots' and announcements' here, other domains' in blocks. */
export interface RefusalFields
  extends
    EventRefusalFields,
    RosterRefusalFields,
    CalendarRefusalFields,
    RecordsRefusalFields,
    UnitRefusalFields,
    ProjectRefusalFields,
    FollowUpRefusalFields,
    PhotoRefusalFields {
  'opinion.notFound': { code: string };
  /** The console page showed an older version of the case. */
  'opinion.changedMeanwhile': { code: string };
  'opinion.wrongState': {
    code: string;
    status: string;
    action: OpinionStep;
    last?: LastStep;
    /** The current round's unit and deadline (for the next-step hint while assigned). */
    unit?: string;
    deadline?: Date;
  };
  /** 交办 of a case a colleague already assigned. */
  'opinion.alreadyAssigned': { code: string; by: string; unit: string; deadline?: Date };
  /** 交办 of a case the filer's 不满意 sent into another round. */
  'opinion.reopenedByRating': { code: string; round: number; unit: string; deadline?: Date };
  'opinion.notFiler': { code: string; action: 'withdraw' | 'rate' };
  'opinion.cosignOwn': { code: string };
  'opinion.cosignAgain': { code: string };
  'opinion.notAnswered': { code: string };
  'opinion.ratedAlready': { code: string; rating: string };
  'opinion.noteTooLong': { max: number; length: number };
  /** Filing: source says which word files it (建议 / 民意), for the chat's example. */
  'opinion.textMissing': { source: '代表' | '群众反映' };
  'opinion.textTooShort': { min: number; source: '代表' | '群众反映' };
  'opinion.textTooLong': { max: number; length: number };
  /** 交办 without a unit; 改派 with neither a unit nor a deadline. */
  'opinion.unitMissing': { code: string; reassign: boolean };
  'opinion.unitAmbiguous': { code: string; input: string; candidates: string[] };
  'opinion.unitTooLong': { max: number };
  'opinion.badDeadline': { input: string };
  /** input: the words typed, when the door read them from words. */
  'opinion.pastDeadline': { deadline: Date; now: Date; input?: string };
  'opinion.answerMissing': { code: string };
  'opinion.answerTooLong': { max: number; length: number };
  'opinion.reasonMissing': { code: string };
  'opinion.reasonTooLong': { max: number; length: number };
  'opinion.pageBeyondEnd': { page: number; pages: number };
  'opinion.unknownCategory': { category: string; categories: string[] };
  'opinion.categoryUnchanged': { code: string; category: string };
  'study.notFound': { code: string };
  /** A change to an item already pushed to the group. */
  'study.alreadyPushed': { code: string; title: string };
  'study.changedMeanwhile': { code: string };
  /** The queue's order changed since the page read it. */
  'study.queueChanged': Record<string, never>;
  /** 已学 before the item was pushed. */
  'study.notPushedYet': { code: string; title: string };
  'study.titleMissing': Record<string, never>;
  'study.titleTooLong': { max: number };
  'study.badLink': { link: string };
  'study.noteTooLong': { max: number };
  'ballot.notFound': { code: string };
  /** Closed by the office or past its deadline: no more votes, no second closing. */
  'ballot.closed': { code: string; title: string };
  /** The result is hidden while voting goes on. */
  'ballot.stillOpen': { code: string; title: string };
  'ballot.notEntitled': { code: string };
  'ballot.alreadyVoted': { code: string };
  /** A 序号 that is no candidate's. */
  'ballot.badChoice': { code: string; input: number; max: number };
  'ballot.choiceTwice': { code: string };
  'ballot.wrongCount': { code: string; choose: number; upTo: boolean; given: number };
  'ballot.titleMissing': Record<string, never>;
  'ballot.titleTooLong': { max: number };
  'ballot.tooFewCandidates': { min: number };
  'ballot.tooManyCandidates': { max: number };
  'ballot.candidateTooLong': { max: number; name: string };
  'ballot.candidateTwice': { name: string };
  /** How many to choose must be at least 1 and fewer than the candidates. */
  'ballot.badChoose': { choose: number; candidates: number };
  'ballot.pastDeadline': { deadline: Date; now: Date };
  /** Nobody on the roster may vote (no active deputies besides the office). */
  'ballot.noVoters': Record<string, never>;
  'announcement.contentMissing': Record<string, never>;
  'announcement.contentTooLong': { max: number; length: number };
  'announcement.timePast': { at: Date };
  'announcement.timeTooFar': { at: Date; days: number };
  'announcement.notFound': { code: string };
  'announcement.alreadyRevoked': { code: string };
  'announcement.alreadyExpired': { code: string };
  'announcement.alreadySent': { code: string };
}

export type RefusalCode = keyof RefusalFields;

export const REFUSALS: { readonly [C in RefusalCode]: RefusalSpec } = {
  'opinion.notFound': { kind: 'notFound' },
  'opinion.changedMeanwhile': { kind: 'conflict' },
  'opinion.wrongState': { kind: 'conflict' },
  'opinion.alreadyAssigned': { kind: 'conflict' },
  'opinion.reopenedByRating': { kind: 'conflict' },
  'opinion.notFiler': { kind: 'forbidden' },
  'opinion.cosignOwn': { kind: 'conflict' },
  'opinion.cosignAgain': { kind: 'conflict' },
  'opinion.notAnswered': { kind: 'conflict' },
  'opinion.ratedAlready': { kind: 'conflict' },
  'opinion.noteTooLong': { kind: 'invalid', field: 'note' },
  'opinion.textMissing': { kind: 'invalid', field: 'text' },
  'opinion.textTooShort': { kind: 'invalid', field: 'text' },
  'opinion.textTooLong': { kind: 'invalid', field: 'text' },
  'opinion.unitMissing': { kind: 'invalid', field: 'unit' },
  'opinion.unitAmbiguous': { kind: 'invalid', field: 'unit' },
  'opinion.unitTooLong': { kind: 'invalid', field: 'unit' },
  'opinion.badDeadline': { kind: 'invalid', field: 'deadline' },
  'opinion.pastDeadline': { kind: 'invalid', field: 'deadline' },
  'opinion.answerMissing': { kind: 'invalid', field: 'text' },
  'opinion.answerTooLong': { kind: 'invalid', field: 'text' },
  'opinion.reasonMissing': { kind: 'invalid', field: 'reason' },
  'opinion.reasonTooLong': { kind: 'invalid', field: 'reason' },
  'opinion.pageBeyondEnd': { kind: 'invalid', field: 'page' },
  'opinion.unknownCategory': { kind: 'invalid', field: 'category' },
  'opinion.categoryUnchanged': { kind: 'conflict' },
  'study.notFound': { kind: 'notFound' },
  'study.alreadyPushed': { kind: 'conflict' },
  'study.changedMeanwhile': { kind: 'conflict' },
  'study.queueChanged': { kind: 'conflict' },
  'study.notPushedYet': { kind: 'conflict' },
  'study.titleMissing': { kind: 'invalid', field: 'title' },
  'study.titleTooLong': { kind: 'invalid', field: 'title' },
  'study.badLink': { kind: 'invalid', field: 'link' },
  'study.noteTooLong': { kind: 'invalid', field: 'note' },
  'ballot.notFound': { kind: 'notFound' },
  'ballot.closed': { kind: 'conflict' },
  'ballot.stillOpen': { kind: 'conflict' },
  'ballot.notEntitled': { kind: 'forbidden' },
  'ballot.alreadyVoted': { kind: 'conflict' },
  'ballot.badChoice': { kind: 'invalid', field: 'choices' },
  'ballot.choiceTwice': { kind: 'invalid', field: 'choices' },
  'ballot.wrongCount': { kind: 'invalid', field: 'choices' },
  'ballot.titleMissing': { kind: 'invalid', field: 'title' },
  'ballot.titleTooLong': { kind: 'invalid', field: 'title' },
  'ballot.tooFewCandidates': { kind: 'invalid', field: 'candidates' },
  'ballot.tooManyCandidates': { kind: 'invalid', field: 'candidates' },
  'ballot.candidateTooLong': { kind: 'invalid', field: 'candidates' },
  'ballot.candidateTwice': { kind: 'invalid', field: 'candidates' },
  'ballot.badChoose': { kind: 'invalid', field: 'choose' },
  'ballot.pastDeadline': { kind: 'invalid', field: 'deadline' },
  'ballot.noVoters': { kind: 'conflict' },
  'announcement.contentMissing': { kind: 'invalid', field: 'content' },
  'announcement.contentTooLong': { kind: 'invalid', field: 'content' },
  'announcement.timePast': { kind: 'invalid', field: 'when' },
  'announcement.timeTooFar': { kind: 'invalid', field: 'when' },
  'announcement.notFound': { kind: 'notFound' },
  'announcement.alreadyRevoked': { kind: 'conflict' },
  'announcement.alreadyExpired': { kind: 'conflict' },
  'announcement.alreadySent': { kind: 'conflict' },
  ...EVENT_REFUSALS,
  ...ROSTER_REFUSALS,
  ...CALENDAR_REFUSALS,
  ...RECORDS_REFUSALS,
  ...UNIT_REFUSALS,
  ...PROJECT_REFUSALS,
  ...FOLLOW_UP_REFUSALS,
  ...PHOTO_REFUSALS,
};

export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];
