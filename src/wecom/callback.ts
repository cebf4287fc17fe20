import { createHash, randomBytes } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import getRawBody from 'raw-body';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { isDatabaseUnavailable } from '../db/availability';
import { t } from '../messages';
import { StillProcessing } from '../inbox/inbox';
import { markdownToPlain } from '../text/plain';
import {
  appButtonReplyPlaintext,
  appReplyEnvelope,
  appReplyPlaintext,
  parseAppPlaintext,
  readAppEnvelope,
} from './app-mode';
import { appButtonName, cardMessageJson, updateCardJson } from './card-json';
import { botReplyPlaintext, parseBotPlaintext, readBotEnvelope } from './bot-mode';
import {
  CallbackRejected,
  type CryptoKeys,
  checkEcho,
  decryptPayload,
  encryptPayload,
  signatureOf,
  verifySignature,
} from './crypto';
import type { InboundMessage, LateDelivery, Received, Reply, SecretTap, StreamState } from '../dispatcher/contract';

export interface CallbackLimits {
  maxBodyBytes: number;
  timestampSkewSeconds: number;
  streamBytes: number;
  appTextBytes: number;
  /** A body not fully received within this is answered 408. */
  requestTimeoutMs: number;
  /** Smart bot: past this, answer an unfinished stream and serve the rest on refresh. */
  botDeadlineMs: number;
  /** Self-built app: past this, answer empty and send the reply as an app message. */
  appDeadlineMs: number;
  /** A card tap: past this, answer empty (WeCom takes the update only within 5 s, and asks once). */
  cardDeadlineMs: number;
}

export interface CallbackDeps {
  keys: CryptoKeys;
  corpId?: string;
  clock: Clock;
  log: Logger;
  limits: CallbackLimits;
  /** De-duplicates and dispatches within a deadline; the same message id always yields the same reply. */
  receive(msg: InboundMessage, deadlineMs: number, late: LateDelivery): Promise<Received>;
  /** What a smart-bot stream refresh finds. */
  replyForStream(streamId: string): Promise<StreamState>;
  /** Which taps' ticked options stay out of their inbox id (the card door's table). */
  secretTap: SecretTap;
  /** Told when a reply was not ready within the mode's deadline (metrics). */
  onMissedDeadline?: (mode: 'bot' | 'app') => void;
}

export function streamIdOf(messageId: string): string {
  return createHash('sha1').update(messageId).digest('hex').slice(0, 24);
}

function queryOf(ctx: Context) {
  const one = (k: string) => (typeof ctx.query[k] === 'string' ? (ctx.query[k] as string) : undefined);
  return { signature: one('msg_signature'), timestamp: one('timestamp'), nonce: one('nonce'), echostr: one('echostr') };
}

const JSON_TYPES = new Set(['application/json', 'text/json']);
const XML_TYPES = new Set(['application/xml', 'text/xml']);
// Tolerated because WeCom's exact header is not documented; the body's first character decides.
const NEUTRAL_TYPES = new Set(['', 'text/plain', 'application/octet-stream']);

function contentTypeOf(ctx: Context): string {
  const type = (ctx.request.type || '').toLowerCase();
  if (!JSON_TYPES.has(type) && !XML_TYPES.has(type) && !NEUTRAL_TYPES.has(type))
    throw new CallbackRejected(415, 'unsupported content type');
  return type;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the whole body within the request timeout; a short body never holds the connection longer. */
async function readBody(ctx: Context, limit: number, timeoutMs: number): Promise<string> {
  const declared = ctx.get('content-length');
  if (declared && !/^\d+$/.test(declared)) throw new CallbackRejected(400, 'bad content-length');
  if (declared && Number(declared) > limit) throw new CallbackRejected(413, 'body too large');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CallbackRejected(408, 'body not received within the request timeout')),
      timeoutMs,
    );
  });
  let raw: Buffer;
  try {
    raw = await Promise.race([getRawBody(ctx.req, { limit, length: declared || undefined }), timeout]);
  } catch (err) {
    if (err instanceof CallbackRejected) throw err;
    const e = err as { type?: string };
    if (e.type === 'entity.too.large') throw new CallbackRejected(413, 'body too large');
    throw new CallbackRejected(400, 'unreadable body');
  } finally {
    clearTimeout(timer);
  }
  try {
    return strictUtf8.decode(raw);
  } catch {
    throw new CallbackRejected(400, 'body is not valid UTF-8');
  }
}

type Outcome = { kind: 'reply'; reply: Reply } | { kind: 'pending' } | { kind: 'busy' };

