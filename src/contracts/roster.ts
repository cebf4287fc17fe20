// 代表名册, 操作日志 and a deputy's own 履职 page in the console.
import type { Day, Instant, Person } from './common';
import type { AuditOp, Via } from './labels';

export interface Deputy {
  userid: string;
  name: string;
  level: string;
  group?: string;
  station?: string;
  district?: string;
  phone?: string;
  termStart: Instant | null;
  termEnd: Instant | null;
  active: boolean;
  isOffice: boolean;
  /** Office staff named in OFFICE_USERIDS: the page cannot take that away. */
  officeFromConfig: boolean;
}

export type RosterFilter = 'active' | 'inactive' | 'all';

/** GET /roster?q=&active= */
export interface RosterList {
  total: number;
  items: Deputy[];
}

/** POST /roster: add or edit one deputy (an empty contact field clears it). */
export interface DeputyBody {
  mode: 'add' | 'edit';
  userid: string;
  name: string;
  level?: string;
  group?: string;
  phone?: string;
  station?: string;
  district?: string;
}
export interface DeputySaved {
  outcome: 'added' | 'updated' | 'reactivated' | string;
  userid: string;
  name: string;
  level: string;
}

export interface ImportChange {
  /** ROSTER_FIELD_LABELS */
  field: string;
  from: string | boolean | null;
  to: string | boolean | null;
}
export interface ImportPlanRow {
  row: number;
  userid: string;
  name: string;
  changes: ImportChange[];
}
/** POST /roster/import/preview (and apply, with `applied`): exactly what an apply writes, or the rows that stop it. */
export interface ImportPlan {
  ok: boolean;
  errors: Array<{ row: number; message: string }>;
  added: ImportPlanRow[];
  changed: ImportPlanRow[];
  unchanged: number;
  deactivate: Person[];
  missingKept: Person[];
  officeKept: Person[];
  applied?: { upserted: number; deactivated: number };
}
/** A refused apply: the error body carries the plan that shows why. */
export interface ImportRefused {
  error: { code: string; message: string; fields?: Record<string, string>; plan?: ImportPlan };
}

// -- 操作日志
export interface AuditQuery {
  person?: string;
  code?: string;
  from?: Day;
  to?: Day;
  page?: number;
  pageSize?: number;
}
export interface AuditRow {
  at: Instant;
  who: Person;
  via: Via;
  what: string;
  /** AUDIT_KIND_LABELS */
  kind: string;
  code: string;
  op: AuditOp;
}
export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  items: AuditRow[];
}

// -- 我的履职, 述职 and 履职积分
/** The optional 履职积分 of one deputy and year: its lines and, per quarter and part, the records it counted. */
export interface ScoreView {
  total: number;
  lines: string[];
  quarters: Array<{
    quarter: number;
    points: number;
    parts: Array<{
      item: string;
      /** SCORE_ITEM_LABELS */
      label: string;
      count: number;
      points: number;
      records: Array<{ code: string | null; title: string; at: Instant }>;
    }>;
  }>;
}

/** GET /performance/scores?year=: the office's table of every deputy's 履职积分 (when a formula is configured). */
export type ScoreTable =
  | { enabled: false; year: number; note: string }
  | {
      enabled: true;
      year: number;
      formula: string;
      rows: Array<{ userid: string; name: string; quarters: number[]; total: number }>;
    };

export interface PerformanceItem {
  kind: string;
  kindLabel: string;
  code: string | null;
  title: string;
  detail: string | null;
  at: Instant;
  result: string;
  resultLabel: string;
}
/** GET /me/performance?year= */
export interface PerformancePage {
  year: number;
  years: number[];
  name: string;
  title: string;
  /** The 履职 command's own lines. */
  lines: string[];
  figures: Record<string, Record<string, unknown>>;
  /** Null while no 履职积分 formula is configured. */
  score: ScoreView | null;
  items: PerformanceItem[];
}
