import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { consoleExportNames } from '../messages/console';
import { packWords } from '../messages/exports';
import type { Models } from '../models';
import type { Services } from '../services';
import {
  LEDGER_FILES,
  type LedgerKind,
  ledgerNames,
  writeLedger,
  writeOpinionsLedger,
  writeYearPack,
} from '../services/exports';
import { FIRST_YEAR } from '../services/performance';
import { yearOf } from '../time/zone';
import { newToken } from '../services/access';
import { notFound, parseInput } from './errors';
import type { Guard } from './session';
import { filterSchema } from './opinion-inputs';

export interface ExportRoutesDeps {
  services: Services;
  models: Models;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const XLSX = { ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const ZIP = { ext: 'zip', type: 'application/zip' };

/** `attachment` with an ASCII fallback and the UTF-8 name per RFC 5987 / RFC 6266. */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/**
 * Writes the workbook to a private temporary file, then streams it: a failure while writing is a clean
 * 500 (never a truncated download), and a year of rows never sits in memory. The file goes once sent.
 */
export async function sendWorkbook(
  ctx: Context,
  names: { ascii: string; utf8: string },
  write: (file: string) => Promise<unknown>,
  format: { ext: string; type: string } = XLSX,
): Promise<void> {
  const file = path.join(os.tmpdir(), `console-export-${newToken().slice(0, 16)}.${format.ext}`);
  try {
    await write(file);
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  const stream = createReadStream(file);
  const cleanup = () => void rm(file, { force: true });
  stream.once('close', cleanup);
  ctx.type = format.type;
  ctx.set('content-disposition', contentDisposition(`${names.ascii}.${format.ext}`, `${names.utf8}.${format.ext}`));
  ctx.body = stream;
}

export function registerExportRoutes(router: Router, d: ExportRoutesDeps): void {
  const { services, models, config, clock, guard } = d;
  const tz = config.timezone;
  const fullTextOf = (v?: string) => v === '1' || v === 'true';
  const yearOption = () =>
    z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce.number().int().min(FIRST_YEAR).max(yearOf(clock.now(), tz)).optional(),
    );
  const anyYear = () => z.object({ year: yearOption(), fullText: z.enum(['0', '1', 'true', 'false']).optional() });
  const oneYear = () => z.object({ year: yearOption().transform((y) => y ?? yearOf(clock.now(), tz)) });

  const ledgerDeps = {
    models,
    roster: services.roster,
    performance: services.performance,
    unitRecords: services.opinions.unitRecords,
    timezone: tz,
    checkin: config.tunables.checkin,
    activityTypes: config.tunables.activityTypes,
  };
  // The three ledgers of `npm run export` (and of 导出 in the chat), by year.
  router.get(
    '/exports/:file',
    guard.office(async (ctx) => {
      if (ctx.params.file === 'pack.zip') {
        // The year-end pack: every ledger, the units' records and each deputy's 述职 draft (issue 25).
        const q = parseInput(oneYear(), ctx.query);
        await sendWorkbook(
          ctx,
          { ascii: `year-pack-${q.year}`, utf8: packWords.zipName(q.year) },
          (out) =>
            writeYearPack(
              { ...ledgerDeps, ballots: services.ballots, projects: services.projects, config },
              { out, year: q.year, now: clock.now() },
            ),
          ZIP,
        );
        return;
      }
      const kind = (Object.keys(LEDGER_FILES) as LedgerKind[]).find((k) => LEDGER_FILES[k] === ctx.params.file);
      if (!kind) throw notFound();
      // Opinions: every year when none is given; the register and the activities ledger: the current year.
      const q = parseInput(kind === 'opinions' ? anyYear() : oneYear(), ctx.query) as {
        year: number | undefined;
        fullText?: string;
      };
      await sendWorkbook(ctx, ledgerNames(kind, q.year), (out) =>
        writeLedger(ledgerDeps, kind, { out, year: q.year, now: clock.now(), fullText: fullTextOf(q.fullText) }),
      );
    }),
  );

  // The list's current filter, in the ledger's columns (registered before /opinions/:code).
  router.get(
    '/opinions/export.xlsx',
    guard.office(async (ctx) => {
      const q = parseInput(filterSchema, ctx.query);
      const now = clock.now();
      const filter = services.opinions.searchFilter(q, now);
      await sendWorkbook(ctx, { ascii: consoleExportNames.filteredAscii, utf8: consoleExportNames.filtered }, (out) =>
        writeOpinionsLedger(ledgerDeps, {
          out,
          now,
          fullText: fullTextOf(q.fullText),
          only: { filter, sheet: consoleExportNames.filtered },
        }),
      );
    }),
  );
}
