import type { RunContext } from '../../src/commands/types';
import { t } from '../../src/messages';
import { shown } from '../../src/text/group-safe';
import { formatShortDateTime } from '../../src/time/format';

/** 督办's 待审核 part: unit answers waiting for the office. */
export async function pendingReviewLines(ctx: {
  services: Pick<RunContext<Record<string, never>, 'opinions'>['services'], 'opinions'>;
  config: { timezone: string };
  now: Date;
}): Promise<string[]> {
  const pending = await ctx.services.opinions.pendingReviews();
  if (!pending.length) return [];
  return [
    t('overduePendingHeader', { count: pending.length }),
    ...pending.map((p) =>
      t('overduePendingLine', {
        code: p.code,
        title: shown(p.title, false),
        unit: p.unit,
        name: p.byName,
        when: formatShortDateTime(p.at, ctx.config.timezone, ctx.now),
      }),
    ),
    t('overduePendingFooter'),
  ];
}
