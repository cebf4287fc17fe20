import { timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import type { Metrics } from './metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics (Prometheus text). With a token: `Authorization: Bearer <token>` from anywhere.
 * Without one: only a client on this machine that did not come through a proxy (a proxy adds
 * X-Forwarded-For, so a reverse proxy on loopback does not open it to the internet).
 */
export function createMetricsRouter(d: { metrics: Metrics; token?: string }): Router {
  const router = new Router();
  router.get('/metrics', async (ctx) => {
    ctx.state.quietLog = true;
    if (d.token) {
      const auth = ctx.get('authorization');
      const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim() ?? '';
      if (!given || !sameSecret(given, d.token)) {
        ctx.status = 401;
        ctx.set('WWW-Authenticate', 'Bearer');
        ctx.body = 'unauthorized';
        return;
      }
    } else if (
      !LOOPBACK.has(ctx.req.socket.remoteAddress ?? '') ||
      ctx.get('x-forwarded-for') ||
      ctx.get('forwarded')
    ) {
      ctx.status = 403;
      ctx.body = 'metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere';
      return;
    }
    const { contentType, body } = await d.metrics.render();
    ctx.set('Cache-Control', 'no-store');
    ctx.type = contentType;
    ctx.body = body;
  });
  return router;
}
