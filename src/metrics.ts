import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the scrape reads from the database when it happens (each read bounded by timeoutMs). */
export interface MetricsSources {
  /** Outbox items per status (pending, sending, sent, dead). */
  outboxCounts(timeoutMs: number): Promise<Record<string, number>>;
  /** One round trip to the database (a ping). */
  ping(timeoutMs: number): Promise<void>;
}

export const LONG_CONNECTION_STATES = ['disabled', 'connecting', 'open', 'closed'] as const;
export type LongConnectionState = (typeof LONG_CONNECTION_STATES)[number];

const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
/** A scrape never waits longer than this on the database. */
const SCRAPE_DB_TIMEOUT_MS = 2_000;

/**
 * The process's Prometheus metrics (prom-client, one registry per app so tests stay apart).
 * Parts record through the functions here; database figures are read at scrape time.
 */
export function createMetrics(o: { prefix?: string } = {}) {
  const prefix = o.prefix ?? 'deputy_bot_';
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  let sources: MetricsSources | undefined;

  const { requests, commandSeconds, missedDeadline, jobRuns, longConnection, dbUp, dbRoundTrip, outbox } =
    defineMetrics(registry, prefix);

  setLongConnectionState('disabled');

  function setLongConnectionState(state: LongConnectionState): void {
    for (const s of LONG_CONNECTION_STATES) longConnection.set({ state: s }, s === state ? 1 : 0);
  }

  /** Reads the database figures; a slow or absent database shows as db_up 0 and no outbox samples. */
  async function collectDatabase(): Promise<void> {
    if (!sources) return;
    const started = process.hrtime.bigint();
    try {
      await sources.ping(SCRAPE_DB_TIMEOUT_MS);
      dbRoundTrip.set(Number(process.hrtime.bigint() - started) / 1e9);
      dbUp.set(1);
      const counts = await sources.outboxCounts(SCRAPE_DB_TIMEOUT_MS);
      for (const s of OUTBOX_STATUSES) outbox.set({ status: s }, counts[s] ?? 0);
    } catch {
      dbUp.set(0);
      dbRoundTrip.reset();
      outbox.reset();
    }
  }

  return {
    registry,
    /** The composition root hands in the database readers once the models exist. */
    bind(s: MetricsSources): void {
      sources = s;
    },
    observeRequest(status: number): void {
      requests.inc({ status: String(status) });
    },
    observeCommand(command: string, outcome: 'ok' | 'refused' | 'error', seconds: number): void {
      commandSeconds.observe({ command, outcome }, seconds);
    },
    /** A reply that was not ready within the transport's deadline (passive reply window, stream). */
    recordMissedDeadline(transport: string): void {
      missedDeadline.inc({ transport });
    },
    recordJobRun(job: string, outcome: string): void {
      jobRuns.inc({ job, outcome });
    },
    setLongConnectionState,
    /** The exposition text (database figures read now). */
    async render(): Promise<{ contentType: string; body: string }> {
      await collectDatabase();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The metrics this process exposes, registered once per app. */
function defineMetrics(registry: Registry, prefix: string) {
  const requests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests answered, by status code',
    labelNames: ['status'],
    registers: [registry],
  });
  const commandSeconds = new Histogram({
    name: `${prefix}command_duration_seconds`,
    help: 'Time to run a command, by command name and outcome (ok, refused, error)',
    labelNames: ['command', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  const missedDeadline = new Counter({
    name: `${prefix}replies_missed_deadline_total`,
    help: 'Replies not ready within the transport deadline (answered later or by push), by transport',
    labelNames: ['transport'],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: `${prefix}job_runs_total`,
    help: 'Scheduler slot outcomes, by job and outcome',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const longConnection = new Gauge({
    name: `${prefix}long_connection_state`,
    help: 'WeCom long connection: 1 for the current state (disabled, connecting, open, closed)',
    labelNames: ['state'],
    registers: [registry],
  });
  const dbUp = new Gauge({
    name: `${prefix}db_up`,
    help: '1 when the database answered the scrape-time ping',
    registers: [registry],
  });
  const dbRoundTrip = new Gauge({
    name: `${prefix}db_round_trip_seconds`,
    help: 'Database ping round trip at scrape time',
    registers: [registry],
  });
  const outbox = new Gauge({
    name: `${prefix}outbox_items`,
    help: 'Outbox items by status (pending = queued, dead = failed for good, sent)',
    labelNames: ['status'],
    registers: [registry],
  });
  return { requests, commandSeconds, missedDeadline, jobRuns, longConnection, dbUp, dbRoundTrip, outbox };
}
