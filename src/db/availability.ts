import type { Connection } from 'mongoose';
import type { Logger } from 'pino';

/** The database is known to be unreachable: answer "busy" at once instead of waiting for it. */
export class DatabaseUnavailable extends Error {
  constructor(reason = 'database unavailable') {
    super(reason);
    this.name = 'DatabaseUnavailable';
  }
}

// Driver errors that mean "no server to talk to", as opposed to a refused or invalid operation.
const UNAVAILABLE = new Set([
  'DatabaseUnavailable',
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.name === 'string' && UNAVAILABLE.has(e.name)) return true;
  // mongoose wraps a command that waited too long for a connection in a plain MongooseError.
  if (typeof e.message === 'string' && /buffering timed out/.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}

export interface DatabaseGate {
  /** Connected, and the indexes the code relies on for correctness are in place. */
  isAvailable(): boolean;
  /** Throws DatabaseUnavailable when the database is known to be down or not yet re-indexed. */
  check(): void;
  /** A ping that settles within `timeoutMs` either way. */
  ping(timeoutMs: number): Promise<void>;
  /** Resolves once available (at once if it is). */
  whenAvailable(): Promise<void>;
  stop(): void;
}

export interface DatabaseGateOptions {
  connection: Connection;
  /** Re-creates indexes (unique keys, job slots): a database that comes back empty has none. */
  ensureIndexes(): Promise<void>;
  log: Logger;
  /** Wait before trying the indexes again when that failed. */
  retryMs: number;
}

/**
 * Follows the connection's state. After any reconnection the indexes are ensured again before the
 * database counts as available, so no insert can slip in before its unique index exists.
 */
export function createDatabaseGate(o: DatabaseGateOptions): DatabaseGate {
  const { connection, log } = o;
  let available = connection.readyState === 1;
  let restoring: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  let waiters: Array<() => void> = [];

  function setAvailable(): void {
    available = true;
    for (const w of waiters) w();
    waiters = [];
  }

  function restore(): void {
    if (restoring || stopped) return;
    restoring = o
      .ensureIndexes()
      .then(() => {
        if (connection.readyState !== 1) return;
        log.info('database reachable; indexes ensured');
        setAvailable();
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'database back but indexes could not be ensured; retrying');
        clearTimeout(retry);
        retry = setTimeout(restore, o.retryMs);
        retry.unref?.();
      })
      .finally(() => {
        restoring = undefined;
      });
  }

  const onDown = (): void => {
    if (available) log.warn('database unreachable: commands answer "busy" until it is back');
    available = false;
  };
  const onUp = (): void => {
    available = false;
    restore();
  };
  connection.on('disconnected', onDown);
  connection.on('connected', onUp);
  connection.on('reconnected', onUp);

  return {
    isAvailable: () => available,
    check() {
      if (!available) throw new DatabaseUnavailable();
    },
    async ping(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseUnavailable('ping timed out')), timeoutMs);
      });
      try {
        const db = connection.db;
        if (!db) throw new DatabaseUnavailable('not connected');
        await Promise.race([db.admin().ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (!available) throw new DatabaseUnavailable('indexes are being restored');
    },
    whenAvailable() {
      return available ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
      connection.off('disconnected', onDown);
      connection.off('connected', onUp);
      connection.off('reconnected', onUp);
    },
  };
}
