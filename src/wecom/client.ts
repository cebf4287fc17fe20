import { templateCardJson } from './card-json';
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { type PushSender, PushError } from '../services/delivery';

/** A failed WeCom API call; the outbox sender reads `retryable` / `retryAfterMs` from PushError. */
export class WecomApiError extends PushError {}

export interface WecomClientOptions {
  /** A function when the base is known only later (demo mode: this app's own port after listen). */
  apiBase: string | (() => string);
  webhookKey?: string;
  corpId?: string;
  corpSecret?: string;
  agentId?: number;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const RATE_LIMITED = 45009;
const INVALID_WEBHOOK = 93000;
const TOKEN_EXPIRED = new Set([40014, 42001]);
// Errors that retrying cannot fix: bad key, bad agent, IP not trusted, bad secret.
const PERMANENT = new Set([INVALID_WEBHOOK, 40001, 40013, 40056, 60020, 301002, 81013]);

export interface WecomClient extends PushSender {
  /** Web sign-in (OAuth / SSO): the corp member a one-time code stands for; undefined for a non-member. */
  userIdFromCode(code: string): Promise<string | undefined>;
  readonly canSendApp: boolean;
  /** The self-built app's media/get URL with a current access token (pictures sent to the app). */
  mediaGetUrl(forceToken: boolean): Promise<string>;
  /** Whether the corp id and secret are configured, so media/get can be called. */
  readonly canGetMedia: boolean;
}

/** What the self-built app's media/upload takes as a `file` (WeCom: more than 5 bytes, at most 20 MB). */
const APP_FILE_BYTES = { min: 5, max: 20 * 1024 * 1024 };

/**
 * The multipart body of media/upload: one part named `media` with the file's name and length, as WeCom's
 * documentation shows it. Our file names never hold quotes or line breaks; any would be replaced.
 */
export function multipartFile(filename: string, bytes: Buffer): { contentType: string; body: Buffer<ArrayBuffer> } {
  const boundary = `----daibiao${randomBytes(12).toString('hex')}`;
  const name = filename.replace(/["\r\n\\]/g, '_');
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="media"; filename="${name}"; filelength=${bytes.length}\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}

/** Group robot webhook, app messages (token cached and refreshed) and the smart bot's response_url. */
export function createWecomClient(opts: WecomClientOptions): WecomClient {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const base = opts.apiBase;
  const apiBase = typeof base === 'function' ? base : () => base;
  let token: { value: string; expiresAt: number } | undefined;

  type Answer = { errcode?: number; errmsg?: string } & Record<string, unknown>;

  /** A JSON call: GET without a body, else POST of the body as JSON. */
  function call(url: string, body: unknown, what: string): Promise<Answer> {
    return request(
      url,
      body === undefined
        ? { method: 'GET' }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      what,
    );
  }

  async function request(url: string, init: RequestInit, what: string): Promise<Answer> {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      // A timeout may have reached WeCom; anything else failed before it did.
      const name = (err as Error).name;
      throw new WecomApiError(undefined, `${what}: ${name}`, true, undefined, name === 'TimeoutError');
    }
    if (!res.ok) throw new WecomApiError(undefined, `${what}: HTTP ${res.status}`, true, undefined, false);
    try {
      return (await res.json()) as Answer;
    } catch {
      throw new WecomApiError(undefined, `${what}: answer is not JSON`, true);
    }
  }

  function check(json: { errcode?: number; errmsg?: string }, what: string): void {
    const code = json.errcode ?? 0;
    if (code === 0) return;
    const msg = `${what}: ${String(json.errmsg ?? '').slice(0, 200)}`;
    // WeCom counts a sliding minute: try again a whole minute later.
    if (code === RATE_LIMITED) throw new WecomApiError(code, msg, true, 61_000);
    throw new WecomApiError(code, msg, !PERMANENT.has(code));
  }

  async function accessToken(force: boolean): Promise<string> {
    const now = opts.clock.now().getTime();
    if (!force && token && token.expiresAt > now) return token.value;
    if (!opts.corpId || !opts.corpSecret) throw new WecomApiError(undefined, 'app messages are not configured', false);
    const url = `${apiBase()}/cgi-bin/gettoken?corpid=${encodeURIComponent(opts.corpId)}&corpsecret=${encodeURIComponent(opts.corpSecret)}`;
    const json = await call(url, undefined, 'gettoken');
    check(json, 'gettoken');
    const value = typeof json.access_token === 'string' ? json.access_token : '';
    const ttl = typeof json.expires_in === 'number' ? json.expires_in : 7200;
    if (!value) throw new WecomApiError(undefined, 'gettoken: no access_token', true);
    // Refresh five minutes early so a token never expires mid-burst.
    token = { value, expiresAt: now + Math.max(60, ttl - 300) * 1000 };
    return value;
  }

  /** Calls with the cached token, and once more with a fresh one when WeCom says it expired. */
  async function withToken(what: string, go: (token: string) => Promise<Answer>): Promise<Answer> {
    let json = await go(await accessToken(false));
    if (TOKEN_EXPIRED.has(json.errcode ?? 0)) json = await go(await accessToken(true));
    check(json, what);
    return json;
  }

  async function appMessage(touser: string[], msgtype: string, inner: Record<string, unknown>): Promise<void> {
    const body = { touser: touser.join('|'), msgtype, agentid: opts.agentId, [msgtype]: inner };
    await withToken('message/send', (t) =>
      call(`${apiBase()}/cgi-bin/message/send?access_token=${encodeURIComponent(t)}`, body, 'message/send'),
    );
  }

  return {
    canSendApp: Boolean(opts.corpId && opts.corpSecret && opts.agentId),
    canGetMedia: Boolean(opts.corpId && opts.corpSecret),

    async mediaGetUrl(forceToken) {
      const t = await accessToken(forceToken);
      return `${apiBase()}/cgi-bin/media/get?access_token=${encodeURIComponent(t)}`;
    },

    async sendGroup(msg) {
      if (!opts.webhookKey) throw new WecomApiError(undefined, 'no group webhook key configured', false);
      const url = `${apiBase()}/cgi-bin/webhook/send?key=${encodeURIComponent(opts.webhookKey)}`;
      const body =
        msg.msgtype === 'markdown'
          ? { msgtype: 'markdown', markdown: { content: msg.content } }
          : msg.msgtype === 'image'
            ? // The robot wants the bytes' md5 beside the base64, to check what it received.
              {
                msgtype: 'image',
                image: {
                  base64: msg.content,
                  md5: createHash('md5').update(Buffer.from(msg.content, 'base64')).digest('hex'),
                },
              }
            : { msgtype: 'text', text: { content: msg.content, mentioned_list: msg.mentions ?? [] } };
      check(await call(url, body, 'webhook'), 'webhook');
    },

    async sendApp(msg) {
      await appMessage(msg.touser, msg.msgtype, { content: msg.content });
    },

    async sendAppCard(msg) {
      await appMessage(msg.touser, 'template_card', templateCardJson(msg.card));
    },
    async updateAppCard(msg) {
      const body = {
        userids: msg.userids,
        agentid: opts.agentId,
        response_code: msg.responseCode,
        template_card: templateCardJson(msg.card),
      };
      await withToken('message/update_template_card', (t) =>
        call(
          `${apiBase()}/cgi-bin/message/update_template_card?access_token=${encodeURIComponent(t)}`,
          body,
          'message/update_template_card',
        ),
      );
    },
    async sendAppFile(msg) {
      // What WeCom refuses whatever the retry: the outbox gives such a file up at once.
      if (msg.bytes.length < APP_FILE_BYTES.min || msg.bytes.length > APP_FILE_BYTES.max)
        throw new WecomApiError(undefined, `media/upload: a file of ${msg.bytes.length} bytes`, false);
      const form = multipartFile(msg.filename, msg.bytes);
      const json = await withToken('media/upload', (t) =>
        request(
          `${apiBase()}/cgi-bin/media/upload?access_token=${encodeURIComponent(t)}&type=file`,
          { method: 'POST', headers: { 'content-type': form.contentType }, body: form.body },
          'media/upload',
        ),
      );
      const mediaId = typeof json.media_id === 'string' ? json.media_id : '';
      // Never a file message without its media: the item is tried again (uploading again) later.
      if (!mediaId) throw new WecomApiError(undefined, 'media/upload: no media_id', true);
      await appMessage(msg.touser, 'file', { media_id: mediaId });
    },

    async postResponseUrl(url, markdown) {
      check(await call(url, { msgtype: 'markdown', markdown: { content: markdown } }, 'response_url'), 'response_url');
    },

    async userIdFromCode(code) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const t = await accessToken(attempt > 0);
        const json = await call(
          `${apiBase()}/cgi-bin/auth/getuserinfo?access_token=${encodeURIComponent(t)}&code=${encodeURIComponent(code)}`,
          undefined,
          'auth/getuserinfo',
        );
        if (TOKEN_EXPIRED.has(json.errcode ?? 0) && attempt === 0) continue;
        check(json, 'auth/getuserinfo');
        // Members come back with `userid`; outsiders only with `openid`, and may not sign in.
        return typeof json.userid === 'string' && json.userid ? json.userid : undefined;
      }
      return undefined;
    },
  };
}
