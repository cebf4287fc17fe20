import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../config';
import { readEmbeddedDbSettings } from '../config/embedded-db';
import { systemClock } from '../src/clock';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { createLogger } from '../src/logger';
import { createModels, ensureIndexes } from '../src/models';
import { createServices } from '../src/services';
import { createOutbox } from '../src/services/delivery';
import { writeYearPack } from '../src/services/exports';
import { yearOf } from '../src/time/zone';
import { SEED_DEFAULTS, seedDatabase } from './seed-data';

// `npm run bench:pack`: the office's year-end pack (issue 25) for 120 deputies and 5,000 opinions of the
// year (BENCH_DEPUTIES, BENCH_OPINIONS), in a database of its own (MONGODB_URI, else the embedded one),
// with the wall time and the process's peak memory. The floor: under 60 s.

const LIMIT_SECONDS = 60;

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new Error(`${name} must be a whole number from 1 to 1000000`);
  return n;
}

async function run(env: NodeJS.ProcessEnv): Promise<boolean> {
  const deputies = count(env, 'BENCH_DEPUTIES', 120);
  const opinions = count(env, 'BENCH_OPINIONS', 5_000);
  const embedded = env.MONGODB_URI
    ? undefined
    : await startEmbeddedDatabase({
        projectRoot: path.resolve(__dirname, '..', '..'),
        dataDir: os.tmpdir(),
        persistent: false,
        settings: readEmbeddedDbSettings(env),
        heap: '2g',
      });
  const uri = env.MONGODB_URI || (embedded as { uri: string }).uri;
  const connection = await mongoose
    .createConnection(uri, { dbName: `bench_pack_${process.pid}_${Date.now().toString(36)}` })
    .asPromise();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-pack-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      MONGODB_URI: uri,
      OFFICE_USERIDS: 'bench-office',
      LOG_LEVEL: 'warn',
    });
    const log = createLogger({ level: 'warn', destination: pino.destination(2) });
    const models = createModels(connection);
    await ensureIndexes(models);
    const now = systemClock.now();
    // One year of data: every opinion falls in the year the pack is made for.
    await seedDatabase(models, config, { ...SEED_DEFAULTS, deputies, opinions, years: 1 }, now);
    const services = createServices({
      models,
      config,
      clock: systemClock,
      log,
      outbox: createOutbox({ models, clock: systemClock }),
    });
    const year = yearOf(now, config.timezone);
    const out = path.join(dir, 'pack.zip');
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const { rows } = await writeYearPack(
      {
        models,
        roster: services.roster,
        performance: services.performance,
        ballots: services.ballots,
        unitRecords: services.opinions.unitRecords,
        projects: services.projects,
        config,
      },
      { out, year, now },
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    const ok = seconds < LIMIT_SECONDS;
    process.stdout.write(
      `year-end pack ${year}: ${deputies} deputies, ${opinions} opinions → ${rows} files, ${mb((await stat(out)).size)} MB zip, ` +
        `${seconds.toFixed(1)} s, peak RSS ${mb(peak)} MB (${embedded ? embedded.kind : 'MONGODB_URI'}) — ` +
        `${ok ? 'within' : 'OVER'} the ${LIMIT_SECONDS} s floor\n`,
    );
    return ok;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await connection.dropDatabase();
    await connection.close();
    await embedded?.stop();
  }
}

if (require.main === module)
  run(process.env).then(
    (ok) => process.exit(ok ? 0 : 1),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
