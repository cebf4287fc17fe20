// 意见建议 in the console: the list, one case, its steps and photos, a deputy's own cases.
import type { Day, Instant, Person } from './common';
import type { PendingAnswer, ReturnedAnswer, ReviewBody } from './units';
import type { Colour, OpinionSource, OpinionStatus, Rating, Resolution, TimelineAction, Via } from './labels';

/**
 * GET /opinions (and the filtered export): filters as the page's URL holds them (strings; empty values are
 * left out). The server checks them: `status` one or several of OPINION_STATUSES (comma-separated),
 * `source` one of OPINION_SOURCES, `due` one of DUE_FILTERS (已逾期 = red, 即将到期 = yellow), `colour` one of COLOURS.
 */
export interface OpinionFilter {
  year?: number | string;
  status?: string;
  category?: string;
  unit?: string;
  source?: string;
  filer?: string;
  due?: string;
  colour?: string;
  q?: string;
}
export interface OpinionListQuery extends OpinionFilter {
  /** 'filedAt' | 'code' | 'deadline' */
  sort?: string;
  order?: string;
  page?: number;
  pageSize?: number;
}

export interface OpinionRow {
  code: string;
  title: string;
  status: OpinionStatus;
  category: string;
  source: OpinionSource;
  filer: Person;
  unit: string | null;
  deadline: Instant | null;
  overdue: boolean;
  /** 三色预警 while the case waits for the unit's answer (已交办); null otherwise. */
  colour: Colour | null;
  filedAt: Instant;
  cosigners: number;
  /** A unit's answer waits for the office's review (待审核). */
  pendingReview: boolean;
}

/** A case's colour and its working days: left until the deadline (green, yellow; 0 = due today) or overdue (red). */
export interface ColourState {
  colour: Colour;
  workdays: number;
}

export interface OpinionPage {
  total: number;
  page: number;
  pageSize: number;
  items: OpinionRow[];
}

export interface Round {
  n: number;
  unit: string;
  deadline: Instant;
  assignedAt: Instant;
  answer: string | null;
  answeredAt: Instant | null;
  /** The answer's 落实 class (RESOLUTION_LABELS); null before an answer, or on answers from before classes. */
  resolution: Resolution | null;
  rating: Rating | string | null;
  ratingNote: string | null;
}

export interface TimelineEntry {
  at: Instant;
  who: Person;
  action: TimelineAction;
  /** The server's name for the step (TIMELINE_ACTION_LABELS). */
  actionLabel: string;
  detail: string;
  via: Via;
  round: number | null;
  unit: string | null;
  deadline: Instant | null;
  rating: string | null;
  /** An answer step's 落实 class. */
  resolution: Resolution | null;
}

export const CASE_ACTIONS = [
  'assign',
  'reassign',
  'answer',
  'close',
  'reject',
  'remind',
  'review',
  'followUp',
  'reopen',
] as const;
/** Why a case is in its category: the filer's #类别, keywords found, nothing matched, or the office's choice. */
export interface CategoryBasis {
  how: 'given' | 'suggested' | 'default' | 'office';
  keywords: string[];
}
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface SimilarCase {
  code: string;
  title: string;
  status: string;
}

/** GET /opinions/:code and /me/opinions/:code; every step answers with it too. */
export interface OpinionDetail {
  code: string;
  version: number;
  title: string;
  text: string;
  masked: boolean;
  /** The text has phone or ID numbers (the 未脱敏 warning is shown only then). */
  personalInfo: boolean;
  status: OpinionStatus;
  category: string;
  /** Why this category (null on cases filed before it was recorded). */
  categoryBasis: CategoryBasis | null;
  /** The categories the office may move the case to (empty for a deputy). */
  categories: string[];
  source: OpinionSource;
  filer: Person;
  cosigners: Person[];
  similar: SimilarCase[];
  unit: string | null;
  deadline: Instant | null;
  round: number;
  overdue: boolean;
  colour: ColourState | null;
  /** 跟踪: the day a case answered B or C comes back in 督办 (null when none is set). */
  followUpAt: Instant | null;
  filedAt: Instant;
  rejectReason: string | null;
  rounds: Round[];
  timeline: TimelineEntry[];
  /** A unit's answer waiting for review: the office and the unit see it, a deputy never (null). */
  pendingAnswer: PendingAnswer | null;
  /** Why the office sent the unit's last answer back (office and unit only). */
  returnedAnswer: ReturnedAnswer | null;
  /** What the viewer may do now (office only; empty for a deputy). */
  actions: CaseAction[];
}

/** After 交办/改派: what was understood. */
export interface Assigned {
  unit: string;
  deadline: Instant;
  unitMatch: 'matched' | 'new' | 'exact';
  defaulted: boolean;
}
export type StepResult = OpinionDetail & { assigned?: Assigned };

/** 交办 / 改派: a date or a number of working days (not both); without either, the default. */
export interface AssignBody {
  unit: string;
  workdays?: number;
  deadline?: Day;
}

/** The body of each step; `version` is the one the page read (a change meanwhile is a 409). */
export interface StepBodies {
  assign: AssignBody;
  reassign: AssignBody;
  answer: { text: string; resolution: Resolution };
  reject: { reason: string };
  close: Record<string, never>;
  remind: Record<string, never>;
  /** 跟踪 (a case answered B or C): the day it comes back in 督办, or working days from today. */
  followUp: { deadline?: Day; workdays?: number };
  /** 重办 (a closed case whose problem returned): why. */
  reopen: { reason: string };
  /** 审核: the unit's pending answer goes on to the filer, or back to the unit with the reason. */
  review: ReviewBody;
  /** 改类别: the office moves the case to another configured category (any status). */
  category: { category: string };
}

export interface BatchAssignBody extends AssignBody {
  codes: string[];
}
export interface BatchResult {
  done: string[];
  failed: { code: string; message: string }[];
}

/** POST /opinions/:code/answer-preview: the text (and class, once chosen) as the filer will read it. */
export interface AnswerPreviewBody {
  text: string;
  resolution?: Resolution;
}
export interface AnswerPreview {
  notice: string;
}

/** GET /units: units cases were assigned to before. */
export interface Units {
  units: string[];
}

/** GET /workdays?days=n: the deadline n working days from today. */
export interface Workdays {
  days: number;
  date: Day;
  text: string;
  estimated: boolean;
}

/** A deputy's own case in 我的 (GET /me/opinions). */
export interface MyOpinionRow {
  code: string;
  title: string;
  status: OpinionStatus | string;
  daysOpen: number | null;
}
export interface MyOpinionsPage {
  total: number;
  page: number;
  pages: number;
  items: MyOpinionRow[];
}

/** A photo on a case (GET /opinions/:code/photos); `gps` only for the office. */
export interface CasePhoto {
  id: string;
  width: number;
  height: number;
  at: Instant;
  gps: { lat: number; lon: number } | null;
  thumbUrl: string;
  fullUrl: string;
}
export interface CasePhotos {
  code: string;
  items: CasePhoto[];
}
