import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportNames } from '../../messages/exports';
import { type ActivitiesLedgerDeps, writeActivitiesLedger } from './activities-ledger';
import { type LedgerDeps, writeOpinionsLedger } from './opinions-ledger';
import { type RegisterDeps, writePerformanceRegister } from './performance-register';

/** The three ledgers of `npm run export`: 意见建议台账, 代表履职登记册, 代表活动与会议台账. */
export type LedgerKind = 'opinions' | 'performance' | 'events';

export type AllLedgerDeps = LedgerDeps & ActivitiesLedgerDeps & RegisterDeps;

/** The console's download path of each ledger, under /api/console/exports/. */
export const LEDGER_FILES: Record<LedgerKind, string> = {
  opinions: 'opinions.xlsx',
  performance: 'performance.xlsx',
  events: 'events.xlsx',
};

/** A ledger's file name: ASCII (a download's fallback) and as people read it. No year: every year (opinions only). */
export function ledgerNames(kind: LedgerKind, year?: number): { ascii: string; utf8: string } {
  if (kind === 'opinions')
    return { ascii: `opinions-${year ?? 'all'}`, utf8: `${exportNames.opinions}-${year ?? exportNames.allYears}` };
  if (kind === 'performance') return { ascii: `performance-${year}`, utf8: `${exportNames.register}-${year}` };
  return { ascii: `events-${year}`, utf8: `${exportNames.activities}-${year}` };
}

/** Writes one ledger to `out`. */
export function writeLedger(
  d: AllLedgerDeps,
  kind: LedgerKind,
  o: { out: string; year: number | undefined; now: Date; fullText?: boolean },
): Promise<unknown> {
  if (kind === 'opinions')
    return writeOpinionsLedger(d, { out: o.out, year: o.year, now: o.now, fullText: o.fullText });
  // The register and the activities ledger are by year; callers default it to the current one.
  const year = o.year;
  if (year === undefined) throw new Error(`the ${kind} ledger needs a year`);
  if (kind === 'performance') return writePerformanceRegister(d, { out: o.out, year });
  return writeActivitiesLedger(d, { out: o.out, year, now: o.now });
}

/** One ledger's bytes (written to a private temporary file, read, removed): what a file message carries. */
export async function ledgerBytes(
  d: AllLedgerDeps,
  kind: LedgerKind,
  year: number,
  now: Date,
): Promise<{ filename: string; bytes: Buffer }> {
  const out = path.join(os.tmpdir(), `ledger-${randomBytes(8).toString('hex')}.xlsx`);
  try {
    await writeLedger(d, kind, { out, year, now });
    return { filename: `${ledgerNames(kind, year).utf8}.xlsx`, bytes: await readFile(out) };
  } finally {
    await rm(out, { force: true });
  }
}
