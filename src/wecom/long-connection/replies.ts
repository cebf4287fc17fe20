import type { Logger } from 'pino';
import { t } from '../../messages';
import { StillProcessing } from '../../inbox/still-processing';
import type { InboundMessage, Reply } from '../../dispatcher/contract';
import { streamIdOf } from '../stream-id';
import { type OutFrame, cardReplyFrame, cardUpdateFrame, streamFrame } from './frames';
import type { Callback } from './keeper';
import type { Timers } from './timers';

/** What answering a callback frame needs (a part of TransportDeps). */
export interface ReplyDeps {
  timers: Timers;
  receive(msg: InboundMessage): Promise<Reply>;
  send(frame: OutFrame): Promise<void>;
  replyDeadlineMs: number;
  cardDeadlineMs: number;
  countReply(conversation: string): Promise<void>;
  onMissedDeadline?: () => void;
}

type Outcome = { done: true; reply: Reply } | { done: false };

/** Resolves with the reply, or with "not yet" once the deadline passes (the work carries on). */
function replyWithin(timers: Timers, work: Promise<Reply>, ms: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const timer = timers.setTimeout(() => resolve({ done: false }), ms);
    work.then(
      (reply) => {
        timers.clearTimeout(timer);
        resolve({ done: true, reply });
      },
      (err: unknown) => {
        timers.clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** A message: its reply as one finished stream (or card), preceded by "正在处理…" when it misses the deadline. */
export async function answerMessage(d: ReplyDeps, frame: Callback, msg: InboundMessage, log: Logger): Promise<void> {
  const streamId = streamIdOf(msg.id);
  const conversation = msg.chat.id ?? msg.senderId;
  const work = d.receive(msg);
  let unfinished = false;
  let reply: Reply;
  try {
    const first = await replyWithin(d.timers, work, d.replyDeadlineMs);
    if (first.done) {
      reply = first.reply;
    } else {
      unfinished = true;
      d.onMissedDeadline?.();
      await d.send(streamFrame(frame.reqId, streamId, t('longConnWorking'), false));
      reply = await work;
    }
  } catch (err) {
    if (err instanceof StillProcessing) {
      // The first delivery is still running on another instance (a lease takeover): it answers.
      log.info('redelivery while the first delivery is still running');
      return;
    }
    log.error({ err }, 'long connection: handling failed');
    reply = { text: t('internalError') };
  }
  if (!reply) {
    if (unfinished) await d.send(streamFrame(frame.reqId, streamId, '', true));
    return;
  }
  // WeCom takes no card after a stream on the same reply: a late one finishes its stream with the text.
  if (reply.card && !unfinished) await d.send(cardReplyFrame(frame.reqId, reply.card));
  else await d.send(streamFrame(frame.reqId, streamId, reply.text, true));
  await d.countReply(conversation).catch((err: unknown) => log.warn({ err }, 'rate budget not counted'));
}

/** A card tap: the tapper's updated card on the event's req_id within the deadline, or nothing. */
export async function answerTap(d: ReplyDeps, frame: Callback, msg: InboundMessage, log: Logger): Promise<void> {
  const work = d.receive(msg);
  let outcome: Outcome;
  try {
    outcome = await replyWithin(d.timers, work, d.cardDeadlineMs);
  } catch (err) {
    if (err instanceof StillProcessing) return;
    throw err;
  }
  if (!outcome.done) {
    d.onMissedDeadline?.();
    log.warn('card tap not answered within the deadline: no update');
    work.catch((err: unknown) => log.error({ err }, 'late card tap failed'));
    return;
  }
  if (outcome.reply?.card) await d.send(cardUpdateFrame(frame.reqId, outcome.reply.card, msg.senderId));
}
