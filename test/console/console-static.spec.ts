import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Harness, createHarness } from '../helpers/harness';
import { decodePng } from '../helpers/png';
import { ensureWebBuilt } from '../helpers/web-build';

// The first test file to need web/dist may build it (a few seconds, longer on a busy machine).
jest.setTimeout(120_000);

let h: Harness;
let asset: string;

beforeAll(async () => {
  const dist = ensureWebBuilt();
  asset = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('index-') && f.endsWith('.js'))!;
  h = await createHarness('console_static');
});
afterAll(async () => h.close());

describe('/favicon.ico', () => {
  it('is a small PNG every page gets (no 404 per visit), cached, without a sign-in', async () => {
    const res = await h.request.get('/favicon.ico').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toContain('max-age=');
    const png = decodePng(res.body as Buffer);
    expect([png.width, png.height]).toEqual([64, 64]);
    // The corner is transparent (a rounded square), the middle is drawn.
    expect(png.pixels[3]).toBe(0);
    expect(png.pixels[(32 * 64 + 32) * 4 + 3]).toBe(255);
  });
});

describe('the console pages served by the bot at /console', () => {
  it('serves index.html uncached, with a content security policy, for the app and its page paths', async () => {
    for (const path of [
      '/console/',
      '/console/opinions',
      '/console/opinions/YJ2026-001',
      '/console/me',
      '/console/signin?login=expired',
    ]) {
      const res = await h.request.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).toContain('<div id="app"></div>');
      expect(res.text).toContain(`/console/assets/${asset}`);
    }
    expect((await h.request.head('/console/opinions')).status).toBe(200);
    const bare = await h.request.get('/console');
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toBe('/console/');
  });

  it('serves hashed assets for a year, gzipped when asked, with a validator', async () => {
    const res = await h.request.get(`/console/assets/${asset}`).set('accept-encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text.length).toBeGreaterThan(1000);
    const again = await h.request.get(`/console/assets/${asset}`).set('if-none-match', String(res.headers.etag));
    expect(again.status).toBe(304);
    const plain = await h.request.get(`/console/assets/${asset}`).set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(res.text);
  });

  it('answers 404 for missing files and paths outside the build, never the app', async () => {
    for (const path of [
      '/console/assets/nope-123.js',
      '/console/favicon.ico',
      '/console/assets/..%2F..%2F..%2Fpackage.json',
      '/console/assets/%2e%2e/%2e%2e/package.json',
    ]) {
      const res = await h.request.get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('"name"');
    }
    expect((await h.request.get('/console/%E0%A4%A')).status).toBe(400);
  });

  it('leaves the sign-in routes to the API side', async () => {
    for (const path of ['/console/login/abc', '/console/auth/wecom']) {
      const res = await h.request.get(path);
      expect(res.text).not.toContain('<div id="app"></div>');
    }
  });
});
