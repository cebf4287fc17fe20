import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs a feature's specs (`<name>.spec.ts`, or `<name>.browser.spec.ts`) as one jest test file, each in a describe
 * block named after it. Jest gives every test file a fresh module registry, and loading the app into it costs about
 * half a second of CPU: a hundred and seventy files paid that a hundred and seventy times. Each spec still makes its
 * own app and database in its own `beforeAll` and closes them in its `afterAll`, which now run around its block.
 * One spec alone: `npx jest test/units -t colours` (the block's name is the file's).
 */
export function runSpecs(dir: string, kind: 'node' | 'browser'): void {
  const suffix = kind === 'browser' ? '.browser.spec.ts' : '.spec.ts';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && (kind === 'browser' || !f.endsWith('.browser.spec.ts')))
    .sort();
  if (files.length === 0) throw new Error(`no ${suffix} files in ${dir}`);
  for (const file of files)
    describe(file.slice(0, -suffix.length), () => {
      // Loaded while jest collects this block, so the spec's hooks and tests register inside it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(join(dir, file));
    });
}
