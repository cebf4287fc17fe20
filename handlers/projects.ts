import { readProjectCode } from '../src/commands/record-codes';
import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import type { Inspection, ProjectView } from '../src/services/projects';
import { neutralizeUserText } from '../src/text/sanitize';
import { formatDate, formatDateTime } from '../src/time/format';

// 实事: the year's 民生实事 projects for everyone, or one with its milestones, progress and inspections.

const RECENT_PROGRESS = 5;

function detail(p: ProjectView, inspections: Inspection[], now: Date, tz: string): string {
  const recent = p.progress.slice(-RECENT_PROGRESS).reverse();
  return t('projectDetail', {
    code: p.code,
    title: neutralizeUserText(p.title),
    unit: neutralizeUserText(p.unit),
    state: t('projectStateWord', { state: p.state }),
    ballotCode: p.ballotCode,
    milestones: p.milestones.map((m) =>
      t('projectMilestoneLine', { due: formatDate(m.due, tz), text: neutralizeUserText(m.text), passed: m.due <= now }),
    ),
    progress: recent.map((e) =>
      t('projectProgressLine', { at: formatDate(e.at, tz), text: neutralizeUserText(e.text) }),
    ),
    more: p.progress.length - recent.length,
    inspections: inspections.map((i) =>
      t('projectInspectionLine', {
        code: i.code,
        title: neutralizeUserText(i.title),
        at: formatDateTime(i.startAt, tz),
        signed: i.signedUp.length,
        attended: i.attended.length,
        cancelled: i.cancelled,
      }),
    ),
  });
}

export const projectsCommand = defineCommand({
  name: '实事',
  aliases: ['民生实事'],
  role: 'deputy',
  summary: '本年的民生实事项目及进展；加编号看一项的里程碑、进展和代表视察',
  example: '实事 SS2026-001',
  // The year first: it is picked out of the words, and what is left is the code.
  args: {
    params: [
      { kind: 'year', name: 'year' },
      { kind: 'code', name: 'code', of: 'SS' },
    ],
  },
  uses: ['projects'],
  readOnly: true,
  async run({ params, services, now, config }) {
    const tz = config.timezone;
    if (params.code) {
      const r = await services.projects.detail(readProjectCode(params.code, now, tz));
      return detail(r.project, r.inspections, now, tz);
    }
    const list = await services.projects.list(params.year);
    if (list.length === 0) return t('projectListEmpty', { year: params.year });
    return [
      t('projectListHeader', { year: params.year, count: list.length }),
      ...list.map((p) =>
        t('projectListLine', {
          code: p.code,
          title: neutralizeUserText(p.title),
          unit: neutralizeUserText(p.unit),
          state: t('projectStateWord', { state: p.state }),
          progress: p.progress.length,
          inspections: p.inspections,
        }),
      ),
      t('projectListFooter'),
    ].join('\n');
  },
});
