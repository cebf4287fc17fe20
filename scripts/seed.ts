import { parseArgs } from 'node:util';
import { type Clock, systemClock } from '../src/clock';
import { createModels, ensureIndexes } from '../src/models';
import { type CliDeps, runFromCommandLine, withDatabase } from './cli-runtime';
import { SEED_DEFAULTS, type SeedOptions, seedDatabase } from './seed-data';

// `npm run seed -- --opinions 100000 --deputies 120 [--years 3] [--activities 24] [--meetings 10]
//   [--study 12] [--shifts 48] [--seed 1] [--batch 2000]`: fills the database of `npm start`
// (MONGODB_URI, else the embedded one) with realistic data for load tests and the office pages.

const USAGE =
  'usage: npm run seed -- [--opinions N] [--deputies N] [--years N] [--activities N per year] [--meetings N per year] [--study N per year] [--shifts N per year] [--seed N] [--batch N]';

const LIMITS: Record<string, [keyof SeedOptions, number, number]> = {
  opinions: ['opinions', 0, 2_000_000],
  deputies: ['deputies', 1, 10_000],
  years: ['years', 1, 30],
  activities: ['activitiesPerYear', 0, 10_000],
  meetings: ['meetingsPerYear', 0, 1_000],
  study: ['studyPerYear', 0, 1_000],
  shifts: ['shiftsPerYear', 0, 10_000],
  seed: ['seed', 0, 2 ** 31],
  batch: ['batchSize', 1, 100_000],
};

/** The options, or the line that says what is wrong with them. */
export function readSeedOptions(argv: string[]): SeedOptions | { problem: string } {
  let values: Record<string, unknown>;
  try {
    const options = Object.fromEntries([
      ...Object.keys(LIMITS).map((k) => [k, { type: 'string' as const }]),
      ['help', { type: 'boolean' as const, short: 'h' }],
    ]);
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    return { problem: `${err instanceof Error ? err.message : String(err)}\n${USAGE}` };
  }
  if (values.help) return { problem: USAGE };
  const o: SeedOptions = { ...SEED_DEFAULTS };
  for (const [flag, [key, min, max]] of Object.entries(LIMITS)) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max)
      return { problem: `--${flag} must be a whole number from ${min} to ${max}` };
    o[key] = n;
  }
  return o;
}

/** Exit codes: 0 seeded, 2 usage problem. */
export async function main(argv: string[], deps: CliDeps & { clock?: Clock }): Promise<number> {
  const o = readSeedOptions(argv);
  if ('problem' in o) {
    deps.err(o.problem);
    return 2;
  }
  return withDatabase(deps, async ({ config, connection }) => {
    const models = createModels(connection);
    await ensureIndexes(models);
    const started = Date.now();
    const counts = await seedDatabase(models, config, o, (deps.clock ?? systemClock).now(), deps.out);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    deps.out(
      `seeded in ${seconds} s: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    return 0;
  });
}

if (require.main === module) runFromCommandLine(main);
