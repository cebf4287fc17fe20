import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../helpers/eventually';
import { projectRoot } from '../helpers/child';

// `npm start` as a service manager or a terminal runs it: a SIGTERM to the npm process (or to the
// app under it) must stop the app and its embedded Java database, not just npm.

function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Pids whose command line mentions `needle` (the temp data dir names this run's Java database). */
function pidsMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    if (cmdlineOf(Number(name)).includes(needle)) pids.push(Number(name));
  }
  return pids;
}

/** Every pid under `pid`, children first. */
function descendantsOf(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // The process ended while we looked.
  }
  return children.flatMap((c) => [c, ...descendantsOf(c)]);
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The app's own process: node running the compiled entry point (not a shell that mentions it). */
function appUnder(npmPid: number): number | undefined {
  return descendantsOf(npmPid).find((pid) => {
    const argv = cmdlineOf(pid).split('\0');
    return path.basename(argv[0] ?? '') === 'node' && argv.includes('dist/src/main.js');
  });
}

interface Started {
  npm: ChildProcess;
  /** Everything under npm once it listens (pid and command line), for the clean-up after a failed test. */
  tree: Array<[number, string]>;
  port: number;
  dataDir: string;
  output: () => string;
  exited: Promise<void>;
}

async function startNpm(): Promise<Started> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'npm-start-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    FILES_DIR: dataDir,
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'info',
    // Straight to mongo-java-server: no mongod download is tried.
    MONGOMS_RUNTIME_DOWNLOAD: 'false',
  };
  const npm = spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  npm.stdout?.on('data', (d) => (out += String(d)));
  npm.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  // A cold start builds the server and the console first.
  const port = await eventually(
    () => {
      const m = /"port":(\d+)[^\n]*"msg":"bot listening"/.exec(out);
      if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
      return m ? Number(m[1]) : undefined;
    },
    'npm start listening',
    240_000,
  ).catch(async (err: unknown) => {
    // Never listening (a slow machine, a failed build): leave no npm, app or Java database behind.
    for (const pid of [...descendantsOf(npm.pid!), ...pidsMentioning(dataDir)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    npm.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    npm,
    tree: descendantsOf(npm.pid!).map((pid) => [pid, cmdlineOf(pid)]),
    port,
    dataDir,
    output: () => out,
    exited,
  };
}

async function expectAllStopped(s: Started): Promise<void> {
  // The app's own grace is 15 s; the Java database gets 5 s of it.
  await eventually(async () => !(await portAnswers(s.port)), 'the app port closed', 20_000);
  await eventually(() => pidsMentioning(s.dataDir).length === 0, 'the Java database gone', 20_000);
  await Promise.race([
    s.exited,
    eventually(() => s.npm.exitCode !== null || s.npm.signalCode !== null, 'npm exited', 20_000),
  ]);
  expect(s.output()).toContain('"msg":"stopped"');
}

describe('npm start hands the stop signal on', () => {
  let started: Started | undefined;
  afterEach(async () => {
    // A failed test must not leave an app or a database behind.
    if (started) {
      // Only a process that is still the one recorded (a pid can be reused once it is gone).
      const left = started.tree.filter(([pid, cmd]) => cmd !== '' && cmdlineOf(pid) === cmd).map(([pid]) => pid);
      for (const pid of [...left, ...pidsMentioning(started.dataDir)]) process.kill(pid, 'SIGKILL');
      started.npm.kill('SIGKILL');
      await rm(started.dataDir, { recursive: true, force: true });
      started = undefined;
    }
  });

  it('SIGTERM to the npm process stops the app and its Java database', async () => {
    started = await startNpm();
    expect(await portAnswers(started.port)).toBe(true);
    expect(pidsMentioning(started.dataDir).length).toBeGreaterThan(0);
    started.npm.kill('SIGTERM');
    await expectAllStopped(started);
  }, 300_000);

  it('SIGTERM to the app under npm stops it, its database, and npm', async () => {
    started = await startNpm();
    const app = appUnder(started.npm.pid!);
    expect(app).toBeDefined();
    process.kill(app!, 'SIGTERM');
    await expectAllStopped(started);
  }, 300_000);
});
