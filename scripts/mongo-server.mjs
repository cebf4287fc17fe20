// `npm run db`: a throw-away mongo-java-server (in memory) on a free loopback port, for offline
// development and CI. stdout carries exactly one line, the MongoDB URI, so callers can read it;
// everything else goes to stderr. Stops on SIGTERM/SIGINT (exit 0), and when its own parent goes away.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.tools', 'mongo-server');

// Same build script and staleness rule as src/db/mongo-java-server.ts; its output goes to our stderr.
const build = spawn('bash', [join(root, 'tools', 'mongo-server', 'build.sh'), dir], { stdio: ['ignore', 2, 2] });
let stopRequested = false;
const stopBuild = () => {
  stopRequested = true;
  build.kill('SIGTERM');
};
process.on('SIGTERM', stopBuild);
process.on('SIGINT', stopBuild);
const buildCode = await new Promise((resolve) => {
  build.on('error', (err) => {
    console.error(`mongo-server: cannot run bash: ${err.message}`);
    resolve(1);
  });
  build.on('close', (code) => resolve(code ?? 1));
});
process.off('SIGTERM', stopBuild);
process.off('SIGINT', stopBuild);
if (stopRequested) process.exit(0);
if (buildCode !== 0) {
  console.error(`mongo-server: build failed (exit ${buildCode})`);
  process.exit(1);
}

// `npm run db -- --heap 4g`: a bigger heap for large data sets (100,000 seeded opinions need 2–3 GB).
const heapAt = process.argv.indexOf('--heap');
const heap = heapAt >= 0 ? process.argv[heapAt + 1] : '512m';
if (!/^\d+[mg]$/i.test(heap ?? '')) {
  console.error('mongo-server: --heap takes a size like 512m or 2g');
  process.exit(2);
}
// stdin is a pipe so the server also stops if this script is killed with SIGKILL.
const child = spawn('java', [`-Xmx${heap}`, '-jar', join(dir, 'mongo-server.jar'), '--exit-on-stdin-eof'], {
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
});

createInterface({ input: child.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
});
child.on('error', (err) => {
  console.error(`mongo-server: cannot start java: ${err.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  // The JVM answers SIGTERM with 143 after running its shutdown hooks: that is a clean stop.
  if (!stopping) console.error(`mongo-server: server exited unexpectedly (code ${code}, signal ${signal})`);
  process.exit(stopping ? 0 : 1);
});
