import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Builds web/ into web/dist unless the last build matches its sources (parallel callers wait for one build). */
export function ensureWebBuilt(): string {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-web-if-stale.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
  return join(root, 'web', 'dist');
}
