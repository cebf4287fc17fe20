import { PROJECT_STATE_LABELS } from '../../contracts/labels';
import { projectSheetWords as W } from '../../messages/projects';
import type { ProjectView } from '../projects';
import { formatDate } from '../../time/format';
import { type ColumnSpec, writeXlsx } from './xlsx-stream';

// The year's 民生实事 projects: one row each (unit, state, milestones, latest progress), then every progress report.

const H = W.headers;
const PROJECTS: ColumnSpec[] = [
  { header: H.code, width: 13 },
  { header: H.title, width: 28 },
  { header: H.unit, width: 18 },
  { header: H.state, width: 9 },
  { header: H.ballot, width: 13 },
  { header: H.milestones, width: 40, kind: 'longText' },
  { header: H.progressCount, width: 9, kind: 'number' },
  { header: H.lastProgress, width: 40, kind: 'longText' },
  { header: H.doneAt, width: 17, kind: 'datetime' },
];
const PROGRESS: ColumnSpec[] = [
  { header: H.code, width: 13 },
  { header: H.title, width: 28 },
  { header: H.at, width: 17, kind: 'datetime' },
  { header: H.text, width: 60, kind: 'longText' },
  { header: H.pushed, width: 8 },
];

export async function writeProjectsWorkbook(
  d: { timezone: string },
  o: { out: string; projects: ProjectView[] },
): Promise<{ file: string; rows: number }> {
  return writeXlsx(o.out, d.timezone, async (x) => {
    const list = x.sheet(W.projectsSheet, PROJECTS);
    for (const p of o.projects)
      await list.addRow([
        p.code,
        p.title,
        p.unit,
        PROJECT_STATE_LABELS[p.state],
        p.ballotCode,
        p.milestones.map((m) => `${formatDate(m.due, d.timezone)} ${m.text}`).join('\n'),
        p.progress.length,
        p.progress.at(-1)?.text,
        p.doneAt,
      ]);
    const log = x.sheet(W.progressSheet, PROGRESS);
    for (const p of o.projects)
      for (const e of p.progress) await log.addRow([p.code, p.title, e.at, e.text, e.pushed ? W.yes : W.no]);
    return { file: o.out, rows: o.projects.length };
  });
}
