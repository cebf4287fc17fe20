import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project folder (the one with package.json), from wherever this file runs: src/ or dist/src/. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * The simulator's browser scripts (src/demo/browser/, built into dist/demo-assets/), in the order the page inlines
 * them: each declares what the next ones use, and simulator.js, last, starts the page.
 */
const SIMULATOR_SCRIPTS = [
  'cards.js',
  'page-state.js',
  'markdown.js',
  'chat-log.js',
  'transport.js',
  'outgoing.js',
  'senders.js',
  'group-pane.js',
  'simulator.js',
];

/** The simulator's compiled browser scripts as one script. */
export function readSimulatorScript(root = projectRoot(__dirname)): string {
  return SIMULATOR_SCRIPTS.map((name) => {
    const file = path.join(root, 'dist', 'demo-assets', name);
    if (!existsSync(file))
      throw new Error(`${file} is missing: run \`npm run build\` (demo mode serves the compiled simulator script)`);
    return readFileSync(file, 'utf8');
  }).join('\n');
}
