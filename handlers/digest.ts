import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { nextFire, parseCron } from '../src/time/cron';
import { formatDateTime } from '../src/time/format';

/**
 * 周报: the digest the next scheduled push will send (its week, its coming days), built from the data
 * there is now, so the office previews exactly what the group will get. With the job off: as of now.
 */
export const digestPreviewCommand = defineCommand({
  name: '周报',
  role: 'office',
  summary: '预览本周周报（每周一自动发到群里）',
  example: '周报',
  uses: ['digest', 'holidays'],
  readOnly: true,
  async run({ services, config, now }) {
    const scheduled = config.jobsEnabled && config.tunables.jobs.digest.enabled;
    const at = scheduled ? nextFire(parseCron(config.jobSchedules.digest), now, config.timezone) : undefined;
    const [parts, chart] = await Promise.all([
      services.digest.build(at ?? now),
      services.digest.chartFollows(at ?? now),
    ]);
    // For the office only: the group's digest does not carry it.
    const missing = services.holidays.missingNextYear(now);
    const footer = [
      chart ? t('digestPreviewChart') : '',
      t('digestPreviewFooter', { when: at ? formatDateTime(at, config.timezone) : undefined }),
      missing ? t('holidaysMissingNextYear', { year: missing }) : '',
    ];
    return [...parts, ...footer.filter(Boolean)].join('\n\n');
  },
});
