import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportHeaders, packWords } from '../../messages/exports';
import type { Models } from '../../models';
import type { CheckinTunables } from '../events';
import type { Ballots } from '../ballots';
import type { Projects } from '../projects';
import { projectPackWords } from '../../messages/projects';
import { type AppraisalTally, writeAppraisalResults } from './appraisal-results';
import { writeProjectsWorkbook } from './projects-workbook';
import type { Performance } from '../performance';
import type { Roster } from '../roster';
import { writeActivitiesLedger } from './activities-ledger';
import { writeBallotResults } from './ballot-results';
import { writeOpinionsLedger } from './opinions-ledger';
import { writePerformanceRegister } from './performance-register';
import { type UnitRecordsOf, writeUnitRecords } from './unit-records';
import { FileWriteError, writeXlsx } from './xlsx-stream';

// The year-end pack (年度资料包): the three ledgers, the units' records, the ballots' tallies, the 民生实事 projects, the
// 测评 / 评议 results, every deputy's 述职 draft and an
// index, in one zip. Each part is written and added one at a time, so memory stays flat with the roster.

export interface YearPackDeps {
  models: Models;
  roster: Roster;
  performance: Pick<Performance, 'register' | 'reportOf' | 'windowOf'>;
  ballots: Pick<Ballots, 'closedOfYear' | 'recordsOf'>;
  projects: Pick<Projects, 'ofYear'>;
  unitRecords: UnitRecordsOf;
  config: { timezone: string; tunables: { activityTypes: readonly string[]; checkin: CheckinTunables } };
}

interface IndexRow {
  file: string;
  contents: string;
  rows: number;
}

/** A zip that takes one entry at a time: `add` resolves once the entry is compressed into the output. */
async function openZip(file: string, out: string) {
  // Loaded with the first pack, once a year, not with every start.
  const { default: archiver } = await import('archiver');
  const output = createWriteStream(file);
  const zip = archiver('zip', { zlib: { level: 6 } });
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) => {
    const fail = (err: Error) => reject((failure ??= err));
    output.on('error', (err: NodeJS.ErrnoException) => fail(new FileWriteError(out, err.code ?? 'EIO')));
    zip.on('error', fail);
    zip.on('warning', fail);
  });
  failed.catch(() => undefined);
  zip.pipe(output);
  return {
    async add(source: Buffer | string, name: string): Promise<void> {
      if (failure) throw failure;
      const done = new Promise<void>((resolve) => zip.once('entry', () => resolve()));
      if (typeof source === 'string') zip.file(source, { name });
      else zip.append(source, { name });
      await Promise.race([done, failed]);
    },
    async finish(): Promise<void> {
      const closed = new Promise<void>((resolve) => output.once('close', () => resolve()));
      await Promise.race([zip.finalize(), failed]);
      await Promise.race([closed, failed]);
    },
    abort(): void {
      zip.abort();
      output.destroy();
    },
  };
}

