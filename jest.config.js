// eslint-disable-next-line @typescript-eslint/no-require-imports
const swcOptions = require('./scripts/swc-options.cjs');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Transpile only (type-checking is `npm run typecheck`, once), with swc: a cold cache (every CI run, a fresh
    // clone) transpiled each source file with TypeScript in each worker, and loaded TypeScript in each worker.
    // The options are scripts/swc-options.cjs, shared with the server's build.
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions, sourceMaps: 'inline' }],
  },
  // jest 29 does not follow chrono-node's wildcard "exports" to a locale; node does (src/time/chrono-zh.d.ts).
  moduleNameMapper: { '^chrono-node/zh$': '<rootDir>/node_modules/chrono-node/dist/cjs/locales/zh/index.js' },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testSequencer: '<rootDir>/test/setup/sequencer.cjs',
  testTimeout: 30000,
  // Three workers on two cores: a test file spends much of its time waiting (for the database server, a
  // browser, a child process), and a third file fills those gaps.
  maxWorkers: 3,
  // Each test file leaves its module registry behind in the worker; a heap that has grown past this makes
  // every collection slow, so the worker is replaced after the file that crossed it.
  workerIdleMemoryLimit: '800MB',
};
