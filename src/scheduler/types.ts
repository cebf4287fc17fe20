import type { Logger } from 'pino';
import type { Services } from '../services';

/** One fire time of a job's schedule: the unit that runs exactly once. */
export interface Slot {
  /** `digest:2026-11-23T09:00` (wall time in the configured zone). Derive outbox keys from it. */
  key: string;
  at: Date;
}

export interface JobContext {
  /** The time of the tick that runs the slot (later than slot.at when catching up). */
  now: Date;
  slot: Slot;
  services: Services;
  /** A child logger for this run (job, slot, attempt). */
  log: Logger;
}

export interface JobResult {
  counts?: Record<string, number>;
  note?: string;
}

/** A scheduled job: an entry of the table in jobs/index.ts. It must be safe to run twice for one slot. */
export interface Job {
  name: string;
  /** Five-field cron, read in config.timezone. */
  schedule: string;
  /** How late a slot may still be run (catch-up after downtime); older slots are recorded as skipped. */
  graceMs: number;
  enabled: boolean;
  /** Acts only on working days of the official calendar (the job checks; 任务 shows the next such day). */
  workdaysOnly?: boolean;
  run(ctx: JobContext): Promise<JobResult>;
}
