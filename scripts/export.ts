import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, systemClock } from '../src/clock';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import { exportNames, packWords } from '../src/messages/exports';
import { createModels, ensureIndexes } from '../src/models';
import { createServices } from '../src/services';
import { FileWriteError, writeActivitiesLedger } from '../src/services/exports';
import { writeOpinionsLedger } from '../src/services/exports';
import { writePerformanceRegister, writeYearPack } from '../src/services/exports';
import { createOutbox } from '../src/services/delivery';
import { FIRST_YEAR } from '../src/services/performance';
import { yearOf } from '../src/time/zone';
import { readCliArgs } from './cli-args';
import { type CliDeps, runFromCommandLine, userPath, withDatabase } from './cli-runtime';

// `npm run export -- <opinions|register|activities|pack> [--year 2026] [--out file.xlsx|.zip] [--full-text]`

const KINDS = ['opinions', 'register', 'activities', 'pack'] as const;
type Kind = (typeof KINDS)[number];

interface ExportArgs {
  kind: Kind;
  year?: number;
  out?: string;
  fullText: boolean;
}

function readArgs(argv: string[]): ExportArgs | { problem: string } {
  const a = readCliArgs(argv, {
    year: { type: 'string' },
    out: { type: 'string' },
    'full-text': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('unknown' in a) return { problem: `${t('exportBadOption', { option: a.unknown })}\n${t('exportUsage')}` };
  if ('missingValue' in a) return { problem: t('exportMissingValue', { option: a.missingValue }) };
  const { values, positionals } = a;
  if (values.help) return { problem: t('exportUsage') };
  const year = values.year as string | undefined;
  const out = values.out as string | undefined;
  if (year !== undefined && !/^\d{4}$/.test(year)) return { problem: t('exportBadYear', { year }) };
  const kind = positionals[0];
  if (positionals.length !== 1 || !kind) return { problem: t('exportUsage') };
  if (!KINDS.includes(kind as Kind)) return { problem: `${t('exportUnknownKind', { kind })}\n${t('exportUsage')}` };
  const ext = kind === 'pack' ? 'zip' : 'xlsx';
  if (out && !out.toLowerCase().endsWith(`.${ext}`)) return { problem: t('exportNotXlsx', { out, ext }) };
  return {
    kind: kind as Kind,
    year: year === undefined ? undefined : Number(year),
    out,
    fullText: values['full-text'] === true,
  };
}

/** Exit codes: 0 written, 1 the file could not be written, 2 usage problem. */
export async function main(argv: string[], deps: CliDeps & { clock?: Clock }): Promise<number> {
  const args = readArgs(argv);
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
    // Opinions default to every year; the register, the activities ledger and the pack to the current year.
    const year = args.year ?? (args.kind === 'opinions' ? undefined : current);
    // No --out: the files folder (never the source tree); a given --out is where the user is.
    const out = args.out ? userPath(deps, args.out) : path.resolve(config.filesDir, defaultFileName(args.kind, year));
    // Only the configured files folder is created; a folder named in --out must already exist.
    if (!args.out) await mkdir(path.dirname(out), { recursive: true });
    const tz = config.timezone;
    const write = () => {
      if (args.kind === 'opinions')
        return writeOpinionsLedger(
          { models, roster: services.roster, timezone: tz, unitRecords: services.opinions.unitRecords },
          { out, year, now, fullText: args.fullText },
        );
      if (args.kind === 'pack')
        return writeYearPack(
          {
            models,
            roster: services.roster,
            performance: services.performance,
            ballots: services.ballots,
            unitRecords: services.opinions.unitRecords,
            projects: services.projects,
            config,
          },
          { out, year: year!, now },
        );
      if (args.kind === 'register')
        return writePerformanceRegister(
          { performance: services.performance, timezone: tz, activityTypes: config.tunables.activityTypes },
          { out, year: year! },
        );
      return writeActivitiesLedger(
        { models, roster: services.roster, timezone: tz, checkin: config.tunables.checkin },
        { out, year: year!, now },
      );
    };
    let rows: number;
    try {
      ({ rows } = await write());
    } catch (err) {
      // A file that cannot be written: one line naming it and why, and a failing exit code.
      if (err instanceof FileWriteError) {
        deps.err(t('fileWriteFailed', { file: path.resolve(err.file), reason: fileProblem(err.code) }));
        return 1;
      }
      // A refused input (e.g. a year after this one) is a line for the user, not a crash.
      if (!(err instanceof UserError)) throw err;
      deps.err(err.reply);
      return 2;
    }
    if (args.kind === 'pack') {
      deps.out(t('exportPackDone', { file: path.resolve(out), rows }));
      return 0;
    }
    deps.out(t('exportDone', { what: exportNames[args.kind], file: path.resolve(out), rows }));
    if (rows === 0) deps.out(t('exportNoData'));
    return 0;
  });
}

/** The system's error code, said in words an office worker can act on. */
function fileProblem(code: string): string {
  if (code === 'ENOENT') return t('fileReasonNoFolder');
  if (code === 'EACCES' || code === 'EPERM') return t('fileReasonNoPermission');
  if (code === 'EROFS') return t('fileReasonReadOnly');
  if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') return t('fileReasonIsFolder');
  if (code === 'ENOTDIR') return t('fileReasonNotFolder');
  if (code === 'ENOSPC' || code === 'EDQUOT') return t('fileReasonDiskFull');
  return t('fileReasonOther', { code });
}

function defaultFileName(kind: Kind, year: number | undefined): string {
  if (kind === 'pack') return `${packWords.zipName(year!)}.zip`;
  return `${exportNames[kind]}-${year ?? exportNames.allYears}.xlsx`;
}

if (require.main === module) runFromCommandLine(main);
