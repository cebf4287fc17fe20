// The server's build: each TypeScript file of the Node program transpiled on its own by swc into dist/, with the
// transform the test suite runs every file through (scripts/swc-options.cjs), so what runs is what was tested.
// Types are checked once elsewhere (`npm run typecheck`, in CI before the tests). The whole tree takes under a
// second where tsc's emit took fifteen, which is what a cold `npm start` on a fresh clone waited for.
// Usage: node scripts/transpile.mjs   (reads tsconfig.build.json's include and exclude; writes dist/<path>.js)
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { transform } from '@swc/core';

const swcOptions = createRequire(import.meta.url)('./swc-options.cjs');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// tsconfig.build.json's include and exclude, read rather than repeated (it has no comments to strip).
const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
const excluded = (rel) =>
  rel.endsWith('.d.ts') ||
  rel.endsWith('.test.ts') ||
  build.exclude.some((e) => !e.includes('*') && (rel === e || rel.startsWith(`${e}/`)));

/** Every .ts file under the included folders, as paths relative to the project root with forward slashes. */
function sources(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return excluded(rel) ? [] : sources(rel);
    return rel.endsWith('.ts') && !excluded(rel) ? [rel] : [];
  });
}

const options = (filename) => ({ ...swcOptions, filename, sourceMaps: false, swcrc: false, configFile: false });

const files = build.include.flatMap((dir) => sources(dir));
// A deleted or renamed source must not live on as a stale module that still loads.
for (const dir of build.include) rmSync(join(dist, dir), { recursive: true, force: true });
await Promise.all(
  files.map(async (rel) => {
    const out = await transform(readFileSync(join(root, rel), 'utf8'), options(rel));
    const target = join(dist, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.code);
  }),
);
console.error(`transpile: ${files.length} files into ${relative(root, dist).split(sep).join('/')}/`);
