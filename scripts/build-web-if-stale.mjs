// Builds the office console (web/ → web/dist) only when its sources changed since the last build:
// `npm start` and the browser tests call it, so a fresh checkout serves the console without a
// manual step and an unchanged one starts at once. Staleness is a hash of the inputs (not mtimes,
// which a checkout resets), kept in web/dist/.build-stamp.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.build-stamp');
const lockDir = join(web, '.build-lock');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function inputsHash() {
  const inputs = [
    ...files(join(web, 'src')),
    // The contract the pages import (`@contracts`): a changed label or shape rebuilds the pages.
    ...files(join(root, 'src', 'contracts')),
    join(web, 'index.html'),
    join(web, 'vite.config.mts'),
    join(web, 'tsconfig.json'),
    join(root, 'package-lock.json'),
  ]
    .filter((f) => existsSync(f))
    .sort();
  const h = createHash('sha256');
  for (const f of inputs) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

const fresh = (hash) =>
  existsSync(stampFile) && existsSync(join(dist, 'index.html')) && readFileSync(stampFile, 'utf8').trim() === hash;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// One build at a time (parallel test workers, a second `npm start`): the others wait, then re-check.
function withLock(fn) {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock left by a killed build is taken over after 3 minutes.
      if (Date.now() - statSync(lockDir).mtimeMs > 180_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() - started > 300_000)
        throw new Error('web build lock held for 5 minutes: remove web/.build-lock', { cause: err });
      sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const hash = inputsHash();
if (fresh(hash)) process.exit(0);

withLock(() => {
  if (fresh(hash)) return;
  let viteBin;
  try {
    const req = createRequire(import.meta.url);
    viteBin = join(dirname(req.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    // Production installs (--omit=dev) have no Vite: keep serving whatever was built before.
    console.warn(
      existsSync(join(dist, 'index.html'))
        ? 'web: sources changed but Vite is not installed; serving the previous build'
        : 'web: Vite is not installed (npm ci without --omit=dev); the console at /console is not available',
    );
    return;
  }
  // A first build says so plainly; later ones say why the console is built again.
  console.log(
    existsSync(stampFile)
      ? 'web: building the console (web/dist) again: its sources changed…'
      : 'web: building the console (web/dist; the first time takes about 20 s)…',
  );
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [viteBin, 'build', '--config', join(web, 'vite.config.mts'), '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    console.error('web: build failed');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`web: console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
