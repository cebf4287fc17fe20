/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module */
// Runs the longest files first even when jest has no timings of its own (a fresh clone: every CI run), so
// that no long file starts last and leaves the other workers idle while the run waits for it. Jest's own
// order (last failures, then longest by recorded time) still decides among files it has timed.
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Long files that are small (jest's fallback is the largest file first): a cold `npm start` builds the server
 * and the console, the command-line failures run child processes, the big-sheet export streams 12,000 rows.
 */
const LONG = [
  /operations\/npm-start-signals\.test\.ts$/,
  /operations\/cli-failures\.test\.ts$/,
  /unit\/export-sheets\.test\.ts$/,
];

const rank = (path) => {
  const i = LONG.findIndex((re) => re.test(path));
  return i < 0 ? LONG.length : i;
};

class LongFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    // Only untimed files are moved: with timings, jest's longest-first already holds.
    if (ordered.some((t) => t.duration != null)) return ordered;
    return ordered
      .map((test, i) => ({ test, i }))
      .sort((a, b) => rank(a.test.path) - rank(b.test.path) || a.i - b.i)
      .map(({ test }) => test);
  }
}

module.exports = LongFirst;
