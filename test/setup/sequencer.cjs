/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module */
// Runs the longest files first even when jest has no timings of its own (a fresh clone: every CI run), so
// that no long file starts last and leaves the other workers idle while the run waits for it. Jest's own
// order (last failures, then longest by recorded time) still decides among files it has timed.
const { readdirSync, statSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Long files that are small: a cold `npm start` builds the server and the console and starts the database twice,
 * the command-line failures run child processes.
 */
const LONG = [/operations\/npm-start-signals\.test\.ts$/, /operations\/cli-failures\.test\.ts$/];

/** A browser spec costs several times the CPU of a chat spec of the same size (the browser renders each page). */
const BROWSER_WEIGHT = 3;

/**
 * A file's expected length without timings: its size, or for a feature's entry (test/helpers/specs.ts) the size of
 * the specs it runs.
 */
function weight(path) {
  const dir = dirname(path);
  const name = basename(path);
  const feature = basename(dir);
  const browser = name === `${feature}.browser.test.ts`;
  if (!browser && name !== `${feature}.test.ts`) return statSync(path).size;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts') && f.endsWith('.browser.spec.ts') === browser)
    .reduce((sum, f) => sum + statSync(join(dir, f)).size * (browser ? BROWSER_WEIGHT : 1), 0);
}

class LongFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    // Only untimed files are moved: with timings, jest's longest-first already holds.
    if (ordered.some((t) => t.duration != null)) return ordered;
    const rank = (path) => {
      const i = LONG.findIndex((re) => re.test(path));
      return i < 0 ? LONG.length : i;
    };
    return ordered
      .map((test) => ({ test, long: rank(test.path), weight: weight(test.path) }))
      .sort((a, b) => a.long - b.long || b.weight - a.weight)
      .map(({ test }) => test);
  }
}

module.exports = LongFirst;