/** Writes the pack to `out` (under a temporary name, renamed when complete). Rows: entries in the zip. */
export async function writeYearPack(
  d: YearPackDeps,
  o: { out: string; year: number; now: Date },
): Promise<{ file: string; rows: number }> {
  const partial = `${o.out}.partial`;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'year-pack-'));
  const zip = await openZip(partial, o.out);
  const index: IndexRow[] = [];
  const tz = d.config.timezone;
  const { activityTypes, checkin } = d.config.tunables;
  try {
    const part = async (name: string, contents: string, write: (file: string) => Promise<{ rows: number }>) => {
      const file = path.join(tmp, name);
      const { rows } = await write(file);
      await zip.add(file, name);
      index.push({ file: name, contents, rows });
      await rm(file, { force: true });
    };
    const entries = await d.performance.register(o.year);
    await part(packWords.opinionsFile(o.year), packWords.opinionsWhat, (out) =>
      writeOpinionsLedger(
        { models: d.models, roster: d.roster, timezone: tz, unitRecords: d.unitRecords },
        { out, year: o.year, now: o.now },
      ),
    );
    await part(packWords.activitiesFile(o.year), packWords.activitiesWhat, (out) =>
      writeActivitiesLedger(
        { models: d.models, roster: d.roster, timezone: tz, checkin },
        { out, year: o.year, now: o.now },
      ),
    );
    // The register and the drafts share one read of the year (register() is the costly part).
    await part(packWords.registerFile(o.year), packWords.registerWhat, (out) =>
      writePerformanceRegister(
        { performance: { register: async () => entries }, timezone: tz, activityTypes },
        { out, year: o.year },
      ),
    );
    await part(packWords.unitsFile(o.year), `${packWords.unitsWhat}。${packWords.basis({ year: o.year })}`, (out) =>
      writeUnitRecords(
        { models: d.models, timezone: tz, unitRecords: d.unitRecords },
        { out, year: o.year, window: d.performance.windowOf(o.year), now: o.now },
      ),
    );
    const taken = new Set<string>();
    for (const e of entries) {
      const report = await d.performance.reportOf(e);
      // Two deputies of the same name: the userid tells their files apart.
      const base = taken.has(report.fileName)
        ? report.fileName.replace(/\.docx$/, `-${e.deputy.userid}.docx`)
        : report.fileName;
      taken.add(base);
      const name = `${packWords.reportsFolder}/${base}`;
      await zip.add(report.docx, name);
      index.push({ file: name, contents: packWords.reportWhat(e.deputy.name), rows: 1 });
    }
    await addBallotParts(d, o, part);
    await part(packWords.indexFile, packWords.indexWhat, (out) => writeIndex(out, tz, index));
    await zip.finish();
    await rename(partial, o.out).catch((err: NodeJS.ErrnoException) => {
      throw new FileWriteError(o.out, err.code ?? 'EIO');
    });
    return { file: o.out, rows: index.length };
  } catch (err) {
    zip.abort();
    await rm(partial, { force: true });
    throw err;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function writeIndex(out: string, tz: string, rows: IndexRow[]): Promise<{ rows: number }> {
  return writeXlsx(out, tz, async (x) => {
    const sheet = x.sheet(packWords.indexSheet, [
      { header: exportHeaders.file ?? 'file', width: 44 },
      { header: exportHeaders.contents ?? 'contents', width: 60, kind: 'longText' },
      { header: exportHeaders.rows ?? 'rows', width: 10, kind: 'number' },
    ]);
    for (const r of rows) await sheet.addRow([r.file, r.contents, r.rows]);
    return { rows: rows.length };
  });
}

type Part = (name: string, contents: string, write: (file: string) => Promise<{ rows: number }>) => Promise<void>;

/** 06 the 票决 tallies, 07 the 民生实事 projects with their progress, 08 the 测评 / 评议 results (tallies only). */
async function addBallotParts(d: YearPackDeps, o: { year: number; now: Date }, part: Part): Promise<void> {
  const tz = d.config.timezone;
  const closed = await d.ballots.closedOfYear(o.year, o.now);
  const picks = closed.flatMap((r) => (r.state === 'closed' ? [r] : []));
  await part(packWords.ballotsFile(o.year), packWords.ballotsWhat, (out) =>
    writeBallotResults({ timezone: tz }, { out, results: picks }),
  );
  const projects = await d.projects.ofYear(o.year);
  await part(projectPackWords.projectsFile(o.year), projectPackWords.projectsWhat, (out) =>
    writeProjectsWorkbook({ timezone: tz }, { out, projects }),
  );
  const rated: AppraisalTally[] = [];
  for (const r of closed)
    if (r.state === 'rated') rated.push({ ...r, records: await d.ballots.recordsOf(r.ballot, o.now) });
  await part(projectPackWords.appraisalsFile(o.year), projectPackWords.appraisalsWhat, (out) =>
    writeAppraisalResults({ timezone: tz }, { out, results: rated }),
  );
}
