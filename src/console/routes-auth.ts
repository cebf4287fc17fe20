import Router from '@koa/router';
import type { Context } from 'koa';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import { newToken } from '../services/access';
import type { WecomClient } from '../wecom/client';
import type { SignInLimiter } from './rate-limit';
import { takeReturnPath } from './routes-reports';
import getRawBody from 'raw-body';
import { z } from 'zod';
import { t } from '../messages';
import { ApiError, parseInput } from './errors';
import { LOGIN_FAILED, registerWecomSignIn, wecomSignInConfigured } from './routes-auth-wecom';
import { clearCookie, type Guard, jsonBody, SESSION_COOKIE, setCookie } from './session';
import type { SessionInfo, SignInOptions } from '../contracts';

export interface AuthRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  log: Logger;
  guard: Guard;
  limiter: SignInLimiter;
  client: WecomClient;
  secure: () => boolean;
}

/** Text for an HTML page: roster names are typed by people. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The one-time link's confirm page: a form that posts the token. Sent at once by a nonce'd script,
 * unless this browser is signed in as someone else: another site may have sent it to its own link
 * (login CSRF), so the person is asked and the page waits for the click.
 */
function loginConfirmPage(token: string, nonce: string, swap?: { current: string; next: string }): string {
  // The token is base64url (checked before we get here); names are escaped.
  const hint = swap
    ? t('consoleLoginSwitchHint', { current: escapeHtml(swap.current), next: escapeHtml(swap.next) })
    : t('consoleLoginPageHint');
  const button = swap ? t('consoleLoginSwitchButton') : t('consoleLoginPageButton');
  const autoSubmit = swap ? '' : `<script nonce="${nonce}">document.getElementById('f').submit();</script>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${t('consoleLoginPageTitle')}</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#303133}button{font-size:1rem;padding:.6rem 1.6rem;border:0;border-radius:4px;background:#409eff;color:#fff;cursor:pointer}</style></head>
<body><h1>${t('consoleLoginPageTitle')}</h1><p>${hint}</p>
<form id="f" method="post" action="/console/login"><input type="hidden" name="token" value="${token}"><button type="submit">${button}</button></form>
${autoSubmit}</body></html>`;
}

/**
 * A browser's POST from this very site. Sec-Fetch-Site is set by the browser and cannot be forged by a
 * page; Origin is "null" here (the confirm page sends no referrer), so it only decides for older browsers.
 */
function sameOrigin(ctx: Context): boolean {
  const site = ctx.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = ctx.get('origin');
  // Host only: behind a TLS proxy without X-Forwarded-Proto the scheme we see is http.
  if (origin && origin !== 'null') return URL.canParse(origin) && new URL(origin).host === ctx.host;
  return true;
}

