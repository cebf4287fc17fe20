import type { Config } from '../../config';
import type { LinkOverview } from '../../src/services/delivery';
import { t } from '../../src/messages';
import { formatDateTime } from '../../src/time/format';

/** The long connection's lines in 任务: up since when, on which instance, and the stored group chat. */
export function linkStatusLines(o: LinkOverview, config: Config): string[] {
  if (!o.configured) return [];
  const tz = config.timezone;
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
  lines.push(
    o.group
      ? t('linkGroupKnown', { chatid: o.group.chatid, learnedAt: formatDateTime(o.group.learnedAt, tz) })
      : t('linkGroupUnknown', { needed: o.pushesNeedGroup }),
  );
  return lines;
}
