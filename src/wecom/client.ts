import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { PushSender } from '../services/delivery';
import { createTokenCache } from './access-token';
import { TOKEN_EXPIRED, WecomApiError, checkAnswer, createApiCaller } from './api-call';
import { uploadAppFile } from './app-media';
import { createAppMessages } from './app-messages';
import { templateCardJson } from './card-json';

export { WecomApiError } from './api-call';
export { multipartFile } from './app-media';

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

export interface WecomClient extends PushSender {
  /** Web sign-in (OAuth / SSO): the corp member a one-time code stands for; undefined for a non-member. */
  userIdFromCode(code: string): Promise<string | undefined>;
  readonly canSendApp: boolean;
  /** The self-built app's media/get URL with a current access token (pictures sent to the app). */
  mediaGetUrl(forceToken: boolean): Promise<string>;
  /** Whether the corp id and secret are configured, so media/get can be called. */
  readonly canGetMedia: boolean;
}

/** The group robot's webhook body for one push. */
function webhookBody(msg: Parameters<PushSender['sendGroup']>[0]) {
  if (msg.msgtype === 'markdown') return { msgtype: 'markdown', markdown: { content: msg.content } };
  if (msg.msgtype === 'image') {
    // The robot wants the bytes' md5 beside the base64, to check what it received.
    const md5 = createHash('md5').update(Buffer.from(msg.content, 'base64')).digest('hex');
    return { msgtype: 'image', image: { base64: msg.content, md5 } };
  }
  return { msgtype: 'text', text: { content: msg.content, mentioned_list: msg.mentions ?? [] } };
}

/**
 * Group robot webhook, app messages and the smart bot's response_url. Composes the HTTP calls (api-call.ts),
 * the access token cache (access-token.ts), the app's messages (app-messages.ts) and file upload (app-media.ts).
 */
export function createWecomClient(opts: WecomClientOptions): WecomClient {
  const base = opts.apiBase;
  const apiBase = typeof base === 'function' ? base : () => base;
  const api = createApiCaller(opts.fetch ?? fetch, opts.timeoutMs ?? 10_000);
  const tokens = createTokenCache({
    corpId: opts.corpId,
    corpSecret: opts.corpSecret,
    clock: opts.clock,
    apiBase,
    api,
  });
  const app = createAppMessages({ agentId: opts.agentId, apiBase, api, tokens });

  return {
    canSendApp: Boolean(opts.corpId && opts.corpSecret && opts.agentId),
    canGetMedia: Boolean(opts.corpId && opts.corpSecret),

    async mediaGetUrl(forceToken) {
      const t = await tokens.accessToken(forceToken);
      return `${apiBase()}/cgi-bin/media/get?access_token=${encodeURIComponent(t)}`;
    },

    async sendGroup(msg) {
      if (!opts.webhookKey) throw new WecomApiError(undefined, 'no group webhook key configured', false);
      const url = `${apiBase()}/cgi-bin/webhook/send?key=${encodeURIComponent(opts.webhookKey)}`;
      checkAnswer(await api.call(url, webhookBody(msg), 'webhook'), 'webhook');
    },

    async sendApp(msg) {
      await app.send(msg.touser, msg.msgtype, { content: msg.content });
    },
    async sendAppCard(msg) {
      await app.send(msg.touser, 'template_card', templateCardJson(msg.card));
    },
    async updateAppCard(msg) {
      await app.updateCard(msg);
    },
    async sendAppFile(msg) {
      const mediaId = await uploadAppFile({ apiBase, api, tokens }, msg.filename, msg.bytes);
      await app.send(msg.touser, 'file', { media_id: mediaId });
    },

    async postResponseUrl(url, markdown) {
      const body = { msgtype: 'markdown', markdown: { content: markdown } };
      checkAnswer(await api.call(url, body, 'response_url'), 'response_url');
    },

    async userIdFromCode(code) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const t = await tokens.accessToken(attempt > 0);
        const json = await api.call(
          `${apiBase()}/cgi-bin/auth/getuserinfo?access_token=${encodeURIComponent(t)}&code=${encodeURIComponent(code)}`,
          undefined,
          'auth/getuserinfo',
        );
        if (TOKEN_EXPIRED.has(json.errcode ?? 0) && attempt === 0) continue;
        checkAnswer(json, 'auth/getuserinfo');
        // Members come back with `userid`; outsiders only with `openid`, and may not sign in.
        return typeof json.userid === 'string' && json.userid ? json.userid : undefined;
      }
      return undefined;
    },
  };
}
