import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { newToken } from '../services/access';
import type { WecomClient } from '../wecom/client';
import type { SignInLimiter } from './rate-limit';
import { clearCookie, sameSecret, setCookie, STATE_COOKIE } from './session';

const STATE_PATH = '/console/auth';
export const LOGIN_FAILED = (why: string) => `/console/?login=${why}`;

/** Whether WeCom web sign-in can work: the self-built app's corp id, agent id and secret. */
export function wecomSignInConfigured(config: Config): boolean {
  return Boolean(config.wecom.corpId && config.wecom.agentId && config.wecom.corpSecret && !config.demo);
}

export interface WecomSignInDeps {
  config: Config;
  log: Logger;
  limiter: SignInLimiter;
  client: WecomClient;
  secure: () => boolean;
  /** Where WeCom sends the person back to (CONSOLE_URL, or this process). */
  baseUrl: () => string;
}

/** Sign-in with WeCom (the self-built app's OAuth): to WeCom with a state cookie, and back with a code. */
export function registerWecomSignIn(
  pages: Router,
  d: WecomSignInDeps,
  w: {
    signIn(ctx: Context, userid: string, via: 'wecom', failure: string): Promise<void>;
    noStore(ctx: Context): void;
  },
): void {
  const { config, log, limiter } = d;
  pages.get('/console/auth/wecom', (ctx) => {
    w.noStore(ctx);
    if (!wecomSignInConfigured(config)) return ctx.redirect(LOGIN_FAILED('wecom_unavailable'));
    if (!limiter.allow(ctx.ip)) return ctx.redirect(LOGIN_FAILED('rate_limited'));
    const state = newToken();
    setCookie(ctx, STATE_COOKIE, state, {
      maxAgeSeconds: config.tunables.console.oauthStateMinutes * 60,
      secure: d.secure(),
      path: STATE_PATH,
    });
    const redirect = encodeURIComponent(`${d.baseUrl()}/console/auth/wecom/callback`);
    const corp = encodeURIComponent(config.wecom.corpId ?? '');
    const agent = encodeURIComponent(String(config.wecom.agentId ?? ''));
    // Inside WeCom's own browser the silent OAuth works; elsewhere the desktop QR / SSO page.
    const insideWecom = /wxwork/i.test(ctx.get('user-agent'));
    ctx.redirect(
      insideWecom
        ? `https://open.weixin.qq.com/connect/oauth2/authorize?appid=${corp}&redirect_uri=${redirect}&response_type=code&scope=snsapi_base&state=${state}&agentid=${agent}#wechat_redirect`
        : `https://login.work.weixin.qq.com/wwlogin/sso/login?login_type=CorpApp&appid=${corp}&agentid=${agent}&redirect_uri=${redirect}&state=${state}`,
    );
  });

  pages.get('/console/auth/wecom/callback', async (ctx) => {
    w.noStore(ctx);
    const expected = ctx.cookies.get(STATE_COOKIE) ?? '';
    clearCookie(ctx, STATE_COOKIE, { secure: d.secure(), path: STATE_PATH });
    if (!wecomSignInConfigured(config)) return ctx.redirect(LOGIN_FAILED('wecom_unavailable'));
    if (limiter.blocked(ctx.ip)) return ctx.redirect(LOGIN_FAILED('rate_limited'));
    const state = String(ctx.query.state ?? '');
    const code = String(ctx.query.code ?? '');
    // The state ties the answer to this browser's own request: no one can log a victim in as themselves.
    if (!expected || !state || !sameSecret(state, expected) || !code || code.length > 512) {
      log.warn({ reason: !expected ? 'no_state_cookie' : 'state_mismatch' }, 'console wecom sign-in refused');
      limiter.miss(ctx.ip);
      return ctx.redirect(LOGIN_FAILED('wecom_failed'));
    }
    let userid: string | undefined;
    try {
      userid = await d.client.userIdFromCode(code);
    } catch (err) {
      log.warn({ err }, 'console wecom sign-in: code exchange failed');
    }
    if (!userid) {
      limiter.miss(ctx.ip);
      return ctx.redirect(LOGIN_FAILED('wecom_failed'));
    }
    await w.signIn(ctx, userid, 'wecom', 'wecom_failed');
  });
}
