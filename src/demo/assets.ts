import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project folder (the one with package.json), from wherever this file runs: src/ or dist/src/. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The simulator's compiled browser script (src/demo/browser/, built into dist/demo-assets/). */
export function readSimulatorScript(root = projectRoot(__dirname)): string {
  const file = path.join(root, 'dist', 'demo-assets', 'simulator.js');
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` (demo mode serves the compiled simulator script)`);
  return readFileSync(file, 'utf8');
}
