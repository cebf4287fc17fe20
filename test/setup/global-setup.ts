import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Config } from '@jest/types';
import { readEmbeddedDbSettings } from '../../config/embedded-db';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { BROWSER_WS_ENV, sharedBrowserServer } from '../helpers/browser';

/** Where the teardown finds the server; globalSetup and globalTeardown share the jest parent's globalThis. */
export const EMBEDDED_DB_KEY = Symbol.for('deputy.test.embeddedDatabase');
export const BROWSER_SERVER_KEY = Symbol.for('deputy.test.browserServer');

const line =
  (level: string) =>
  (obj: object, msg?: string): void => {
    process.stderr.write(`[test-db] ${level}: ${msg ?? ''} ${JSON.stringify(obj)}\n`);
  };

/** Demo-mode tests serve the compiled simulator script: build it if its sources changed (seconds, once). */
function buildSimulator(projectRoot: string): void {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-if-stale.mjs'), 'simulator'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('building the simulator script failed');
}

/**
 * A whole run (no file pattern, as `npm test` and CI) shares one browser among its browser test files
 * instead of starting one per file; a run of a few files picked by hand starts none it may not need
 * (its browser files launch their own).
 */
async function startSharedBrowser(globalConfig: Config.GlobalConfig): Promise<void> {
  if (globalConfig.testPathPattern !== '' && !/browser/.test(globalConfig.testPathPattern)) return;
  const server = await sharedBrowserServer();
  (globalThis as Record<symbol, unknown>)[BROWSER_SERVER_KEY] = server;
  process.env[BROWSER_WS_ENV] = server.wsEndpoint();
}

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  buildSimulator(path.resolve(__dirname, '..', '..'));
  await startSharedBrowser(globalConfig);
  if (process.env.MONGODB_URI) {
    process.stderr.write('[test-db] using MONGODB_URI from the environment\n');
    return;
  }
  const projectRoot = path.resolve(__dirname, '..', '..');
  const db: EmbeddedDatabase = await startEmbeddedDatabase({
    projectRoot,
    dataDir: path.join(projectRoot, 'data', 'test'),
    persistent: false,
    settings: readEmbeddedDbSettings(process.env),
    log: { info: line('info'), warn: line('warn') },
  });
  // Workers are forked after globalSetup, so they inherit this.
  process.env.MONGODB_URI = db.uri;
  (globalThis as Record<symbol, unknown>)[EMBEDDED_DB_KEY] = db;
  process.stderr.write(`[test-db] started ${db.kind} at ${db.uri}\n`);
}
