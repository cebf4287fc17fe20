import type { CommandContext } from '../../src/commands/types';
import { t } from '../../src/messages';
import { formatDateTime } from '../../src/time/format';

/** The long connection's lines in 任务: up since when, on which instance, and the stored group chat. */
export async function linkStatusLines(ctx: Pick<CommandContext, 'services' | 'config' | 'now'>): Promise<string[]> {
  const o = await ctx.services.link.overview(ctx.now);
  if (!o.configured) return [];
  const tz = ctx.config.timezone;
  const lines = [t('linkHeader')];
  if (o.lease && o.lease.live) {
    lines.push(
      t('linkState', {
        state: o.lease.state,
        since: formatDateTime(o.lease.stateSince, tz),
        upSince: o.lease.upSince ? formatDateTime(o.lease.upSince, tz) : undefined,
        holder: o.lease.holder,
      }),
    );
  } else {
    lines.push(t('linkNoHolder'));
  }
  lines.push(o.group ? t('linkGroupKnown', { chatid: o.group.chatid, learnedAt: formatDateTime(o.group.learnedAt, tz) }) : t('linkGroupUnknown', { needed: o.pushesNeedGroup }));
  return lines;
}
