import { spawn, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');

/** Worker threads started by the app under jest load the TypeScript sources through the same loader. */
export const TS_WORKER_ARGV = ['--require', path.join(projectRoot, 'test/helpers/ts-register.cjs')];

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point of this project in a child process (transpiled on the fly) and collects its output. */
export function runTs(
  entry: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; uid?: number; gid?: number; timeoutMs?: number },
): Promise<ChildResult> {
  const spawnOpts: SpawnOptions = {
    cwd: projectRoot,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: opts.uid,
    gid: opts.gid,
  };
  const child = spawn(
    process.execPath,
    ['-r', path.join(projectRoot, 'test/helpers/ts-register.cjs'), path.join(projectRoot, entry), ...args],
    spawnOpts,
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += String(d)));
  child.stderr?.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    // A child that hangs is the failure under test: stop it and report what it said.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${entry} did not finish within ${opts.timeoutMs ?? 30_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The test server's URI with a database name of this test's own. */
export function uriWithDatabase(dbName: string): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run tests through jest');
  const u = new URL(uri);
  u.pathname = `/${dbName}`;
  return u.toString();
}