/** The transport: verify, decrypt, parse, hand over within the deadline, encrypt the reply. It knows WeCom, not commands. */
export function createCallbackRouter(deps: CallbackDeps): Router {
  const router = new Router();
  const { keys, clock, limits, log } = deps;

  /** Runs the message against its mode's deadline; an unreachable database is a polite "busy", not a 500. */
  async function handOver(message: InboundMessage, mode: 'bot' | 'app'): Promise<Outcome> {
    try {
      // A tap has no later way to answer it: the work goes on past the deadline and its update is dropped.
      const r = message.card
        ? await deps.receive(message, limits.cardDeadlineMs, 'caller')
        : await deps.receive(
            message,
            mode === 'bot' ? limits.botDeadlineMs : limits.appDeadlineMs,
            mode === 'bot' ? 'stream' : 'app',
          );
      if (r.status === 'done') return { kind: 'reply', reply: r.reply };
      deps.onMissedDeadline?.(mode);
      if (message.card) log.warn({ msgId: message.id }, 'card tap not answered within the deadline: no update');
      return { kind: 'pending' };
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        log.warn({ msgId: message.id, reason: (err as Error).message }, 'database unavailable: answered busy');
        return { kind: 'busy' };
      }
      // A smart-bot redelivery while another instance works on it: the stream refresh will carry the reply.
      if (err instanceof StillProcessing && mode === 'bot') return { kind: 'pending' };
      throw err;
    }
  }

  async function streamState(streamId: string): Promise<StreamState> {
    try {
      return await deps.replyForStream(streamId);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      return { state: 'unknown' };
    }
  }

  router.get('/wecom/callback', (ctx) => {
    const q = queryOf(ctx);
    if (!q.echostr) throw new CallbackRejected(400, 'missing echostr');
    verifySignature(keys, q, q.echostr, clock.now().getTime(), limits.timestampSkewSeconds);
    // Verification is shared by both modes: the smart bot's receive id is '', the app's is the corp id.
    const plain = checkEcho(decryptPayload(keys, q.echostr, deps.corpId ? ['', deps.corpId] : ['']));
    ctx.type = 'text/plain';
    ctx.body = plain;
  });

  router.post('/wecom/callback', async (ctx) => {
    const q = queryOf(ctx);
    const type = contentTypeOf(ctx);
    const raw = (await readBody(ctx, limits.maxBodyBytes, limits.requestTimeoutMs)).trim();
    const mode = raw.startsWith('{') ? 'bot' : raw.startsWith('<') ? 'app' : undefined;
    if (!mode) throw new CallbackRejected(415, 'body is neither JSON nor XML');
    if ((JSON_TYPES.has(type) && mode !== 'bot') || (XML_TYPES.has(type) && mode !== 'app'))
      throw new CallbackRejected(415, 'content type does not match the body');
    const ciphertext = mode === 'bot' ? readBotEnvelope(raw) : readAppEnvelope(raw);
    verifySignature(keys, q, ciphertext, clock.now().getTime(), limits.timestampSkewSeconds);
    const receiveId = mode === 'bot' ? '' : deps.corpId;
    if (receiveId === undefined || (mode === 'app' && !receiveId))
      throw new CallbackRejected(400, 'app callbacks need WECOM_CORP_ID');
    const plaintext = decryptPayload(keys, ciphertext, receiveId);
    const now = clock.now();
    const nonce = q.nonce as string;
    const timestamp = String(Math.floor(now.getTime() / 1000));

    if (mode === 'bot') {
      const parsed = parseBotPlaintext(plaintext, now, limits.streamBytes, deps.secretTap);
      let streamId: string;
      let stream: { text: string; finish: boolean } | undefined;
      let welcome = false;
      let card: Record<string, unknown> | undefined;
      if (parsed.type === 'stream-poll') {
        streamId = parsed.streamId;
        const found = await streamState(streamId);
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
        const outcome = await handOver(parsed.message, 'bot');
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
      if (card) {
        answerBot(ctx, JSON.stringify(card), nonce, timestamp);
        return;
      }
      if (stream === undefined) {
        ctx.status = 200;
        ctx.body = '';
        return;
      }
      answerBot(ctx, botReplyPlaintext(streamId, stream.text, welcome, stream.finish), nonce, timestamp);
      return;
    }

    const message = parseAppPlaintext(plaintext, now, limits.appTextBytes, deps.secretTap);
    ctx.state.msgId = message.id;
    const outcome = await handOver(message, 'app');
    ctx.state.outcome = outcome.kind;
    const corpId = receiveId;
    if (message.card) {
      // The app's passive answer to a tap renames the tapped button for the tapper.
      const card = outcome.kind === 'reply' ? outcome.reply?.card : undefined;
      if (!card) {
        ctx.status = 200;
        ctx.body = '';
        return;
      }
      const plain = appButtonReplyPlaintext(message.senderId, corpId, appButtonName(card), Number(timestamp));
      const encrypted = encryptPayload(keys, plain, corpId);
      ctx.type = 'application/xml';
      ctx.body = appReplyEnvelope(encrypted, signatureOf(keys, timestamp, nonce, encrypted), timestamp, nonce);
      return;
    }
    const text = outcome.kind === 'busy' ? t('systemBusy') : outcome.kind === 'reply' ? outcome.reply?.text : undefined;
    if (text === undefined) {
      // No reply, or not ready in time: the reply follows as an app message (see the inbox).
      ctx.status = 200;
      ctx.body = '';
      return;
    }
    const encrypt = encryptPayload(
      keys,
      appReplyPlaintext(message.senderId, corpId, markdownToPlain(text), Number(timestamp)),
      corpId,
    );
    ctx.type = 'application/xml';
    ctx.body = appReplyEnvelope(encrypt, signatureOf(keys, timestamp, nonce, encrypt), timestamp, nonce);
  });

  /** An encrypted, signed smart-bot passive reply. */
  function answerBot(ctx: Context, plaintext: string, nonce: string, timestamp: string): void {
    const encrypt = encryptPayload(keys, plaintext, '');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      encrypt,
      msgsignature: signatureOf(keys, timestamp, nonce, encrypt),
      timestamp: Number(timestamp),
      nonce,
    });
  }

  return router;
}

/** Random 10-digit nonce, as WeCom uses; exported for the simulator and tests. */
export function newNonce(): string {
  return String(randomBytes(5).readUIntBE(0, 5)).padStart(10, '0').slice(0, 10);
}
