import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import getRawBody from 'raw-body';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { t } from '../messages';
import type { ConsoleAuth, ConsoleSessionView } from '../services/access';
import type { Audit } from '../services/audit';
import { ApiError, answerError, forbidden, invalid, notSignedIn } from './errors';

export const SESSION_COOKIE = 'console_sid';
export const STATE_COOKIE = 'console_oauth_state';
const MAX_BODY_BYTES = 256 * 1024;

/** Set-Cookie written by hand: Koa refuses `Secure` on a plain-HTTP hop behind a TLS proxy that sends no X-Forwarded-Proto. */
export function setCookie(
  ctx: Context,
  name: string,
  value: string,
  o: { maxAgeSeconds: number; secure: boolean; path?: string },
): void {
  const parts = [`${name}=${value}`, `Path=${o.path ?? '/'}`, `Max-Age=${o.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax'];
  if (o.secure) parts.push('Secure');
  ctx.append('Set-Cookie', parts.join('; '));
}

export function clearCookie(ctx: Context, name: string, o: { secure: boolean; path?: string }): void {
  setCookie(ctx, name, '', { ...o, maxAgeSeconds: 0 });
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface GuardDeps {
  auth: ConsoleAuth;
  clock: Clock;
  /** Dates in refusals are written in the app's time zone. */
  timezone: string;
  log: Logger;
  secure: () => boolean;
  /** Console writes are logged as the signed-in person's (操作日志). */
  audit?: Audit;
}

export type Access = 'public' | 'signedIn' | 'office' | 'unit';
export type ConsoleHandler = (ctx: Context, who: ConsoleSessionView) => Promise<void>;
export type PublicHandler = (ctx: Context) => Promise<void>;

/**
 * Wraps every console API route: no caching, the session from the cookie (checked against the roster),
 * the CSRF token on writes, the role, then the handler; errors become JSON here and nowhere else.
 */
export function createGuard(d: GuardDeps) {
  async function sessionOf(ctx: Context): Promise<ConsoleSessionView | undefined> {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (!token) return undefined;
    const who = await d.auth.sessionFor(token, d.clock.now());
    // Ended or revoked: the browser forgets the cookie too.
    if (!who) clearCookie(ctx, SESSION_COOKIE, { secure: d.secure() });
    return who;
  }

  function wrap(access: Access, handler: ConsoleHandler | PublicHandler) {
    return async (ctx: Context) => {
      ctx.set('cache-control', 'no-store');
      ctx.set('x-content-type-options', 'nosniff');
      try {
        if (access === 'public') return await (handler as PublicHandler)(ctx);
        const who = await sessionOf(ctx);
        if (!who) throw notSignedIn();
        if (WRITES.has(ctx.method) && !sameSecret(String(ctx.get('x-csrf-token') ?? ''), who.csrfToken))
          throw new ApiError(403, 'csrf', t('apiCsrf'));
        if (access === 'office' && who.role !== 'office') throw forbidden();
        if (access === 'unit' && who.role !== 'unit') throw forbidden();
        ctx.state.userid = who.actor.userid;
        const run = () => (handler as ConsoleHandler)(ctx, who);
        if (d.audit && WRITES.has(ctx.method)) {
          const what = `${ctx.method} ${String(ctx._matchedRoute ?? ctx.path)}`;
          await d.audit.within(
            { actor: { userid: who.actor.userid, name: who.actor.name }, via: 'console', what },
            run,
          );
        } else await run();
      } catch (err) {
        answerError(ctx, err, d.log, { timezone: d.timezone, now: d.clock.now() });
      }
    };
  }

  return {
    sessionOf,
    public: (h: PublicHandler) => wrap('public', h),
    signedIn: (h: ConsoleHandler) => wrap('signedIn', h),
    office: (h: ConsoleHandler) => wrap('office', h),
    /** A unit contact's session: the handler still checks each case is their unit's. */
    unit: (h: ConsoleHandler) => wrap('unit', h),
  };
}

export type Guard = ReturnType<typeof createGuard>;

/** The JSON body of a write (empty → {}); anything else is a 400 the form can show. */
export async function jsonBody(ctx: Context): Promise<unknown> {
  // A chunked body has no Content-Length: it must be JSON all the same (a cross-site form cannot send JSON).
  const hasBody = Boolean(ctx.get('transfer-encoding')) || Boolean(ctx.request.length);
  if (hasBody && !ctx.is('application/json')) return invalid({ body: t('formBad', { label: '请求内容' }) });
  let raw: string;
  try {
    raw = await getRawBody(ctx.req, { limit: MAX_BODY_BYTES, encoding: 'utf8' });
  } catch {
    return invalid({ body: t('formBad', { label: '请求内容' }) });
  }
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return invalid({ body: t('formBad', { label: '请求内容' }) });
  }
}
