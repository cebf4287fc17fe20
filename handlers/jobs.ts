import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import type { JobRunView } from '../src/services/scheduling';
import { formatDateTime, formatShortDateTime } from '../src/time/format';
import { linkStatusLines } from './shared/link-status';

/** The latest run, plus any recent one that did not succeed (the office should notice those). */
function runsWorthShowing(runs: JobRunView[]): JobRunView[] {
  return runs.filter((r, i) => i === 0 || r.status !== 'succeeded');
}

function detailOf(r: JobRunView): string {
  if (r.status === 'failed' || r.status === 'running') return '';
  const counted = Object.values(r.counts ?? {}).some((n) => n > 0);
  const bits = [
    counted ? t('jobsCounts', { counts: r.counts ?? {} }) : '',
    r.note ? t('jobsNote', { note: r.note }) : '',
  ].filter(Boolean);
  return bits.length ? bits.join('，') : t('jobsNothingToDo');
}

/** 任务: each scheduled job's last runs with their outcome, and when it is next due. */
export const jobsCommand = defineCommand({
  name: '任务',
  role: 'office',
  summary: '定时任务的最近运行情况和下次运行时间',
  example: '任务',
  uses: ['jobRuns', 'link', 'holidays', 'roster'],
  async run({ services, config, now }) {
    const tz = config.timezone;
    const overview = await services.jobRuns.overview(now);
    const lines = [t('jobsHeader', { zone: tz === 'Asia/Shanghai' ? t('jobsZoneBeijing') : tz })];
    if (!config.jobsEnabled) lines.push(t('jobsDisabled'));
    const missing = services.holidays.missingNextYear(now);
    if (missing) lines.push(t('holidaysMissingNextYear', { year: missing }));
    for (const job of overview) {
      lines.push(t('jobsTitle', { name: job.name, enabled: job.enabled }));
      const runs = runsWorthShowing(job.lastRuns).map((r) =>
        t('jobsRun', {
          when: formatShortDateTime(r.slotAt, tz, now),
          status: r.status,
          detail: detailOf(r),
          attempts: r.attempts,
        }),
      );
      lines.push(runs.length ? t('jobsRecent', { runs: runs.join('；') }) : t('jobsNever'));
      if (job.failedLastDay > 0) lines.push(t('jobsFailedLastDay', { count: job.failedLastDay }));
      const next = config.jobsEnabled && job.nextDueAt ? job.nextDueAt : undefined;
      lines.push(next ? t('jobsNext', { when: formatDateTime(next, tz) }) : t('jobsNextNone'));
    }
    const link = await services.link.overview(now);
    const chooser = link.pushGroup?.chosen?.chosenBy;
    const names = chooser ? await services.roster.namesOf([chooser]) : new Map<string, string>();
    lines.push(...linkStatusLines(link, config, names));
    lines.push(t('jobsFooter'));
    return lines.join('\n');
  },
});
