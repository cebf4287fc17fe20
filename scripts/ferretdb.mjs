// `npm run db`: a throw-away FerretDB on a free loopback port, for offline development and CI.
// stdout carries exactly one line, the MongoDB URI, so callers can read it; everything else goes to stderr.
// Stops on SIGTERM/SIGINT: the signal is forwarded, the temp data dir removed, exit 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = join(root, '.tools', 'ferretdb', 'ferretdb');

// Same build script and staleness rule as src/db/ferretdb.ts; its output goes to our stderr.
const build = spawn('bash', [join(root, 'tools', 'ferretdb', 'build.sh'), binary], { stdio: ['ignore', 2, 2] });
let stopRequested = false;
const stopBuild = () => {
  stopRequested = true;
  build.kill('SIGTERM');
};
process.on('SIGTERM', stopBuild);
process.on('SIGINT', stopBuild);
const buildCode = await new Promise((resolve) => {
  build.on('error', (err) => {
    console.error(`ferretdb: cannot run bash: ${err.message}`);
    resolve(1);
  });
  build.on('close', (code) => resolve(code ?? 1));
});
process.off('SIGTERM', stopBuild);
process.off('SIGINT', stopBuild);
if (stopRequested) process.exit(0);
if (buildCode !== 0) {
  console.error(`ferretdb: build failed (exit ${buildCode})`);
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'ferretdb-'));
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
// stdin is a pipe so the server also stops if this script is killed with SIGKILL.
const child = spawn(binary, ['-data', dataDir, '-listen', '127.0.0.1:0', '-exit-on-stdin-eof'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});

let stopping = false;
const forward = (signal) => {
  stopping = true;
  child.kill(signal);
};
process.on('SIGTERM', () => forward('SIGTERM'));
process.on('SIGINT', () => forward('SIGINT'));
// `npm run db` runs us under `sh -c`, which dies on SIGTERM without passing it on; being
// re-parented is how we notice, so the server does not linger.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) forward('SIGTERM');
}, 1000).unref();
// Normal exit of this script (e.g. an exception) must not leave the server behind.
process.on('exit', () => {
  child.kill('SIGKILL');
  cleanup();
});

createInterface({ input: child.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
});
child.on('error', (err) => {
  console.error(`ferretdb: cannot start ${binary}: ${err.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  if (!stopping) console.error(`ferretdb: server exited unexpectedly (code ${code}, signal ${signal})`);
  process.exit(stopping ? 0 : 1);
});
