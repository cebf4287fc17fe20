import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { t } from '../messages';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * The page's own rules on top of escaping: scripts and data only from this origin, no plugins,
 * no framing. Inline style attributes stay allowed (Element Plus positions popups with them).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths under /console that belong to the API side (one-time links, WeCom login): never the SPA's. */
const SERVER_OWNED = /^\/console\/(login|auth)(\/|$)/;

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gz: Buffer;
  etag: string;
}

/** Finds the repository root (where package.json is) from this file, compiled or not. */
export function findWebDist(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'web', 'dist');
    const up = dirname(dir);
    if (up === dir) return resolve('web', 'dist');
    dir = up;
  }
}

/**
 * Serves the built console (web/dist) at /console: hashed assets cached for a year, index.html
 * never cached (it names the current assets), and index.html for every other page path so that
 * the Vue router's history mode works on reload and on links from the chat.
 */
export function createConsoleStaticRouter(deps: { dir: string; log: Logger }): Router {
  const root = resolve(deps.dir);
  const load = createFileCache();
  const router = new Router();

  async function serveIndex(ctx: Context): Promise<void> {
    const file = join(root, 'index.html');
    const entry = await load(file);
    if (!entry) {
      deps.log.error({ dir: root }, 'console requested but web/dist has no index.html (npm run build:web)');
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = t('consoleNotBuilt');
      return;
    }
    ctx.set('Content-Security-Policy', CSP);
    ctx.set('Referrer-Policy', 'same-origin');
    sendCached(ctx, file, entry, 'no-cache');
  }

  async function serve(ctx: Context, next: Next): Promise<void> {
    // The router matches /console and /console/ alike: relative asset URLs need the slash.
    if (ctx.path === '/console') {
      ctx.redirect('/console/');
      return;
    }
    if (SERVER_OWNED.test(ctx.path)) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path.slice('/console/'.length));
    } catch {
      ctx.status = 400;
      return;
    }
    if (rel.startsWith('assets/')) {
      const file = resolve(root, rel);
      const entry = file.startsWith(root + sep) ? await load(file) : undefined;
      if (!entry) {
        ctx.status = 404;
        return;
      }
      sendCached(ctx, file, entry, 'public, max-age=31536000, immutable');
      return;
    }
    // A missing file (anything with an extension) is a 404, not the app: a broken asset link must show.
    if (extname(rel) && rel !== 'index.html') {
      ctx.status = 404;
      return;
    }
    await serveIndex(ctx);
  }

  router.get('/console', serve);
  router.get('/console/{*rest}', serve);
  return router;
}

/** Reads a built file once per change (by mtime), with its gzip form and ETag. */
function createFileCache(): (file: string) => Promise<Cached | undefined> {
  const cache = new Map<string, Cached>();
  async function load(file: string): Promise<Cached | undefined> {
    let st;
    try {
      st = await stat(file);
    } catch {
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit;
    const body = await readFile(file);
    // Compressed once per build: assets are immutable, and WeCom's browser is often on mobile data.
    const entry = {
      mtimeMs: st.mtimeMs,
      body,
      gz: gzipSync(body, { level: 9 }),
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    cache.set(file, entry);
    return entry;
  }
  return load;
}

/** Answers with a cached file: its ETag (304 when it matches) and gzip when the browser takes it. */
function sendCached(ctx: Context, file: string, entry: Cached, cacheControl: string): void {
  ctx.set('Cache-Control', cacheControl);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('ETag', entry.etag);
  ctx.vary('Accept-Encoding');
  ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (ctx.get('If-None-Match') === entry.etag) {
    ctx.status = 304;
    return;
  }
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = entry.gz;
  } else {
    ctx.body = entry.body;
  }
}
