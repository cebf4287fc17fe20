import type { Config } from '../../../config';
import type { Models } from '../../models';

export interface LinkOverview {
  /** Whether this deployment uses the long connection at all. */
  configured: boolean;
  /** Whether group pushes depend on it (no webhook key). */
  pushesNeedGroup: boolean;
  lease?: { holder: string; state: string; stateSince: Date; upSince?: Date; detail?: string; live: boolean };
  group?: { chatid: string; learnedAt: Date };
}

/** The long connection's health as stored in MongoDB, so any instance can report it (任务). */
export function createLinkStatus(d: { models: Models; config: Config }) {
  const lc = d.config.wecom.longConnection;
  return {
    async overview(now: Date): Promise<LinkOverview> {
      const configured = Boolean(lc);
      const pushesNeedGroup = configured && !d.config.wecom.webhookKey;
      if (!lc) return { configured, pushesNeedGroup };
      const [lease, group] = await Promise.all([
        d.models.ConnectionLease.findById(lc.botId).lean(),
        d.models.BotChat.findById('group').lean(),
      ]);
      return {
        configured,
        pushesNeedGroup,
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
        group: group ? { chatid: group.chatid, learnedAt: group.learnedAt } : undefined,
      };
    },
  };
}
