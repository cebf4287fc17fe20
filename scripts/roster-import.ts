import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../src/messages';
import { createModels, ensureIndexes } from '../src/models';
import { parseRosterSheets } from '../src/services/roster';
import { planImport } from '../src/services/roster';
import { formatImportReport } from '../src/services/roster';
import { createRosterImportStore } from '../src/services/roster';
import { readSheetFile, sheetProblemText } from '../src/services/roster';
import { defaults } from '../config/defaults';
import { readCliArgs } from './cli-args';
import { type CliDeps, runFromCommandLine, userPath, withDatabase } from './cli-runtime';

// `npm run roster:import -- 名册.xlsx [--apply] [--deactivate-missing]`: dry run unless --apply.

interface ImportArgs {
  file: string;
  apply: boolean;
  deactivateMissing: boolean;
}

function readArgs(argv: string[]): ImportArgs | { problem: string } {
  const a = readCliArgs(argv, {
    apply: { type: 'boolean' },
    'deactivate-missing': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('unknown' in a) return { problem: `${t('importUnknownOption', { option: a.unknown })}\n${t('importUsage')}` };
  if ('missingValue' in a || a.values.help || a.positionals.length !== 1) return { problem: t('importUsage') };
  return {
    file: a.positionals[0]!,
    apply: a.values.apply === true,
    deactivateMissing: a.values['deactivate-missing'] === true,
  };
}

/** Exit codes: 0 done (or nothing to do), 1 the file has errors (nothing written), 2 usage or file problem. */
export async function main(argv: string[], deps: CliDeps): Promise<number> {
  const args = readArgs(argv);
  if ('problem' in args) {
    deps.err(args.problem);
    return 2;
  }
  let data: Buffer;
  try {
    data = await readFile(userPath(deps, args.file));
  } catch {
    deps.err(t('importFileMissing', { file: args.file }));
    return 2;
  }
  // The same file limits as the console's upload (tunables ship with the code, so they are known before config).
  const read = await readSheetFile(data, args.file, defaults.rosterFile);
  if (!read.ok) {
    deps.err(sheetProblemText(read, defaults.rosterFile));
    return 2;
  }
  return withDatabase(deps, async ({ config, connection }) => {
    const models = createModels(connection);
    await ensureIndexes(models);
    const store = createRosterImportStore(models);
    const rules = {
      levels: config.tunables.levels,
      groups: config.tunables.professionalGroups,
      timezone: config.timezone,
    };
    const parsed = parseRosterSheets(read.sheets, rules);
    const plan = planImport(parsed, await store.snapshot(), {
      deactivateMissing: args.deactivateMissing,
      officeUserIds: config.officeUserIds,
    });
    // Everything is validated before the first write: a file with any error writes nothing.
    const applied = args.apply && plan.errors.length === 0 ? await store.apply(plan) : undefined;
    deps.out(
      formatImportReport({
        file: path.basename(args.file),
        parsed,
        plan,
        apply: args.apply,
        timezone: config.timezone,
        gbk: read.encoding === 'gb18030',
        applied,
      }),
    );
    return plan.errors.length ? 1 : 0;
  });
}

if (require.main === module) runFromCommandLine(main);
