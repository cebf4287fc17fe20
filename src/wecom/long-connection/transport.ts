import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import { parseBotPlaintext } from '../bot-mode';
import { CallbackRejected } from '../crypto';
import type { InboundMessage, Reply, SecretTap } from '../../dispatcher/contract';
import { CMD, type OutFrame, welcomeFrame } from './frames';
import { answerMessage, answerTap } from './replies';
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
  /** Which taps' ticked options stay out of their inbox id (the card door's table). */
  secretTap: SecretTap;
  /** Records a group the bot heard from (the office chooses the push group among them). */
  rememberGroup(chatid: string, userid: string): Promise<void>;
  /** Counts a reply against the conversation's rate budget. */
  countReply(conversation: string): Promise<void>;
  /** Told when a reply was not ready within replyDeadlineMs (metrics). */
  onMissedDeadline?: () => void;
}

/**
 * The long connection's inbound side: callback frames in, stream replies out, echoing each req_id. The replies and
 * their deadlines are replies.ts.
 */
export function createLongConnectionTransport(d: TransportDeps) {
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
      parsed = parseBotPlaintext(JSON.stringify(body), d.clock.now(), d.streamBytes, d.secretTap);
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
      await answerTap(d, frame, msg, msgLog);
      return;
    }
    if (msg.kind === 'event') {
      // enter_chat wants aibot_respond_welcome_msg within 5 s; other events get no reply.
      const reply = await d.receive(msg);
      if (reply?.kind === 'welcome') await d.send(welcomeFrame(frame.reqId, reply.text));
      return;
    }
    await answerMessage(d, frame, msg, msgLog);
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
