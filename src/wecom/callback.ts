import { createHash, randomBytes } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import getRawBody from 'raw-body';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { markdownToPlain } from '../text/plain';
import { appReplyEnvelope, appReplyPlaintext, parseAppPlaintext, readAppEnvelope } from './app-mode';
import { botReplyPlaintext, parseBotPlaintext, readBotEnvelope } from './bot-mode';
import { CallbackRejected, type CryptoKeys, decryptPayload, encryptPayload, signatureOf, verifySignature } from './crypto';
import type { InboundMessage, Reply } from '../dispatcher/contract';

export interface CallbackDeps {
  keys: CryptoKeys;
  corpId?: string;
  clock: Clock;
  log: Logger;
  limits: { maxBodyBytes: number; timestampSkewSeconds: number; streamBytes: number; appTextBytes: number };
  /** De-duplicates and dispatches; the same message id always yields the same reply. */
  receive(msg: InboundMessage): Promise<Reply>;
  /** The stored reply for a smart-bot stream poll, if any. */
  replyForStream(streamId: string): Promise<string | undefined>;
}

export function streamIdOf(messageId: string): string {
  return createHash('sha1').update(messageId).digest('hex').slice(0, 24);
}

function queryOf(ctx: Context) {
  const one = (k: string) => (typeof ctx.query[k] === 'string' ? (ctx.query[k] as string) : undefined);
  return { signature: one('msg_signature'), timestamp: one('timestamp'), nonce: one('nonce'), echostr: one('echostr') };
}

async function readBody(ctx: Context, limit: number): Promise<string> {
  try {
    return await getRawBody(ctx.req, { limit, encoding: 'utf8', length: ctx.get('content-length') || undefined });
  } catch (err) {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') throw new CallbackRejected(413, 'body too large');
    throw new CallbackRejected(400, 'unreadable body');
  }
}

/** The transport: verify, decrypt, parse, hand over, encrypt the reply. It knows WeCom, not commands. */
export function createCallbackRouter(deps: CallbackDeps): Router {
  const router = new Router();
  const { keys, clock, limits } = deps;

  router.get('/wecom/callback', (ctx) => {
    const q = queryOf(ctx);
    if (!q.echostr) throw new CallbackRejected(400, 'missing echostr');
    verifySignature(keys, q, q.echostr, clock.now().getTime(), limits.timestampSkewSeconds);
    // Verification is shared by both modes: the smart bot's receive id is '', the app's is the corp id.
    const plain = decryptPayload(keys, q.echostr, deps.corpId ? ['', deps.corpId] : ['']);
    ctx.type = 'text/plain';
    ctx.body = plain;
  });

  router.post('/wecom/callback', async (ctx) => {
    const q = queryOf(ctx);
    const raw = (await readBody(ctx, limits.maxBodyBytes)).trim();
    const mode = raw.startsWith('{') ? 'bot' : raw.startsWith('<') ? 'app' : undefined;
    if (!mode) throw new CallbackRejected(415, 'body is neither JSON nor XML');
    const ciphertext = mode === 'bot' ? readBotEnvelope(raw) : readAppEnvelope(raw);
    verifySignature(keys, q, ciphertext, clock.now().getTime(), limits.timestampSkewSeconds);
    const receiveId = mode === 'bot' ? '' : deps.corpId;
    if (receiveId === undefined || (mode === 'app' && !receiveId)) throw new CallbackRejected(400, 'app callbacks need WECOM_CORP_ID');
    const plaintext = decryptPayload(keys, ciphertext, receiveId);
    const now = clock.now();
    const nonce = q.nonce as string;
    const timestamp = String(Math.floor(now.getTime() / 1000));

    if (mode === 'bot') {
      const parsed = parseBotPlaintext(plaintext, now, limits.streamBytes);
      let streamId: string;
      let text: string | undefined;
      let welcome = false;
      if (parsed.type === 'stream-poll') {
        streamId = parsed.streamId;
        text = await deps.replyForStream(streamId);
      } else {
        streamId = streamIdOf(parsed.message.id);
        ctx.state.msgId = parsed.message.id;
        const reply = await deps.receive(parsed.message);
        text = reply?.text;
        welcome = reply?.kind === 'welcome';
      }
      if (text === undefined) {
        ctx.status = 200;
        ctx.body = '';
        return;
      }
      const encrypt = encryptPayload(keys, botReplyPlaintext(streamId, text, welcome), '');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ encrypt, msgsignature: signatureOf(keys, timestamp, nonce, encrypt), timestamp: Number(timestamp), nonce });
      return;
    }

    const message = parseAppPlaintext(plaintext, now, limits.appTextBytes);
    ctx.state.msgId = message.id;
    const reply = await deps.receive(message);
    if (!reply) {
      ctx.status = 200;
      ctx.body = '';
      return;
    }
    const corpId = receiveId;
    const encrypt = encryptPayload(keys, appReplyPlaintext(message.senderId, corpId, markdownToPlain(reply.text), Number(timestamp)), corpId);
    ctx.type = 'application/xml';
    ctx.body = appReplyEnvelope(encrypt, signatureOf(keys, timestamp, nonce, encrypt), timestamp, nonce);
  });

  return router;
}

/** Random 10-digit nonce, as WeCom uses; exported for the simulator and tests. */
export function newNonce(): string {
  return String(randomBytes(5).readUIntBE(0, 5)).padStart(10, '0').slice(0, 10);
}
