import { activityTypeHeader, exportNames, exportWords } from '../../messages/exports';
import { PERFORMANCE_KIND_LABELS, PERFORMANCE_RESULT_LABELS } from '../../contracts/labels';
import type { Performance, RegisterEntry } from '../performance';
import { column } from './columns';
import { type CellInput, type ColumnSpec, writeXlsx } from './xlsx-stream';

export interface RegisterDeps {
  performance: Pick<Performance, 'register'>;
  timezone: string;
  activityTypes: readonly string[];
}

const spec = column;

const FIGURES: Array<[key: string, value: (e: RegisterEntry) => number]> = [
  ['opinionsFiled', (e) => e.record.opinions.filed],
  ['opinionsRelayed', (e) => e.record.opinions.relayed],
  ['opinionsCosigned', (e) => e.record.opinions.cosigned],
  ['opinionsAnswered', (e) => e.record.opinions.answered],
  ['opinionsClosed', (e) => e.record.opinions.closed],
  ['activitiesSignedUp', (e) => e.record.activities.signedUp],
  ['activitiesAttended', (e) => e.record.activities.attended],
  ['activitiesExcused', (e) => e.record.activities.excused],
];
const LATER_FIGURES: Array<[key: string, value: (e: RegisterEntry) => number]> = [
  ['meetingsExpected', (e) => e.record.meetings.expected],
  ['meetingsAttended', (e) => e.record.meetings.attended],
  ['meetingsExcused', (e) => e.record.meetings.excused],
  ['meetingsAbsent', (e) => e.record.meetings.absent],
  ['shiftsScheduled', (e) => e.record.shifts.scheduled],
  ['shiftsServed', (e) => e.record.shifts.served],
  ['studyMarked', (e) => e.record.study.marked],
  ['studyPublished', (e) => e.record.study.published],
];
const ITEM_COLUMNS: ColumnSpec[] = [
  spec('at', 17, 'datetime'),
  spec('kind', 12),
  spec('code', 13),
  spec('item', 36),
  spec('detail', 14),
  spec('result', 9),
];

/** Every activity type that appears, configured ones first, so each gets a column. */
function typesOf(entries: RegisterEntry[], configured: readonly string[]): string[] {
  const seen = entries.flatMap((e) => e.record.activities.byType.map((b) => b.type));
  return [...new Set([...configured, ...seen])];
}

/** The performance register (履职登记册): a summary row per deputy, then one itemised sheet per deputy. */
export async function writePerformanceRegister(
  d: RegisterDeps,
  opts: { out: string; year: number },
): Promise<{ file: string; rows: number }> {
  const entries = await d.performance.register(opts.year);
  const types = typesOf(entries, d.activityTypes);
  const attendedOf = (e: RegisterEntry, type: string) =>
    e.record.activities.byType.find((b) => b.type === type)?.attended ?? 0;
  const columns: ColumnSpec[] = [
    spec('name', 10),
    spec('userid', 14),
    spec('level', 6),
    spec('group', 10),
    spec('station', 14),
    spec('district', 12),
    spec('rosterStatus', 9),
    ...FIGURES.map(([k]) => spec(k, 9, 'number')),
    ...types.map((type) => ({ header: activityTypeHeader(type), width: 10, kind: 'number' as const })),
    ...LATER_FIGURES.map(([k]) => spec(k, 9, 'number')),
  ];
  return writeXlsx(opts.out, d.timezone, async (x) => {
    const summary = x.sheet(exportNames.registerSummary, columns);
    for (const e of entries) {
      const dep = e.deputy;
      const cells: CellInput[] = [
        dep.name,
        dep.userid,
        dep.level,
        dep.group,
        dep.station,
        dep.district,
        dep.active ? exportWords.active : exportWords.inactive,
      ];
      await summary.addRow([
        ...cells,
        ...FIGURES.map(([, f]) => f(e)),
        ...types.map((type) => attendedOf(e, type)),
        ...LATER_FIGURES.map(([, f]) => f(e)),
      ]);
    }
    for (const e of entries) {
      const sheet = x.sheet(e.deputy.name, ITEM_COLUMNS);
      for (const i of e.record.items) {
        await sheet.addRow([
          i.at,
          PERFORMANCE_KIND_LABELS[i.kind],
          i.code,
          i.title,
          i.detail,
          PERFORMANCE_RESULT_LABELS[i.result],
        ]);
      }
    }
    return { file: opts.out, rows: entries.length };
  });
}
