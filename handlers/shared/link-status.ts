import type { Config } from '../../config';
import type { LinkOverview } from '../../src/services/delivery';
import { t } from '../../src/messages';
import { formatDateTime } from '../../src/time/format';

/** The long connection's lines in 任务: up since when, on which instance, and the push group. */
export function linkStatusLines(o: LinkOverview, config: Config, names: Map<string, string>): string[] {
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
  const g = o.pushGroup;
  if (!g?.needed) lines.push(t('pushGroupWebhook'));
  else if (!g.chosen) lines.push(t('pushGroupNone', { waiting: g.waiting }));
  else
    lines.push(
      t('pushGroupCurrent', {
        chatid: g.chosen.chatid,
        when: formatDateTime(g.chosen.chosenAt ?? g.chosen.learnedAt, tz),
        by: g.chosen.chosenBy && (names.get(g.chosen.chosenBy) ?? g.chosen.chosenBy),
        waiting: g.waiting,
      }),
    );
  return lines;
}
