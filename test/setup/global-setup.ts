import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { readEmbeddedDbSettings } from '../../config/embedded-db';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';

/** Where the teardown finds the server; globalSetup and globalTeardown share the jest parent's globalThis. */
export const EMBEDDED_DB_KEY = Symbol.for('deputy.test.embeddedDatabase');

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

export default async function globalSetup(): Promise<void> {
  buildSimulator(path.resolve(__dirname, '..', '..'));
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
