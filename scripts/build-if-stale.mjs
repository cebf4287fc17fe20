// Builds what is older than its sources, and nothing else, so `npm start` and the CLI tools start in
// seconds once built. Usage: node scripts/build-if-stale.mjs [--force] [target…] [--run file.js]
// (default: every target; --run then loads that compiled entry point in this same process).
// Each target: the files it is built from, and the command that builds it; its stamp under dist/.stamps/
// records the last good build. Another build (e.g. the console's Vite build of web/) is one more line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const SHARED = ['package.json', 'package-lock.json', 'tsconfig.json'];

/** name → { inputs (files or folders), run (argv), compiler (absent in a production image), output (must exist after a build) } */
const TARGETS = {
  server: {
    inputs: ['src', 'handlers', 'jobs', 'config', 'scripts', 'tsconfig.build.json', ...SHARED],
    // Transpiled by swc as the tests run it (types are `npm run typecheck`'s): seconds, where tsc's emit took 15.
    run: [join(root, 'scripts', 'transpile.mjs')],
    compiler: join(root, 'node_modules', '@swc', 'core'),
    output: 'dist/src/main.js',
  },
  simulator: {
    inputs: ['src/demo/browser', ...SHARED],
    run: [tsc, '-p', 'src/demo/browser/tsconfig.json'],
    compiler: tsc,
    output: 'dist/demo-assets/simulator.js',
  },
};

const IGNORED = new Set(['node_modules', 'dist', '.git']);

/** The newest modification time (ms) under a file or folder; 0 if it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs; // a deleted or renamed file changes its folder
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    max = Math.max(max, newest(join(path, entry.name)));
  }
  return max;
}

const argv = process.argv.slice(2);
const runAt = argv.indexOf('--run');
const entry = runAt >= 0 ? argv[runAt + 1] : undefined;
const args = runAt >= 0 ? argv.slice(0, runAt) : argv;
const force = args.includes('--force');
const names = args.filter((a) => !a.startsWith('--'));
for (const name of names) {
  if (!TARGETS[name]) {
    console.error(`build-if-stale: unknown target "${name}" (known: ${Object.keys(TARGETS).join(', ')})`);
    process.exit(2);
  }
}

for (const name of names.length ? names : Object.keys(TARGETS)) {
  const target = TARGETS[name];
  const stamp = join(root, 'dist', '.stamps', name);
  const built = existsSync(join(root, target.output)) && existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...target.inputs.map((p) => newest(join(root, p))));
  if (!force && built > 0 && changed <= built) continue;
  if (!existsSync(target.compiler) && existsSync(join(root, target.output)) && !force) {
    // No compiler here (a production image): what is built is what runs.
    continue;
  }
  const started = Date.now();
  console.error(`build-if-stale: building ${name}…`);
  const r = spawnSync(process.execPath, target.run, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  mkdirSync(dirname(stamp), { recursive: true });
  // The stamp takes the time the build started: a source saved during the build counts as newer.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
  console.error(`build-if-stale: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// One process for check and start: `npm start` saves a second Node start-up.
if (entry) await import(pathToFileURL(join(root, entry)).href);
