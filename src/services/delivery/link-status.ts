import type { Config } from '../../../config';
import type { Models } from '../../models';
import type { PushGroup, PushGroupOverview } from './push-group';

export interface LinkOverview {
  /** Whether this deployment uses the long connection at all. */
  configured: boolean;
  lease?: { holder: string; state: string; stateSince: Date; upSince?: Date; detail?: string; live: boolean };
  /** The push group: chosen or not, and how many group pushes wait for it. */
  pushGroup?: PushGroupOverview;
}

/** The long connection's health as stored in MongoDB, so any instance can report it (任务). */
export function createLinkStatus(d: { models: Models; config: Config; pushGroup: PushGroup }) {
  const lc = d.config.wecom.longConnection;
  return {
    async overview(now: Date): Promise<LinkOverview> {
      if (!lc) return { configured: false };
      const [lease, pushGroup] = await Promise.all([
        d.models.ConnectionLease.findById(lc.botId).lean(),
        d.pushGroup.overview(),
      ]);
      return {
        configured: true,
        lease: lease
          ? {
              holder: lease.holder,
              state: lease.state,
              stateSince: lease.stateSince,
              upSince: lease.upSince ?? undefined,
              detail: lease.detail ?? undefined,
              live: lease.expiresAt.getTime() > now.getTime(),
            }
          : undefined,
        pushGroup,
      };
    },
  };
}
