import type { Logger } from 'pino';
import type { DeliveryChannel, SendBudget } from '../../services/delivery';
import { WecomApiError } from '../client';
import type { Keeper } from './keeper';
import type { MediaUploader } from './media-upload';
import { requestAck } from './request';
import { takeWithUpload } from './upload-budget';

export interface GroupChannelDeps {
  /** The keeper on this instance while it holds the lease; undefined otherwise. */
  keeper(): Keeper | undefined;
  /** The group the office chose (设为代表群); undefined until then. */
  pushGroup: { chosen(): Promise<string | undefined> };
  budget: SendBudget;
  media: MediaUploader;
  log: Logger;
}

/** Group pushes over the long connection (aibot_send_msg), when no group robot webhook is configured. */
export function createGroupChannel(d: GroupChannelDeps): DeliveryChannel {
  // Said once each time this instance finds no group chosen, not on every poll.
  let toldNoGroup = false;
  return {
    async ready() {
      // Only the instance holding a live connection sends; only into the group the office chose.
      if (d.keeper()?.status().state !== 'up') return false;
      const chosen = await d.pushGroup.chosen();
      if (!chosen && !toldNoGroup)
        d.log.warn(
          'group pushes wait in the outbox: no push group chosen yet (send 设为代表群 in the deputies group, or choose one on the console 系统 page)',
        );
      toldNoGroup = !chosen;
      return chosen !== undefined;
    },
    async take(now, item) {
      const chatid = await d.pushGroup.chosen();
      if (!chatid) return { ok: false, freeAt: new Date(now.getTime() + 60_000) };
      return takeWithUpload(d.budget, d.media, chatid, now, item);
    },
    async send(item) {
      const chatid = await d.pushGroup.chosen();
      if (!chatid) throw new WecomApiError(undefined, 'no push group chosen', true, 60_000);
      // aibot_send_msg takes markdown only: a text push's mentions become <@userid> (no @all in markdown).
      const mentions = item.msgtype === 'text' ? item.userids.filter((u) => u !== '@all').map((u) => `<@${u}>`) : [];
      const content = mentions.length ? `${item.content}\n${mentions.join(' ')}` : item.content;
      const ack = await requestAck(d.keeper(), await d.media.frameFor(item, chatid, 2, content), 'aibot_send_msg');
      if (ack.errcode !== 0) {
        await d.media.forget(item);
        throw new WecomApiError(ack.errcode, `aibot_send_msg: ${ack.errmsg.slice(0, 200)}`, true);
      }
    },
  };
}
