import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Card } from '../cards';
import { t } from '../messages';
import { markdownToPlain } from '../text/plain';
import { splitByBytes, utf8Bytes } from '../text/split';
import type { InboundMessage, LateDelivery, Reply } from '../dispatcher/contract';
import type { Outbox, OutboxTarget } from '../services/delivery';

/** What sending the rest of a reply needs (a part of the inbox's options). */
export interface OverflowDeps {
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  afterEnqueue?: () => void;
  canSendApp: boolean;
  streamWindowMs: number;
}

/** A reply that missed the passive answer goes out through the outbox, whole and in order. */
async function deliverLate(o: OverflowDeps, msg: InboundMessage, text: string, via: LateDelivery): Promise<void> {
  const toSender: OutboxTarget | undefined = o.canSendApp ? { kind: 'users', userids: [msg.senderId] } : undefined;
  const target: OutboxTarget | undefined =
    via === 'stream' && msg.responseUrl ? { kind: 'response_url', url: msg.responseUrl } : toSender;
  if (!target) {
    o.log.warn(
      { msgId: msg.id, via },
      'late reply not delivered: no response_url and app messages are not configured (WECOM_AGENT_ID, WECOM_CORP_SECRET)',
    );
    return;
  }
  const app = target.kind === 'users';
  await o.outbox.enqueue({
    key: `late:${msg.id}`,
    target,
    format: app ? 'text' : 'markdown',
    content: app ? markdownToPlain(text) : text,
  });
  o.afterEnqueue?.();
}

/**
 * An app tap's passive answer can only rename the tapped button: the whole updated card (the smart bot's) goes
 * through message/update_template_card with the click's ResponseCode. Run once per tap (the inbox's claim),
 * under a key of the tap's id, so a repeated event never updates twice.
 */
export async function redrawAppCard(o: OverflowDeps, msg: InboundMessage, card: Card): Promise<void> {
  const responseCode = msg.card?.responseCode;
  if (!responseCode || !o.canSendApp) return;
  await o.outbox.enqueue({
    key: `card-update:${msg.id}`,
    target: { kind: 'app_card_update', userid: msg.senderId, responseCode },
    // The log and the 系统 page show the card's title (one part always: the card goes only with a single part).
    format: 'text',
    content: card.title,
    card,
  });
  o.afterEnqueue?.();
}

/** What a redelivery gets once the whole reply went out through the outbox. */
function passiveOnly(msg: InboundMessage, text: string): string {
  if (utf8Bytes(text) <= msg.replyLimitBytes) return text;
  const note = `\n${t('replyContinued')}`;
  return `${splitByBytes(text, msg.replyLimitBytes - utf8Bytes(note))[0] ?? ''}${note}`;
}

/** Keeps the passive reply within the mode's limit; the rest follows through the outbox. */
export async function fitReply(o: OverflowDeps, msg: InboundMessage, text: string): Promise<string> {
  if (utf8Bytes(text) <= msg.replyLimitBytes) return text;
  if (!msg.responseUrl && !o.canSendApp) {
    // Nowhere to send the rest (no response_url, no app secret): say so rather than promise it.
    const cut = `\n${t('replyTruncated')}`;
    return `${splitByBytes(text, msg.replyLimitBytes - utf8Bytes(cut))[0] ?? ''}${cut}`;
  }
  const note = `\n${t('replyContinued')}`;
  const [first, ...rest] = splitByBytes(text, msg.replyLimitBytes - utf8Bytes(note));
  const remainder = rest.join('\n');
  const target: OutboxTarget = msg.responseUrl
    ? { kind: 'response_url', url: msg.responseUrl }
    : { kind: 'users', userids: [msg.senderId] };
  await o.outbox.enqueue({ key: `reply:${msg.id}`, target, format: 'markdown', content: remainder });
  o.afterEnqueue?.();
  return `${first ?? ''}${note}`;
}

/** Whether the passive answer was missed for good: the app answered empty, or the stream's refreshes are over. */
export function missedPassive(o: OverflowDeps, msg: InboundMessage, late: LateDelivery | undefined): boolean {
  return late === 'app' || (late === 'stream' && o.clock.now().getTime() - msg.receivedAt.getTime() > o.streamWindowMs);
}

/** A reply past the passive answer: all of it through the outbox; what is stored for redeliveries is its start. */
export async function sendLate(
  o: OverflowDeps,
  msg: InboundMessage,
  reply: NonNullable<Reply>,
  late: LateDelivery,
): Promise<Reply> {
  await deliverLate(o, msg, reply.text, late);
  return { ...reply, text: passiveOnly(msg, reply.text) };
}
