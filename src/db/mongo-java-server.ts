import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';

/** pino-compatible subset, so callers can pass their app logger. */
export interface DbLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface MongoServerHandle {
  uri: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;
const TAIL_LINES = 20;
/**
 * Uncapped, the heap grew to 2 GB under load. 512 MB is plenty for tests and a town's data; the
 * benchmark's 100,000 seeded opinions (whole histories, held as Java objects) need 2–3 GB.
 */
const HEAP = '512m';

/** Where the launcher is built; `.tools/` is gitignored. */
export function mongoServerDir(projectRoot: string): string {
  return path.join(projectRoot, '.tools', 'mongo-server');
}

/** Keeps the last lines of a stream so a failure can say what the child said. */
function tailOf(stream: NodeJS.ReadableStream | null, onLine?: (line: string) => void): () => string {
  const lines: string[] = [];
  if (stream) {
    createInterface({ input: stream }).on('line', (line) => {
      onLine?.(line);
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
    });
  }
  return () => lines.join('\n');
}

/**
 * Builds the launcher jar if it is missing or older than its sources. The staleness rule and the
 * Maven call live in tools/mongo-server/build.sh, shared with `npm run db`, so they cannot diverge.
 */
export async function ensureMongoServerJar(opts: { projectRoot: string; log?: DbLog }): Promise<string> {
  const { projectRoot, log } = opts;
  const out = mongoServerDir(projectRoot);
  const script = path.join(projectRoot, 'tools', 'mongo-server', 'build.sh');
  const child = spawn('bash', [script, out], { stdio: ['ignore', 'pipe', 'pipe'] });
  const progress = (line: string): void => {
    if (line.startsWith('mongo-server build:')) log?.info({ dir: out }, line);
  };
  const stdoutTail = tailOf(child.stdout);
  const stderrTail = tailOf(child.stderr, progress);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`mongo-server build: cannot run bash: ${err.message}`)));
    child.on('close', (c) => resolve(c));
  });
  if (code === 0) return path.join(out, 'mongo-server.jar');
  const output = [stderrTail(), stdoutTail()].filter(Boolean).join('\n');
  if (code === 3) {
    throw new Error(
      "mongo-server build: 'java' or 'mvn' is not on PATH; install OpenJDK 17 and Maven, or set MONGODB_URI",
    );
  }
  throw new Error(`mongo-server build failed (exit ${String(code)}):\n${output}`);
}

async function pingUntilReady(uri: string, deadline: number, exited: () => string | undefined): Promise<void> {
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(why);
    const client = new MongoClient(uri, {
      serverSelectionTimeoutMS: Math.max(500, Math.min(2_000, deadline - Date.now())),
      connectTimeoutMS: 2_000,
      directConnection: true,
    });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    } finally {
      await client.close().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`mongo-java-server at ${uri} did not answer ping within ${START_TIMEOUT_MS / 1000}s: ${lastError}`);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The URI the server prints as its first line, or why it never came (a timeout, no java, an early exit). */
function firstUri(
  child: ChildProcessWithoutNullStreams,
  jar: string,
  stderrTail: () => string,
  exitReason: () => string | undefined,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`mongo-java-server printed no URI within ${START_TIMEOUT_MS / 1000}s:\n${stderrTail()}`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const trimmed = line.trim();
      if (trimmed.startsWith('mongodb://')) resolve(trimmed);
      else reject(new Error(`mongo-java-server printed an unexpected first line: ${trimmed}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start java for ${jar}: ${err.message}`));
    });
    child.once('close', () => {
      clearTimeout(timer);
      reject(new Error(exitReason()));
    });
  });
}

/**
 * Starts mongo-java-server on a free loopback port (or `port`, e.g. to restart one in a test): in memory, or with an H2 file when `h2File` is
 * given (data kept across restarts).
 */
export async function startMongoJavaServer(opts: {
  projectRoot: string;
  h2File?: string;
  log?: DbLog;
  port?: number;
  heap?: string;
}): Promise<MongoServerHandle> {
  const { projectRoot, h2File, log } = opts;
  const jar = await ensureMongoServerJar({ projectRoot, log });

  // stdin stays a pipe: if we die without cleanup (SIGKILL), its EOF tells the child to stop.
  const args = [
    `-Xmx${opts.heap ?? HEAP}`,
    '-jar',
    jar,
    '--exit-on-stdin-eof',
    ...(h2File ? ['--h2', h2File] : []),
    ...(opts.port ? ['--port', String(opts.port)] : []),
  ];
  const child = spawn('java', args, {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderrTail = tailOf(child.stderr);
  let exitReason: string | undefined;
  // 'close' rather than 'exit': by then stderr is drained, so the reason is complete.
  child.on('close', (code, signal) => {
    exitReason = `mongo-java-server exited early (code ${String(code)}, signal ${String(signal)}):\n${stderrTail()}`;
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    const uri = await firstUri(child, jar, stderrTail, () => exitReason);
    await pingUntilReady(uri, deadline, () => exitReason);

    // The running child must not keep an otherwise finished Node process alive.
    child.unref();
    for (const s of [child.stdin, child.stdout, child.stderr])
      (s as unknown as { unref?: () => void } | null)?.unref?.();

    let stopping: Promise<void> | undefined;
    child.once('close', () => {
      if (!stopping) log?.warn({ pid: child.pid, reason: exitReason }, 'mongo-java-server exited unexpectedly');
    });
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        if (!hasExited(child)) {
          child.kill('SIGTERM');
          if (!(await waitForExit(child, STOP_GRACE_MS))) {
            log?.warn({ pid: child.pid }, 'mongo-java-server ignored SIGTERM for 5s; sending SIGKILL');
            child.kill('SIGKILL');
            await waitForExit(child, STOP_GRACE_MS);
          }
        }
        process.off('exit', killOnExit);
      })();
      return stopping;
    };
    return { uri, stop };
  } catch (err) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw err;
  }
}
