import type { Context } from 'koa';
import getRawBody from 'raw-body';
import type { Clock } from '../clock';
import { readAppEnvelope } from './app-mode';
import { readBotEnvelope } from './bot-mode';
import { CallbackRejected, type CryptoKeys, checkEcho, decryptPayload, verifySignature } from './crypto';

/** The callback's first step, before any work: read the body, verify the signature, decrypt. */
export interface RequestLimits {
  maxBodyBytes: number;
  timestampSkewSeconds: number;
  requestTimeoutMs: number;
}

/** What verifying and decrypting needs. */
export interface CallbackKeys {
  keys: CryptoKeys;
  corpId?: string;
  clock: Clock;
  limits: RequestLimits;
}

/** A verified, decrypted callback: which mode sent it and what the reply must be signed with. */
export interface OpenedCallback {
  mode: 'bot' | 'app';
  plaintext: string;
  /** '' for the smart bot, the corp id for the app: the reply is encrypted for the same receiver. */
  receiveId: string;
  nonce: string;
  now: Date;
  /** The reply's timestamp (seconds), as WeCom signs it. */
  timestamp: string;
}

function queryOf(ctx: Context) {
  // Koa's `ctx.query` re-reads the URL on each access: once here.
  const query = ctx.query;
  const one = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined);
  return { signature: one('msg_signature'), timestamp: one('timestamp'), nonce: one('nonce'), echostr: one('echostr') };
}

const JSON_TYPES = new Set(['application/json', 'text/json']);
const XML_TYPES = new Set(['application/xml', 'text/xml']);
// Tolerated because WeCom's exact header is not documented; the body's first character decides.
const NEUTRAL_TYPES = new Set(['', 'text/plain', 'application/octet-stream']);

/** The declared content type, refused (415) before the body is read when it is neither JSON, XML nor neutral. */
export function contentTypeOf(ctx: Context): string {
  const type = (ctx.request.type || '').toLowerCase();
  if (!JSON_TYPES.has(type) && !XML_TYPES.has(type) && !NEUTRAL_TYPES.has(type))
    throw new CallbackRejected(415, 'unsupported content type');
  return type;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the whole body within the request timeout; a short body never holds the connection longer. */
export async function readBody(ctx: Context, limit: number, timeoutMs: number): Promise<string> {
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

/** The URL check WeCom makes when the callback is configured: the decrypted echo string. */
export function verifiedEcho(ctx: Context, d: CallbackKeys): string {
  const { keys, corpId, clock, limits } = d;
  const q = queryOf(ctx);
  if (!q.echostr) throw new CallbackRejected(400, 'missing echostr');
  verifySignature(keys, q, q.echostr, clock.now().getTime(), limits.timestampSkewSeconds);
  // Verification is shared by both modes: the smart bot's receive id is '', the app's is the corp id.
  return checkEcho(decryptPayload(keys, q.echostr, corpId ? ['', corpId] : ['']));
}

/** Verifies and decrypts a posted body; anything wrong is a CallbackRejected (4xx) before any work. */
export function openCallback(ctx: Context, d: CallbackKeys, type: string, body: string): OpenedCallback {
  const { keys, corpId, clock, limits } = d;
  const q = queryOf(ctx);
  const raw = body.trim();
  const mode = raw.startsWith('{') ? 'bot' : raw.startsWith('<') ? 'app' : undefined;
  if (!mode) throw new CallbackRejected(415, 'body is neither JSON nor XML');
  if ((JSON_TYPES.has(type) && mode !== 'bot') || (XML_TYPES.has(type) && mode !== 'app'))
    throw new CallbackRejected(415, 'content type does not match the body');
  const ciphertext = mode === 'bot' ? readBotEnvelope(raw) : readAppEnvelope(raw);
  verifySignature(keys, q, ciphertext, clock.now().getTime(), limits.timestampSkewSeconds);
  const receiveId = mode === 'bot' ? '' : corpId;
  if (receiveId === undefined || (mode === 'app' && !receiveId))
    throw new CallbackRejected(400, 'app callbacks need WECOM_CORP_ID');
  const plaintext = decryptPayload(keys, ciphertext, receiveId);
  const at = clock.now();
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { mode, plaintext, receiveId, nonce: q.nonce as string, now: at, timestamp };
}
