import { RESOLUTION_LABELS, type Resolution } from '../../contracts/labels';
import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import { formatDate } from '../../time/format';
import { endOfDay } from '../../time/zone';
import type { Opinion, OpinionDeps } from './opinion-steps';

export interface FollowUpDue {
  code: string;
  title: string;
  unit: string;
  resolution: string;
  followUpAt: Date;
}

/** The B and C cases whose follow-up day has come: 督办's section for them. */
export function createFollowUpReport(d: Pick<OpinionDeps, 'models' | 'config'>) {
  const { models } = d;
  const tz = d.config.timezone;

  /** B and C cases whose follow-up day has come (by the end of today), oldest first: 督办 lists them. */
  async function followUpsDue(now: Date): Promise<FollowUpDue[]> {
    const docs = await models.Opinion.find({ status: '已答复', followUpAt: { $lte: endOfDay(now, tz) } })
      .sort({ followUpAt: 1, seq: 1, _id: 1 })
      .select({ code: 1, title: 1, unit: 1, resolution: 1, followUpAt: 1 })
      .lean<Array<Pick<Opinion, 'code' | 'title' | 'unit' | 'resolution' | 'followUpAt'>>>();
    return docs.map((o) => ({
      code: o.code,
      title: groupSafe(o.title),
      unit: o.unit ?? '',
      resolution: o.resolution ?? '',
      followUpAt: o.followUpAt as Date,
    }));
  }

  /** 督办's section for the follow-ups due, or null when none is. */
  async function followUpReport(now: Date): Promise<string | null> {
    const due = await followUpsDue(now);
    if (due.length === 0) return null;
    const lines = due.map((f) =>
      t('followUpLine', {
        code: f.code,
        title: f.title,
        unit: groupSafe(f.unit),
        resolution: `${f.resolution} ${RESOLUTION_LABELS[f.resolution as Resolution] ?? ''}`.trim(),
        date: formatDate(f.followUpAt, tz),
      }),
    );
    return [t('followUpHeader', { count: due.length }), ...lines, t('followUpFooter')].join('\n');
  }

  return { followUpsDue, followUpReport };
}
