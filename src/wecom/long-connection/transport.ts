import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import { t } from '../../messages';
import { StillProcessing } from '../../inbox/still-processing';
import { parseBotPlaintext } from '../bot-mode';
import { streamIdOf } from '../callback';
import { CallbackRejected } from '../crypto';
import type { InboundMessage, Reply } from '../../dispatcher/contract';
import { CMD, type OutFrame, cardReplyFrame, cardUpdateFrame, streamFrame, welcomeFrame } from './frames';
import { type Callback, eventTypeOf } from './keeper';
import type { Timers } from './timers';

export interface TransportDeps {
  clock: Clock;
  timers: Timers;
  log: Logger;
  /** The same inbox as the callback mode: de-duplicates by msgid, dispatches, stores the reply. */
  receive(msg: InboundMessage): Promise<Reply>;
  /** Writes a frame on the live connection. */
  send(frame: OutFrame): Promise<void>;
  /** A reply the user does not get within this time is preceded by an unfinished "正在处理…" stream. */
  replyDeadlineMs: number;
  /** A card tap's update is sent only within this (WeCom takes it within 5 s); later, none is sent. */
  cardDeadlineMs: number;
  /** Passive reply limit handed to the inbox (it splits or truncates like the callback mode does). */
  streamBytes: number;
  /** Records a group the bot heard from (the office chooses the push group among them). */
  rememberGroup(chatid: string, userid: string): Promise<void>;
  /** Counts a reply against the conversation's rate budget. */
  countReply(conversation: string): Promise<void>;
  /** Told when a reply was not ready within replyDeadlineMs (metrics). */
  onMissedDeadline?: () => void;
}

type Outcome = { done: true; reply: Reply } | { done: false };

/** The long connection's inbound side: callback frames in, stream replies out, echoing each req_id. */
export function createLongConnectionTransport(d: TransportDeps) {
  /** Resolves with the reply, or with "not yet" once the deadline passes (the work carries on). */
  function withDeadline(work: Promise<Reply>, ms = d.replyDeadlineMs): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const timer = d.timers.setTimeout(() => resolve({ done: false }), ms);
      work.then(
        (reply) => {
          d.timers.clearTimeout(timer);
          resolve({ done: true, reply });
        },
        (err: unknown) => {
          d.timers.clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  async function answer(frame: Callback, msg: InboundMessage, log: Logger): Promise<void> {
    const streamId = streamIdOf(msg.id);
    const conversation = msg.chat.id ?? msg.senderId;
    const work = d.receive(msg);
    let unfinished = false;
    let reply: Reply;
    try {
      const first = await withDeadline(work);
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
  async function answerTap(frame: Callback, msg: InboundMessage, log: Logger): Promise<void> {
    const work = d.receive(msg);
    let outcome: Outcome;
    try {
      outcome = await withDeadline(work, d.cardDeadlineMs);
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

  async function handle(frame: Callback): Promise<void> {
    const log = d.log.child({ cmd: frame.cmd });
    if (frame.cmd !== CMD.msgCallback && frame.cmd !== CMD.eventCallback) {
      log.info('long connection: ignored an unknown command');
      return;
    }
    if (frame.cmd === CMD.eventCallback && eventTypeOf(frame.body) === 'disconnected_event') return;
    let parsed;
    try {
      // The body is the callback mode's decrypted JSON: one parser for both channels.
      const body = frame.cmd === CMD.eventCallback ? { msgtype: 'event', ...frame.body } : frame.body;
      parsed = parseBotPlaintext(JSON.stringify(body), d.clock.now(), d.streamBytes);
    } catch (err) {
      log.warn(
        { reason: err instanceof CallbackRejected ? err.reason : String(err) },
        'long connection: ignored a malformed callback',
      );
      return;
    }
    if (parsed.type !== 'message') return; // stream polls belong to the HTTP callback mode
    const msg = parsed.message;
    const msgLog = log.child({ msgId: msg.id });
    if (msg.chat.type === 'group' && msg.chat.id) {
      await d
        .rememberGroup(msg.chat.id, msg.senderId)
        .catch((err: unknown) => msgLog.warn({ err }, 'group chat not stored'));
    }
    if (msg.card) {
      await answerTap(frame, msg, msgLog);
      return;
    }
    if (msg.kind === 'event') {
      // enter_chat wants aibot_respond_welcome_msg within 5 s; other events get no reply.
      const reply = await d.receive(msg);
      if (reply?.kind === 'welcome') await d.send(welcomeFrame(frame.reqId, reply.text));
      return;
    }
    await answer(frame, msg, msgLog);
  }

  return {
    /** Handles one callback frame; never throws (a failure is logged, the connection stays). */
    async handle(frame: Callback): Promise<void> {
      try {
        await handle(frame);
      } catch (err) {
        d.log.error({ err, cmd: frame.cmd }, 'long connection: callback failed');
      }
    },
  };
}
