import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, systemClock } from '../src/clock';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import { exportNames } from '../src/messages/exports';
import { createModels, ensureIndexes } from '../src/models';
import { createServices } from '../src/services';
import { writeActivitiesLedger } from '../src/services/exports/activities-ledger';
import { writeOpinionsLedger } from '../src/services/exports/opinions-ledger';
import { writePerformanceRegister } from '../src/services/exports/performance-register';
import { createOutbox } from '../src/services/outbox';
import { FIRST_YEAR } from '../src/services/performance';
import { yearOf } from '../src/time/zone';
import { type CliDeps, runFromCommandLine, userPath, withDatabase } from './cli-runtime';

// `npm run export -- <opinions|register|activities> [--year 2026] [--out file.xlsx] [--full-text]`

const KINDS = ['opinions', 'register', 'activities'] as const;
type Kind = (typeof KINDS)[number];

interface ExportArgs {
  kind: Kind;
  year?: number;
  out?: string;
  fullText: boolean;
}

function parseArgs(argv: string[]): ExportArgs | { problem: string } {
  const positional: string[] = [];
  const a: Partial<ExportArgs> = { fullText: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { problem: t('exportUsage') };
    if (arg === '--full-text') a.fullText = true;
    else if (arg === '--year' || arg === '--out') {
      const value = argv[(i += 1)];
      if (!value) return { problem: t('exportMissingValue', { option: arg }) };
      if (arg === '--out') a.out = value;
      else if (!/^\d{4}$/.test(value)) return { problem: t('exportBadYear', { year: value }) };
      else a.year = Number(value);
    } else if (arg.startsWith('-')) return { problem: `${t('exportBadOption', { option: arg })}\n${t('exportUsage')}` };
    else positional.push(arg);
  }
  const kind = positional[0];
  if (positional.length !== 1 || !kind) return { problem: t('exportUsage') };
  if (!KINDS.includes(kind as Kind)) return { problem: `${t('exportUnknownKind', { kind })}\n${t('exportUsage')}` };
  if (a.out && !a.out.toLowerCase().endsWith('.xlsx')) return { problem: t('exportNotXlsx', { out: a.out }) };
  return { ...a, kind: kind as Kind, fullText: a.fullText ?? false };
}

/** Exit codes: 0 written, 2 usage problem. */
export async function main(argv: string[], deps: CliDeps & { clock?: Clock }): Promise<number> {
  const args = parseArgs(argv);
  if ('problem' in args) {
    deps.err(args.problem);
    return 2;
  }
  const clock = deps.clock ?? systemClock;
  return withDatabase(deps, async ({ config, connection, log }) => {
    const models = createModels(connection);
    await ensureIndexes(models);
    const services = createServices({ models, config, clock, log, outbox: createOutbox({ models, clock }) });
    const now = clock.now();
    const current = yearOf(now, config.timezone);
    if (args.year !== undefined && (args.year < FIRST_YEAR || args.year > current)) {
      deps.err(t('exportYearOutOfRange', { year: args.year, first: FIRST_YEAR, current }));
      return 2;
    }
    // Opinions default to every year; the register and the activities ledger to the current year.
    const year = args.year ?? (args.kind === 'opinions' ? undefined : current);
    // No --out: the files folder (never the source tree); a given --out is where the user is.
    const out = args.out ? userPath(deps, args.out) : path.resolve(config.filesDir, defaultFileName(args.kind, year));
    await mkdir(path.dirname(out), { recursive: true });
    const tz = config.timezone;
    const write = () => {
      if (args.kind === 'opinions') return writeOpinionsLedger({ models, roster: services.roster, timezone: tz }, { out, year, now, fullText: args.fullText });
      if (args.kind === 'register') return writePerformanceRegister({ performance: services.performance, timezone: tz, activityTypes: config.tunables.activityTypes }, { out, year: year! });
      return writeActivitiesLedger({ models, roster: services.roster, timezone: tz, checkin: config.tunables.checkin }, { out, year: year!, now });
    };
    let rows: number;
    try {
      ({ rows } = await write());
    } catch (err) {
      // A refused input (e.g. a year after this one) is a line for the user, not a crash.
      if (!(err instanceof UserError)) throw err;
      deps.err(err.reply);
      return 2;
    }
    deps.out(t('exportDone', { what: exportNames[args.kind], file: path.resolve(out), rows }));
    if (rows === 0) deps.out(t('exportNoData'));
    return 0;
  });
}

function defaultFileName(kind: Kind, year: number | undefined): string {
  return `${exportNames[kind]}-${year ?? exportNames.allYears}.xlsx`;
}

if (require.main === module) runFromCommandLine(main);
