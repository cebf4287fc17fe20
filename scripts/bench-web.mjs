// Measures what a browser downloads (gzipped) to show the office console, from Vite's manifest:
// the shell (entry + its static imports + CSS) plus each page's own chunks, and the lazily loaded
// chart library on its own. Fails when a first load exceeds the budget (issue 13: 800 KB).
// Usage: npm run bench:web  (builds web/ first when its sources changed)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 800;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'web', 'dist');

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-web-if-stale.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gz = new Map();
const gzSize = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gz.get(file);
};

/** Files fetched for a chunk: itself, its static imports (transitively) and their CSS; never dynamic imports. */
function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const c = manifest[key];
    closure(c.imports ?? [], seen);
  }
  const out = new Set();
  for (const key of seen) {
    const c = manifest[key];
    out.add(c.file);
    for (const css of c.css ?? []) out.add(css);
  }
  return out;
}
const kb = (n) => (n / 1024).toFixed(1);
const sum = (files) => [...files].reduce((s, f) => s + gzSize(f), 0);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const shell = closure([entryKey]);
const html = gzipSync(readFileSync(join(dist, 'index.html'))).length;
const rows = [['shell (index.html + entry + vendor + CSS)', html + sum(shell)]];
let worst = 0;
for (const page of manifest[entryKey].dynamicImports ?? []) {
  const files = closure([entryKey, page]);
  const total = html + sum(files);
  worst = Math.max(worst, total);
  rows.push([`first load of ${page.replace(/^web\/src\//, '')}`, total]);
}
const charts = Object.keys(manifest).filter((k) => manifest[k].name === 'charts' && manifest[k].file.endsWith('.js'));
for (const k of charts) rows.push([`lazy: ${manifest[k].file} (charts, after 概览 shows)`, gzSize(manifest[k].file)]);

for (const [label, bytes] of rows) console.log(`${kb(bytes).padStart(8)} KB gz  ${label}`);
console.log(`console first load (largest page): ${kb(worst)} KB gzipped; budget ${BUDGET_KB} KB`);
if (worst > BUDGET_KB * 1024) {
  console.error(`over budget by ${kb(worst - BUDGET_KB * 1024)} KB`);
  process.exit(1);
}
