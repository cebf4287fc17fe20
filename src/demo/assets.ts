import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project folder (the one with package.json), from wherever this file runs: src/ or dist/src/. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The simulator's compiled browser scripts (src/demo/browser/, built into dist/demo-assets/): the cards, then the page. */
export function readSimulatorScript(root = projectRoot(__dirname)): string {
  return ['cards.js', 'simulator.js']
    .map((name) => {
      const file = path.join(root, 'dist', 'demo-assets', name);
      if (!existsSync(file))
        throw new Error(`${file} is missing: run \`npm run build\` (demo mode serves the compiled simulator script)`);
      return readFileSync(file, 'utf8');
    })
    .join('\n');
}
