import { type DeliveryChannel, mentionPush, type SendBudget } from '../../services/delivery';
import { WecomApiError } from '../client';
import type { Keeper } from './keeper';
import type { MediaUploader } from './media-upload';
import { requestAck } from './request';
import { takeWithUpload } from './upload-budget';

// Answers worth another try: WeCom busy (-1) and over its rate limit (45009). WeCom documents no errcode
// for "this person has no conversation with the bot", so every other refusal is taken to mean that: the
// fallback below then @-mentions the person in the group instead (the outbox sender logs the errcode).
const SYSTEM_BUSY = -1;
const RATE_LIMITED = 45009;

/**
 * One-to-one messages over the long connection (aibot_send_msg, chat_type 1, chatid = the userid): only
 * into a conversation where the person has written to the bot, within that conversation's rate budget.
 */
export function createDirectChannel(d: {
  keeper(): Keeper | undefined;
  budget: SendBudget;
  media: MediaUploader;
}): DeliveryChannel {
  const userOf = (item: { userids: string[] }) => item.userids[0] ?? '';
  return {
    async ready() {
      return d.keeper()?.status().state === 'up';
    },
    take: (now, item) => takeWithUpload(d.budget, d.media, userOf(item), now, item),
    perConversation: true,
    // Not lost: a private message that will not go out becomes a group @-mention of its person. A file (a
    // ledger) never goes to the group, nor does a private-only notice (a reminder to vote): they stay failed
    // in the console's 系统 page.
    fallback: (item) =>
      item.msgtype === 'file' || item.msgtype === 'image' || item.privateOnly
        ? undefined
        : {
            push: mentionPush(`${item.key}:group`, item.userids, item.content),
            by: 'group-fallback',
            what: 'a group @-mention of its person',
          },
    async send(item) {
      const frame = await d.media.frameFor(item, userOf(item), 1, item.content);
      const ack = await requestAck(d.keeper(), frame, 'aibot_send_msg (one-to-one)');
      if (ack.errcode === 0) return;
      await d.media.forget(item);
      const retryable = ack.errcode === SYSTEM_BUSY || ack.errcode === RATE_LIMITED;
      throw new WecomApiError(
        ack.errcode,
        `aibot_send_msg (one-to-one): ${ack.errmsg.slice(0, 200)}`,
        retryable,
        ack.errcode === RATE_LIMITED ? 60_000 : undefined,
      );
    },
  };
}
