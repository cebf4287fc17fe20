// 概览 and 系统: the office's figures and the state of the jobs and the outbox.
import type { Instant } from './common';
import type { EventKind } from './labels';

export interface JobHealth {
  name: string;
  enabled: boolean;
  lastRunAt: Instant | null;
  outcome: string | null;
  failedLastDay: number;
  nextAt: Instant | null;
}

export interface OutboxCounts {
  queued: number;
  failed: number;
}

/** GET /overview?year= */
export interface Overview {
  year: number;
  counts: { total: number; byStatus: Record<string, number> };
  /** The four rates (commands.md): 答复率, 办结率, 满意率, 解决率 (class A ÷ answered). */
  rates: { answered: string; closed: string; satisfied: string; resolved: string };
  dueByUnit: { unit: string; overdue: number; dueSoon: number }[];
  monthly: { month: string; filed: number; answered: number }[];
  byCategory: { category: string; count: number }[];
  byUnit: { unit: string; assigned: number; overdue: number }[];
  upcoming: { code: string; kind: EventKind; title: string; startsAt: Instant; place: string | null }[];
  health: { outbox: OutboxCounts; jobs: JobHealth[] };
}

/** The long connection's push group: the office chooses it among the groups the bot has heard from. */
export interface PushGroupInfo {
  /** Whether group pushes depend on it (the long connection carries them: no webhook key). */
  needed: boolean;
  /** `chosenBy` is the person's name. */
  chosen?: { chatid: string; chosenAt?: Instant; chosenBy?: string; learnedAt: Instant; automatic: boolean };
  /** Groups the bot has heard from, newest first; `learnedFrom` is a name. */
  seen: Array<{ chatid: string; learnedAt: Instant; learnedFrom?: string }>;
  /** Group pushes waiting to go out over the long connection. */
  waiting: number;
}

/** POST /system/push-group { chatid }: the group chosen; `waiting` pushes now go out. */
export interface PushGroupChosen {
  ok: true;
  waiting: number;
}

/** GET /system */
export interface SystemInfo {
  version: string;
  database: { kind: 'embedded' | 'external'; reachable: boolean; pingMs: number | null };
  outbox: OutboxCounts;
  pushGroup: PushGroupInfo;
  jobs: Array<
    JobHealth & {
      finishedAt: Instant | null;
      error: string | null;
      note: string | null;
    }
  >;
}

export const OUTBOX_TABS = ['failed', 'queued', 'sent'] as const;
export type OutboxTab = (typeof OUTBOX_TABS)[number];

export interface OutboxRow {
  id: string;
  key: string;
  channel: string;
  status: string;
  attempts: number;
  lastError?: string;
  createdAt: Instant;
  nextAttemptAt?: Instant;
  sentAt?: Instant;
  preview: string;
}

/** GET /system/outbox?status=&page=&pageSize= */
export interface OutboxPage {
  total: number;
  page: number;
  pageSize: number;
  status: OutboxTab;
  items: OutboxRow[];
}
