import type { Clock } from '../../clock';
import type { DeliveryChannel, SendBudget } from '../../services/delivery';
import { WecomApiError } from '../client';
import { sendFrame } from './frames';
import type { GroupChatStore } from './group-chat';
import { type Keeper, LinkDown } from './keeper';

export interface GroupChannelDeps {
  /** The keeper on this instance while it holds the lease; undefined otherwise. */
  keeper(): Keeper | undefined;
  chats: GroupChatStore;
  budget: SendBudget;
  clock: Clock;
}

/** Group pushes over the long connection (aibot_send_msg), when no group robot webhook is configured. */
export function createGroupChannel(d: GroupChannelDeps): DeliveryChannel {
  return {
    async ready() {
      // Only the instance holding a live connection sends; a group must have written to the bot first.
      return d.keeper()?.status().state === 'up' && (await d.chats.groupChatId()) !== undefined;
    },
    async take(now) {
      const chatid = await d.chats.groupChatId();
      return chatid ? d.budget.take(chatid, now) : { ok: false, freeAt: new Date(now.getTime() + 60_000) };
    },
    async send(item) {
      const keeper = d.keeper();
      const chatid = await d.chats.groupChatId();
      if (!keeper || !chatid)
        throw new WecomApiError(undefined, 'long connection not held here or group unknown', true, 5_000);
      // aibot_send_msg takes markdown only: a text push's mentions become <@userid> (no @all in markdown).
      const mentions = item.msgtype === 'text' ? item.userids.filter((u) => u !== '@all').map((u) => `<@${u}>`) : [];
      const content = mentions.length ? `${item.content}\n${mentions.join(' ')}` : item.content;
      try {
        const ack = await keeper.request(sendFrame(chatid, 2, content));
        if (ack.errcode !== 0)
          throw new WecomApiError(ack.errcode, `aibot_send_msg: ${ack.errmsg.slice(0, 200)}`, true);
      } catch (err) {
        if (err instanceof LinkDown) throw new WecomApiError(undefined, `aibot_send_msg: ${err.message}`, true, 5_000);
        throw err;
      }
    },
  };
}
