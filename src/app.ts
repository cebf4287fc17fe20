import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import { serveFavicon } from './favicon';
import { StillProcessing } from './inbox/inbox';
import { CallbackRejected } from './wecom/crypto';

export interface AppDeps {
  log: Logger;
  routers: Router[];
  /** Readiness: resolves when the database answers; settles within a bounded time either way. */
  ready(): Promise<void>;
  /** Extra readiness details (the long connection's state); never secrets. */
  details?: () => Record<string, unknown>;
  /** Reverse-proxy hops to believe in X-Forwarded-For (0: the socket's address is the client). */
  trustProxy?: number;
  /** Reported by /healthz (package.json's version). */
  version?: string;
  /** Sees every answered request's status (metrics). */
  onResponse?: (status: number) => void;
  /** The site is served over HTTPS (CONSOLE_URL): browsers are told to use nothing else (HSTS). */
  httpsOnly?: boolean;
}

/** The HTTP layer: one error boundary, one request log line, health endpoints, then the routers. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  // Only the entries our own proxies appended count: a client can prepend anything to X-Forwarded-For,
  // and the sign-in limit is per client address.
  const hops = deps.trustProxy ?? 1;
  app.proxy = hops > 0;
  app.maxIpsCount = hops;

  app.use(async (ctx, next) => {
    const started = Date.now();
    // A year, this host only: other sites under the same domain may still be plain HTTP.
    if (deps.httpsOnly) ctx.set('strict-transport-security', 'max-age=31536000');
    try {
      await next();
    } catch (err) {
      if (err instanceof CallbackRejected) {
        ctx.status = err.status;
        ctx.body = err.status === 413 ? 'payload too large' : err.status === 408 ? 'request timeout' : 'bad request';
        // The rest of a short body may still arrive: close rather than read it into the next request.
        if (err.status === 408 || err.status === 413) ctx.set('Connection', 'close');
        ctx.state.reason = err.reason;
      } else if (err instanceof StillProcessing) {
        // WeCom treats non-200 as failure and retries: by then the first delivery has its reply.
        ctx.status = 503;
        ctx.body = 'busy';
      } else {
        ctx.status = 500;
        ctx.body = 'internal error';
        deps.log.error({ err, path: ctx.state.logPath ?? ctx.path }, 'request failed');
      }
    } finally {
      // The query string carries signatures and echostr: log the path only.
      // A route may replace its path for the log (the console's one-time link carries a token).
      const line = {
        method: ctx.method,
        path: ctx.state.logPath ?? ctx.path,
        status: ctx.status,
        msgId: ctx.state.msgId,
        outcome: ctx.state.outcome,
        latencyMs: Date.now() - started,
        reason: ctx.state.reason,
      };
      deps.onResponse?.(ctx.status);
      if (ctx.path !== '/healthz' && ctx.path !== '/readyz') {
        // A route marks routine polling quiet (ctx.state.quietLog): debug unless it failed.
        const quiet = ctx.state.quietLog === true && ctx.status < 400;
        (ctx.status >= 500
          ? deps.log.error.bind(deps.log)
          : ctx.status >= 400
            ? deps.log.warn.bind(deps.log)
            : quiet
              ? deps.log.debug.bind(deps.log)
              : deps.log.info.bind(deps.log))(line, 'request');
      }
    }
  });

  const health = new Router();
  health.get('/healthz', (ctx) => {
    ctx.body = { ok: true, version: deps.version };
  });
  health.get('/favicon.ico', serveFavicon);
  health.get('/readyz', async (ctx) => {
    try {
      await deps.ready();
      ctx.body = { ok: true, ...deps.details?.() };
    } catch {
      ctx.status = 503;
      ctx.body = { ok: false, ...deps.details?.() };
    }
  });
  for (const r of [health, ...deps.routers]) app.use(r.routes()).use(r.allowedMethods());
  return app;
}
