import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { EmbeddedDbSettings } from '../../config/embedded-db';
import { startMongoJavaServer, type DbLog } from './mongo-java-server';

export type EmbeddedKind = 'mongodb-memory-server' | 'mongo-java-server';

export interface EmbeddedDatabase {
  uri: string;
  kind: EmbeddedKind;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  projectRoot: string;
  /** Parent of the on-disk data (`mongo/` or `mongo-java-server/`); used only when persistent. */
  dataDir: string;
  /** Keep data across restarts (`npm start`); tests pass false. */
  persistent: boolean;
  /** From config/embedded-db.ts: the environment is read there, not here. */
  settings: EmbeddedDbSettings;
  log?: DbLog;
  /** mongo-java-server's heap (e.g. `2g`); the default suits tests and a town's data. */
  heap?: string;
}

export const NO_DATABASE_MESSAGE =
  '无法启动内置数据库：请设置 MONGODB_URI 指向一个 MongoDB（例如 mongodb://127.0.0.1:27017/deputies），或安装 OpenJDK 17 与 Maven / ' +
  'Cannot start an embedded database: set MONGODB_URI to a MongoDB server (e.g. mongodb://127.0.0.1:27017/deputies), or install OpenJDK 17 and Maven';

const PROBE_TIMEOUT_MS = 5_000;

function message(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? err.name) : String(err);
}

/**
 * Resolves to undefined if the download host answers at all, else to why not. Offline, the
 * memory server retries a failed download several times with back-off; a host that never answers
 * would stall it for minutes, so ask once with a hard deadline.
 */
function probe(origin: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lib = origin.startsWith('http:') ? http : https;
    const req = lib.request(origin, { method: 'HEAD', timeout: PROBE_TIMEOUT_MS });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(`${origin} did not answer within ${PROBE_TIMEOUT_MS / 1000}s`);
    }, PROBE_TIMEOUT_MS);
    const done = (why: string | undefined): void => {
      clearTimeout(timer);
      req.destroy();
      resolve(why);
    };
    req.on('response', () => done(undefined));
    req.on('timeout', () => done(`${origin} did not answer within ${PROBE_TIMEOUT_MS / 1000}s`));
    req.on('error', (err) => done(`${origin} unreachable (${message(err)})`));
    req.end();
  });
}

type MemoryServerModule = typeof import('mongodb-memory-server');

/**
 * mongodb-memory-server is a development dependency (kept out of the production image): load it
 * only when the embedded database is wanted, and say plainly when it is not installed.
 */
async function loadMemoryServer(): Promise<MemoryServerModule> {
  try {
    return await import('mongodb-memory-server');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    throw new Error(
      'mongodb-memory-server is not installed (a development dependency: run `npm ci` without --omit=dev)',
      { cause: err },
    );
  }
}

async function startMemoryServer(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // Loaded only when needed: with MONGODB_URI set, the server starts without it.
  const { DryMongoBinary, MongoMemoryServer } = await loadMemoryServer();
  // A cached or system mongod starts without the network; only a missing one needs the probe.
  const binary = await DryMongoBinary.locateBinary({ version: '' });
  if (!binary) {
    if (!opts.settings.runtimeDownload) {
      throw new Error('no mongod binary cached and MONGOMS_RUNTIME_DOWNLOAD is off');
    }
    if (!opts.settings.behindProxy) {
      const why = await probe(opts.settings.downloadOrigin);
      if (why) throw new Error(`no mongod binary cached and cannot download one: ${why}`);
    }
  }
  let server: InstanceType<MemoryServerModule['MongoMemoryServer']>;
  if (opts.persistent) {
    const dbPath = path.join(opts.dataDir, 'mongo');
    await mkdir(dbPath, { recursive: true });
    server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  } else {
    server = await MongoMemoryServer.create();
  }
  return {
    uri: server.getUri(),
    kind: 'mongodb-memory-server',
    // Default cleanup removes only the server's own temp dir, never a given dbPath.
    stop: async () => {
      await server.stop();
    },
  };
}

async function startEmbeddedJavaServer(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const h2File = opts.persistent ? path.join(opts.dataDir, 'mongo-java-server', 'data.mv.db') : undefined;
  if (h2File) await mkdir(path.dirname(h2File), { recursive: true });
  const db = await startMongoJavaServer({ projectRoot: opts.projectRoot, h2File, log: opts.log, heap: opts.heap });
  return { uri: db.uri, kind: 'mongo-java-server', stop: db.stop };
}

/**
 * A database for `npm start` without MONGODB_URI and for tests: a real mongod through
 * mongodb-memory-server where it can get one, else mongo-java-server built from tools/mongo-server
 * (in memory for tests, an H2 file for `npm start`).
 */
export async function startEmbeddedDatabase(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  // Data already kept by mongo-java-server stays there (a mongod appearing later would start empty),
  // and the start skips the mongod probe.
  if (
    opts.persistent &&
    existsSync(path.join(opts.dataDir, 'mongo-java-server')) &&
    !existsSync(path.join(opts.dataDir, 'mongo'))
  ) {
    return startEmbeddedJavaServer(opts);
  }
  let mongoError: unknown;
  try {
    return await startMemoryServer(opts);
  } catch (err) {
    mongoError = err;
    opts.log?.warn({ reason: message(err) }, 'mongodb-memory-server unavailable; falling back to mongo-java-server');
  }
  let javaError: unknown;
  try {
    return await startEmbeddedJavaServer(opts);
  } catch (err) {
    javaError = err;
    opts.log?.warn({ reason: err instanceof Error ? err.message : String(err) }, 'mongo-java-server unavailable');
  }
  // One line for the operator; the details are in `cause` and in the warn lines above.
  throw new Error(NO_DATABASE_MESSAGE, {
    cause: new AggregateError([mongoError, javaError], 'both embedded databases failed'),
  });
}
