// Shapes of the console API (docs/console-api.md). Dates arrive as ISO strings.

export type Role = 'office' | 'deputy';

export interface SessionInfo {
  user: { userid: string; name: string; role: Role };
  csrfToken: string;
  demo: boolean;
}

export interface Person {
  userid: string;
  name: string;
}

export interface OpinionRow {
  code: string;
  title: string;
  status: string;
  category: string;
  source: string;
  filer: Person;
  unit?: string | null;
  deadline?: string | null;
  overdue: boolean;
  filedAt: string;
  cosigners: number;
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
  deadline: string;
  assignedAt: string;
  answer?: string | null;
  answeredAt?: string | null;
  rating?: string | null;
  ratingNote?: string | null;
}

export interface TimelineEntry {
  at: string;
  who: Person;
  action: string;
  actionLabel?: string;
  detail?: string | null;
  via: 'chat' | 'console' | 'job';
}

export type CaseAction = 'assign' | 'reassign' | 'answer' | 'close' | 'reject' | 'remind';

export interface OpinionDetail {
  code: string;
  version: number;
  title: string;
  text: string;
  masked: boolean;
  /** The text has phone or ID numbers (the 未脱敏 warning is shown only then). */
  personalInfo: boolean;
  status: string;
  category: string;
  /** Why this category (null on cases filed before it was recorded). */
  categoryBasis: { how: 'given' | 'suggested' | 'default' | 'office'; keywords: string[] } | null;
  /** The categories the office may move the case to (empty for a deputy). */
  categories: string[];
  source: string;
  filer: Person;
  cosigners: Person[];
  similar: { code: string; title: string; status: string }[];
  rounds: Round[];
  timeline: TimelineEntry[];
  actions: CaseAction[];
  unit?: string | null;
  deadline?: string | null;
  filedAt?: string;
  round?: number;
  rejectReason?: string | null;
  overdue?: boolean;
}

export interface Overview {
  year: number;
  counts: { total: number; byStatus: Record<string, number> };
  rates: { answered: string; closed: string; satisfied: string };
  dueByUnit: { unit: string; overdue: number; dueSoon: number }[];
  monthly: { month: string; filed: number; answered: number }[];
  byCategory: { category: string; count: number }[];
  byUnit: { unit: string; assigned: number; overdue: number }[];
  upcoming: { code: string; kind: 'activity' | 'meeting'; title: string; startsAt: string; place?: string | null }[];
  health: {
    outbox: { queued: number; failed: number };
    jobs: {
      name: string;
      enabled?: boolean;
      lastRunAt?: string | null;
      outcome?: string | null;
      failedLastDay?: number;
      nextAt?: string | null;
    }[];
  };
}

export interface Workdays {
  days?: number;
  date: string;
  text: string;
  estimated: boolean;
}

export interface BatchResult {
  done: string[];
  failed: { code: string; message: string }[];
}

export interface AssignBody {
  unit: string;
  workdays?: number;
  deadline?: string;
}

/** A deputy's own case in 我的 (GET /api/console/me/opinions). */
export interface MyOpinionRow {
  code: string;
  title: string;
  status: string;
  daysOpen: number | null;
}

/** GET/PUT /api/console/holidays/:year (dates as YYYY-MM-DD). */
export interface HolidayYear {
  year: number;
  source: 'office' | 'file' | 'bundled' | 'none';
  off: string[];
  on: string[];
  weekdayMakeUps: string[];
  updatedAt: string | null;
  updatedByName: string | null;
  shadowsFile: boolean;
  missingNextYear: number | null;
  /** After a save: open cases whose deadline in that year was estimated on weekends only. */
  estimated?: string[];
}

/** A photo on a case (GET /opinions/:code/photos); `gps` only for the office. */
export interface CasePhoto {
  id: string;
  width: number;
  height: number;
  at: string;
  gps: { lat: number; lon: number } | null;
  thumbUrl: string;
  fullUrl: string;
}
