import type { Context } from 'koa';
import { t } from '../messages';
import { markdownToPlain } from '../text/plain';
import { appButtonReplyPlaintext, appReplyEnvelope, appReplyPlaintext, parseAppPlaintext } from './app-mode';
import { botReplyPlaintext, parseBotPlaintext } from './bot-mode';
import { appButtonName, cardMessageJson, updateCardJson } from './card-json';
import type { OpenedCallback } from './callback-request';
import { type HandOverDeps, handOver, streamState } from './callback-deadline';
import { type CryptoKeys, encryptPayload, signatureOf } from './crypto';
import type { SecretTap } from '../dispatcher/contract';
import { streamIdOf } from './stream-id';

/** What answering needs beyond the deadline: the keys the reply is encrypted with, and the parsers' limits. */
export interface AnswerDeps extends HandOverDeps {
  keys: CryptoKeys;
  /** Which taps' ticked options stay out of their inbox id (the card door's table). */
  secretTap: SecretTap;
  limits: HandOverDeps['limits'] & { streamBytes: number; appTextBytes: number };
}

/** No passive reply: WeCom takes an empty 200 (the reply, if any, follows another way). */
function answerEmpty(ctx: Context): void {
  ctx.status = 200;
  ctx.body = '';
}

/** An encrypted, signed smart-bot passive reply. */
function answerBot(ctx: Context, keys: CryptoKeys, plaintext: string, at: OpenedCallback): void {
  const encrypt = encryptPayload(keys, plaintext, '');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({
    encrypt,
    msgsignature: signatureOf(keys, at.timestamp, at.nonce, encrypt),
    timestamp: Number(at.timestamp),
    nonce: at.nonce,
  });
}

/** An encrypted, signed app passive reply (XML). */
function answerApp(ctx: Context, keys: CryptoKeys, plaintext: string, at: OpenedCallback): void {
  const encrypt = encryptPayload(keys, plaintext, at.receiveId);
  ctx.type = 'application/xml';
  ctx.body = appReplyEnvelope(encrypt, signatureOf(keys, at.timestamp, at.nonce, encrypt), at.timestamp, at.nonce);
}

type Stream = { text: string; finish: boolean };

/** The smart bot: a stream refresh, a message's stream or card, or a tap's updated card. */
export async function answerBotCallback(ctx: Context, d: AnswerDeps, at: OpenedCallback): Promise<void> {
  const parsed = parseBotPlaintext(at.plaintext, at.now, d.limits.streamBytes, d.secretTap);
  let streamId: string;
  let stream: Stream | undefined;
  let welcome = false;
  let card: Record<string, unknown> | undefined;
  if (parsed.type === 'stream-poll') {
    streamId = parsed.streamId;
    const found = await streamState(d, streamId);
    // No record: the work failed and its claim was freed, or the database is away; the user should send again.
    stream =
      found.state === 'done'
        ? { text: found.text, finish: true }
        : found.state === 'processing'
          ? { text: t('replyProcessing'), finish: false }
          : { text: t('systemBusy'), finish: true };
  } else {
    streamId = streamIdOf(parsed.message.id);
    ctx.state.msgId = parsed.message.id;
    const outcome = await handOver(d, parsed.message, 'bot');
    const tapper = parsed.message.card ? parsed.message.senderId : undefined;
    if (tapper !== undefined) {
      // A tap's only answer is the tapper's updated card (or nothing).
      if (outcome.kind === 'reply' && outcome.reply?.card) card = updateCardJson(outcome.reply.card, tapper);
    } else if (outcome.kind === 'pending') stream = { text: t('replyProcessing'), finish: false };
    else if (outcome.kind === 'busy') stream = { text: t('systemBusy'), finish: true };
    else if (outcome.reply?.card) card = cardMessageJson(outcome.reply.card);
    else if (outcome.reply) {
      stream = { text: outcome.reply.text, finish: true };
      welcome = outcome.reply.kind === 'welcome';
    }
    ctx.state.outcome = outcome.kind;
  }
  if (card) answerBot(ctx, d.keys, JSON.stringify(card), at);
  else if (stream === undefined) answerEmpty(ctx);
  else answerBot(ctx, d.keys, botReplyPlaintext(streamId, stream.text, welcome, stream.finish), at);
}

/** The self-built app: the reply as plain text, a tap's renamed button, or nothing (the reply follows as a message). */
export async function answerAppCallback(ctx: Context, d: AnswerDeps, at: OpenedCallback): Promise<void> {
  const message = parseAppPlaintext(at.plaintext, at.now, d.limits.appTextBytes, d.secretTap);
  ctx.state.msgId = message.id;
  const outcome = await handOver(d, message, 'app');
  ctx.state.outcome = outcome.kind;
  const corpId = at.receiveId;
  const when = Number(at.timestamp);
  if (message.card) {
    // The app's passive answer to a tap renames the tapped button for the tapper.
    const card = outcome.kind === 'reply' ? outcome.reply?.card : undefined;
    if (!card) answerEmpty(ctx);
    else answerApp(ctx, d.keys, appButtonReplyPlaintext(message.senderId, corpId, appButtonName(card), when), at);
    return;
  }
  const text = outcome.kind === 'busy' ? t('systemBusy') : outcome.kind === 'reply' ? outcome.reply?.text : undefined;
  // No reply, or not ready in time: the reply follows as an app message (see the inbox).
  if (text === undefined) answerEmpty(ctx);
  else answerApp(ctx, d.keys, appReplyPlaintext(message.senderId, corpId, markdownToPlain(text), when), at);
}