/** The token field of a small urlencoded form; undefined for anything else. */
async function formToken(ctx: Context): Promise<string | undefined> {
  if (!ctx.is('application/x-www-form-urlencoded')) return undefined;
  try {
    const raw = await getRawBody(ctx.req, { limit: 1024, encoding: 'utf8' });
    return new URLSearchParams(raw).get('token') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Pages the bot's link and WeCom lead to (server-side redirects), and the session endpoints of the API. */
export function createAuthRoutes(d: AuthRoutesDeps): { pages: Router; register(api: Router): void } {
  const { services, config, clock, log, guard, limiter } = d;
  const auth = services.consoleAuth;
  const pages = new Router();

  /** A sign-in that got a userid: the session cookie, then the person's start page. */
  async function signIn(ctx: Context, userid: string, via: 'link' | 'wecom' | 'demo', failure: string): Promise<void> {
    const s = await auth.startSession(userid, via, clock.now());
    if (!s) return ctx.redirect(LOGIN_FAILED(failure));
    setCookie(ctx, SESSION_COOKIE, s.token, { maxAgeSeconds: s.maxAgeSeconds, secure: d.secure() });
    log.info({ userid, via, role: s.role }, 'console sign-in');
    // A sign-in that a 述职 link sent here goes back to that download.
    const next = takeReturnPath(ctx, d.secure());
    ctx.redirect(next ?? (s.role === 'office' ? '/console/' : s.role === 'unit' ? '/console/unit' : '/console/me'));
  }

  const noStore = (ctx: Context) => {
    ctx.set('cache-control', 'no-store');
    // The link's token must not leak to another site through the Referer of the next page.
    ctx.set('referrer-policy', 'no-referrer');
  };

  // A GET only shows a confirm page: link previews, mail scanners and chat unfurlers fetch links
  // without a person behind them, and must not spend the one-time link. The page's POST spends it.
  pages.get('/console/login/:token', async (ctx) => {
    // The request log must never hold the token (spent or not).
    ctx.state.logPath = '/console/login/[redacted]';
    noStore(ctx);
    const token = String(ctx.params.token ?? '');
    if (limiter.blocked(ctx.ip)) return ctx.redirect(LOGIN_FAILED('rate_limited'));
    // Only misses count against the limit: a live 256-bit token cannot be guessed.
    const owner = await auth.loginTokenOwner(token, clock.now());
    if (!owner) {
      limiter.miss(ctx.ip);
      return ctx.redirect(LOGIN_FAILED('expired'));
    }
    // Demo mode switches people on purpose (the simulator's 打开工作台), on loopback: no question there.
    const current = config.demo ? undefined : await guard.sessionOf(ctx);
    const swap =
      current && current.actor.userid !== owner.userid ? { current: current.actor.name, next: owner.name } : undefined;
    const nonce = newToken();
    ctx.set(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = loginConfirmPage(token, nonce, swap);
  });

  pages.post('/console/login', async (ctx) => {
    noStore(ctx);
    // Only this site's own confirm page may post here (no signing a victim in as someone else).
    if (!sameOrigin(ctx)) return ctx.redirect(LOGIN_FAILED('expired'));
    if (limiter.blocked(ctx.ip)) return ctx.redirect(LOGIN_FAILED('rate_limited'));
    const token = await formToken(ctx);
    const userid = token ? await auth.redeemLoginToken(token, clock.now()) : undefined;
    ctx.status = 303;
    if (!userid) {
      limiter.miss(ctx.ip);
      return ctx.redirect(LOGIN_FAILED('expired'));
    }
    await signIn(ctx, userid, 'link', 'expired');
  });

  registerWecomSignIn(
    pages,
    { config, log, limiter, client: d.client, secure: d.secure, baseUrl: () => auth.baseUrl() },
    {
      signIn,
      noStore,
    },
  );

  return { pages, register: (api) => registerSessionRoutes(api, d) };
}

/** The API's session endpoints: the sign-in options, who is signed in (with the CSRF token), sign out. */
function registerSessionRoutes(api: Router, d: AuthRoutesDeps): void {
  const { config, clock, guard } = d;
  const auth = d.services.consoleAuth;
  api.get(
    '/login-options',
    guard.public(async (ctx) => {
      ctx.body = { wecom: wecomSignInConfigured(config), demo: config.demo } satisfies SignInOptions;
    }),
  );
  api.get(
    '/session',
    guard.signedIn(async (ctx, who) => {
      ctx.body = {
        user: { userid: who.actor.userid, name: who.actor.name, role: who.role },
        csrfToken: who.csrfToken,
        demo: config.demo,
      } satisfies SessionInfo;
    }),
  );
  api.post(
    '/logout',
    guard.signedIn(async (ctx) => {
      await auth.endSession(ctx.cookies.get(SESSION_COOKIE) ?? '', clock.now());
      clearCookie(ctx, SESSION_COOKIE, { secure: d.secure() });
      ctx.status = 204;
    }),
  );
}

/** Demo mode only: the simulator's "打开工作台" button signs in as the chosen person. */
export function createDemoConsoleLogin(d: {
  services: Services;
  clock: Clock;
  guard: Guard;
  limiter: SignInLimiter;
}): Router {
  const router = new Router();
  router.post(
    '/demo/api/console-login',
    d.guard.public(async (ctx) => {
      if (!d.limiter.allow(ctx.ip)) throw new ApiError(429, 'rate_limited', t('apiRateLimited'));
      const b = parseInput(z.object({ userid: z.string().trim().min(1).max(64) }), await jsonBody(ctx));
      const token = await d.services.consoleAuth.issueLoginToken(b.userid, 'demo', d.clock.now());
      if (!token) throw new ApiError(404, 'not_found', t('apiNotFound'));
      ctx.body = { url: `/console/login/${token}` };
    }),
  );
  return router;
}
