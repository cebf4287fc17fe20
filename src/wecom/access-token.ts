import type { Clock } from '../clock';
import { type Answer, type ApiCaller, TOKEN_EXPIRED, WecomApiError, checkAnswer } from './api-call';

export interface TokenCache {
  /** The cached access token, or a fresh one when forced or lapsed. */
  accessToken(force: boolean): Promise<string>;
  /** Calls with the cached token, and once more with a fresh one when WeCom says it expired. */
  withToken(what: string, go: (token: string) => Promise<Answer>): Promise<Answer>;
}

/** The self-built app's access token: fetched with the corp id and secret, kept until shortly before it lapses. */
export function createTokenCache(o: {
  corpId?: string;
  corpSecret?: string;
  clock: Clock;
  apiBase: () => string;
  api: ApiCaller;
}): TokenCache {
  let token: { value: string; expiresAt: number } | undefined;

  async function accessToken(force: boolean): Promise<string> {
    const now = o.clock.now().getTime();
    if (!force && token && token.expiresAt > now) return token.value;
    if (!o.corpId || !o.corpSecret) throw new WecomApiError(undefined, 'app messages are not configured', false);
    const url = `${o.apiBase()}/cgi-bin/gettoken?corpid=${encodeURIComponent(o.corpId)}&corpsecret=${encodeURIComponent(o.corpSecret)}`;
    const json = await o.api.call(url, undefined, 'gettoken');
    checkAnswer(json, 'gettoken');
    const value = typeof json.access_token === 'string' ? json.access_token : '';
    const ttl = typeof json.expires_in === 'number' ? json.expires_in : 7200;
    if (!value) throw new WecomApiError(undefined, 'gettoken: no access_token', true);
    // Refresh five minutes early so a token never expires mid-burst.
    token = { value, expiresAt: now + Math.max(60, ttl - 300) * 1000 };
    return value;
  }

  return {
    accessToken,
    async withToken(what, go) {
      let json = await go(await accessToken(false));
      if (TOKEN_EXPIRED.has(json.errcode ?? 0)) json = await go(await accessToken(true));
      checkAnswer(json, what);
      return json;
    },
  };
}
