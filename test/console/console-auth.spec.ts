import { clientFor, LINK, openLink, sessionCookie, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// Signing in to the office console: the bot's one-time link, sessions checked against the roster on
// every request, CSRF on writes, roles, and the sign-in rate limit. All through HTTP on the composed app.

let h: Harness;

beforeAll(async () => {
  h = await createHarness('console-auth', { officeUserIds: ['office1'] });
  await h.addDeputy('office2', '李办事', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
});

afterAll(async () => {
  await h.close();
});

describe('the bot sign-in link', () => {
  it('is sent one-to-one and signs in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const reply = await h.say('office1', '登录', { chattype: 'single' });
    expect(reply).toContain('http://127.0.0.1:3000/console/login/');
    expect(reply).toContain('10分钟内有效');
    const path = LINK.exec(reply)![0];
    const page = await h.request.get(path);
    expect(page.status).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['set-cookie']).toBeUndefined();
    const res = await openLink(h, path);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const line = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('console_sid='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/);
    // Plain http (loopback here): no HSTS, which would lock a browser out of the http site.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const session = await h.request.get('/api/console/session').set('Cookie', sessionCookie(res)!);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { userid: 'office1', role: 'office' }, demo: false });
    expect(session.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('the alias 工作台 works too, and so does the self-built app (always one-to-one)', async () => {
    expect(await h.say('office2', '工作台', { chattype: 'single' })).toMatch(LINK);
    expect(await h.say('office2', '登录', { mode: 'app' })).toMatch(LINK);
  });

  it('is never shown in a group chat', async () => {
    const reply = await h.say('office1', '登录', { chattype: 'group' });
    expect(reply).not.toMatch(/console\/login/);
    expect(reply).toContain('单独给我发送「登录」');
  });

  it('is refused when reused', async () => {
    const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
    expect((await openLink(h, path)).headers.location).toBe('/console/');
    const again = await h.request.get(path);
    expect(again.status).toBe(302);
    expect(again.headers.location).toBe('/console/?login=expired');
    expect(sessionCookie(again)).toBeUndefined();
  });

  it("is not spent by a link preview: only the confirm page's POST spends it", async () => {
    const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
    // A chat client's unfurler or a mail scanner fetches the link, perhaps twice, without running scripts.
    for (let i = 0; i < 2; i++) {
      const page = await h.request.get(path).set('User-Agent', 'LinkPreviewBot/1.0');
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html');
      expect(page.headers['content-security-policy']).toMatch(/script-src 'nonce-[A-Za-z0-9_-]+'/);
      expect(page.text).toContain('进入工作台');
    }
    const res = await openLink(h, path);
    expect(res.status).toBe(303);
    expect(sessionCookie(res)).toBeDefined();
  });

  it('refuses a sign-in POST from another site, and leaves the link unspent', async () => {
    const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
    const token = path.split('/').pop()!;
    const forged = await h.request
      .post('/console/login')
      .set('Host', 'console.example')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ token });
    expect(forged.headers.location).toBe('/console/?login=expired');
    expect(sessionCookie(forged)).toBeUndefined();
    // A modern browser says where the form came from, whatever Origin says.
    const crossSite = await h.request
      .post('/console/login')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', 'null')
      .type('form')
      .send({ token });
    expect(sessionCookie(crossSite)).toBeUndefined();
    expect(sessionCookie(await openLink(h, path))).toBeDefined();
  });

  it('asks before replacing a session of someone else, and waits for the click (login CSRF)', async () => {
    const clerk = await signIn(h, 'office2');
    // Another site sends the clerk's browser to a link of its own (here: 张三's).
    const path = LINK.exec(await h.say('zhang', '登录', { chattype: 'single' }))![0];
    const page = await h.request.get(path).set('Cookie', clerk.cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('您当前以 李办事 登录，切换为 张三？');
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain('切换登录');
    // Nothing was spent or replaced by looking: the clerk is still signed in, the link still works.
    expect((await clerk.get('/api/console/session')).body.user.userid).toBe('office2');
    // The same person's own link, or no session at all: the page goes on by itself.
    const own = LINK.exec(await h.say('office2', '登录', { chattype: 'single' }))![0];
    expect((await h.request.get(own).set('Cookie', clerk.cookie)).text).toContain('.submit()');
    expect((await h.request.get(path)).text).toContain('.submit()');
  });

  it('escapes names on the switch question', async () => {
    await h.addDeputy('odd', '<b>王五</b>');
    const c = await signIn(h, 'odd');
    const path = LINK.exec(await h.say('zhang', '登录', { chattype: 'single' }))![0];
    const page = await h.request.get(path).set('Cookie', c.cookie);
    expect(page.text).toContain('您当前以 &#60;b&#62;王五&#60;/b&#62; 登录');
    expect(page.text).not.toContain('<b>');
  });

  it('refuses a sign-in POST without a token or with a JSON body', async () => {
    const bare = await h.request.post('/console/login').type('form').send({});
    expect(bare.status).toBe(303);
    expect(bare.headers.location).toBe('/console/?login=expired');
    const json = await h.request.post('/console/login').send({ token: 'A'.repeat(43) });
    expect(json.headers.location).toBe('/console/?login=expired');
  });

  it('is refused after 10 minutes', async () => {
    const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
    const page = await h.request.get(path);
    h.clock.advance(10 * 60_000 + 1);
    // Too late on the link itself, and too late for a confirm page left open.
    expect((await h.request.get(path)).headers.location).toBe('/console/?login=expired');
    const token = /name="token" value="([A-Za-z0-9_-]{43})"/.exec(page.text)![1]!;
    const res = await h.request.post('/console/login').type('form').send({ token });
    expect(res.headers.location).toBe('/console/?login=expired');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('an unknown or malformed token is refused the same way', async () => {
    expect((await h.request.get(`/console/login/${'A'.repeat(43)}`)).headers.location).toBe('/console/?login=expired');
    expect((await h.request.get('/console/login/short')).headers.location).toBe('/console/?login=expired');
  });

  it('is only for people on the roster', async () => {
    const reply = await h.say('stranger', '登录', { chattype: 'single' });
    expect(reply).not.toMatch(LINK);
  });

  it('never puts tokens or cookies in the logs', async () => {
    const reply = await h.say('office1', '登录', { chattype: 'single' });
    const path = LINK.exec(reply)![0];
    const res = await openLink(h, path);
    const cookie = sessionCookie(res)!;
    await h.request.get('/api/console/session').set('Cookie', cookie);
    const logs = h.logLines.join('\n');
    expect(logs).not.toContain(path.split('/').pop()!);
    expect(logs).not.toContain(cookie.split('=')[1]!);
    expect(logs).toContain('/console/login/[redacted]');
  });
});

describe('sessions', () => {
  it('a deputy signs in to their own pages only', async () => {
    const path = LINK.exec(await h.say('zhang', '登录', { chattype: 'single' }))![0];
    const res = await openLink(h, path);
    expect(res.headers.location).toBe('/console/me');
    const c = await clientFor(h, sessionCookie(res)!);
    expect((await c.get('/api/console/session')).body.user).toMatchObject({ userid: 'zhang', role: 'deputy' });
    for (const p of [
      '/api/console/opinions',
      '/api/console/overview',
      '/api/console/units',
      '/api/console/exports/opinions.xlsx',
    ]) {
      const r = await c.get(p);
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'forbidden' });
      expect(r.body.error.message).toMatch(/权限/);
    }
    const write = await c.post('/api/console/opinions/YJ2026-001/close', { version: 1 });
    expect(write.status).toBe(403);
    expect((await c.get('/api/console/me/opinions')).status).toBe(200);
  });

  it('without a cookie: 401 with a Chinese message', async () => {
    const r = await h.request.get('/api/console/opinions');
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: 'not_signed_in' });
    expect(r.body.error.message).toContain('登录');
  });

  it('a write without the CSRF token → 403, with a wrong one → 403, with it → done', async () => {
    const c = await signIn(h, 'office1');
    const none = await c.post('/api/console/logout', undefined, { csrf: null });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('csrf');
    const wrong = await c.post('/api/console/logout', undefined, { csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect((await c.get('/api/console/session')).status).toBe(200);
    const ok = await c.post('/api/console/logout');
    expect(ok.status).toBe(204);
    expect(String(ok.headers['set-cookie'])).toMatch(/console_sid=;/);
    expect((await c.get('/api/console/session')).status).toBe(401);
  });

  it("a deactivated person's session is signed out at the next request", async () => {
    const c = await signIn(h, 'li');
    expect((await c.get('/api/console/me/opinions')).status).toBe(200);
    expect(await h.say('office1', '代表 停用 李四')).toContain('已停用');
    const r = await c.get('/api/console/me/opinions');
    expect(r.status).toBe(401);
    expect(String(r.headers['set-cookie'])).toMatch(/console_sid=;/);
    // Reactivation does not bring the old session back.
    await h.addDeputy('li', '李四');
    expect((await c.get('/api/console/me/opinions')).status).toBe(401);
  });

  it('losing the office role signs an office session out', async () => {
    const c = await signIn(h, 'office2');
    expect((await c.get('/api/console/units')).status).toBe(200);
    expect(await h.say('office1', '代表 取消办公室 李办事')).toContain('已取消');
    expect((await c.get('/api/console/units')).status).toBe(401);
    expect((await c.get('/api/console/me/opinions')).status).toBe(401);
    await h.say('office1', '代表 设为办公室 李办事');
  });

  it('ends after 8 hours idle', async () => {
    const c = await signIn(h, 'office1');
    h.clock.advance(7 * 3600_000);
    expect((await c.get('/api/console/session')).status).toBe(200);
    h.clock.advance(7 * 3600_000);
    expect((await c.get('/api/console/session')).status).toBe(200);
    h.clock.advance(8 * 3600_000 + 1000);
    expect((await c.get('/api/console/session')).status).toBe(401);
  });

  it('ends 7 days after sign-in however busy', async () => {
    const c = await signIn(h, 'office1');
    for (let i = 0; i < 27; i++) {
      h.clock.advance(6 * 3600_000);
      expect((await c.get('/api/console/session')).status).toBe(200);
    }
    h.clock.advance(7 * 3600_000);
    expect((await c.get('/api/console/session')).status).toBe(401);
  });
});

describe('sign-in rate limit (failed attempts per address, sliding window, in memory)', () => {
  it('counts the address our proxy saw, whatever a client prepends to X-Forwarded-For', async () => {
    h.clock.advance(20 * 60_000);
    const attempt = (i: number) =>
      h.request.get(`/console/login/${'C'.repeat(43)}`).set('X-Forwarded-For', `10.9.${i}.1, 198.51.100.4`);
    for (let i = 0; i < 20; i++) expect((await attempt(i)).headers.location).toBe('/console/?login=expired');
    expect((await attempt(99)).headers.location).toBe('/console/?login=rate_limited');
  });

  it('refuses the 21st attempt from one address within 10 minutes, then allows again', async () => {
    // A fresh window, so earlier tests' attempts do not count.
    h.clock.advance(20 * 60_000);
    const ip = '203.0.113.7';
    for (let i = 0; i < 20; i++)
      expect(
        (await h.request.get(`/console/login/${'B'.repeat(43)}`).set('X-Forwarded-For', ip)).headers.location,
      ).toBe('/console/?login=expired');
    const limited = await h.request.get(`/console/login/${'B'.repeat(43)}`).set('X-Forwarded-For', ip);
    expect(limited.headers.location).toBe('/console/?login=rate_limited');
    // Another address is not affected.
    expect(
      (await h.request.get(`/console/login/${'B'.repeat(43)}`).set('X-Forwarded-For', '203.0.113.8')).headers.location,
    ).toBe('/console/?login=expired');
    h.clock.advance(10 * 60_000);
    expect((await h.request.get(`/console/login/${'B'.repeat(43)}`).set('X-Forwarded-For', ip)).headers.location).toBe(
      '/console/?login=expired',
    );
  });

  /** A bad link's POST from an address, as a browser (or a script) would send it. */
  const badPost = (ip: string) =>
    h.request
      .post('/console/login')
      .set('Host', 'console.example')
      .set('Origin', 'http://console.example')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ token: 'D'.repeat(43) });

  it('one address hammering the sign-in cannot keep anyone else out', async () => {
    h.clock.advance(20 * 60_000);
    // Far past any instance-wide budget, from one address: refused attempts are free for everyone else.
    for (let i = 0; i < 400; i++) await badPost('198.51.100.66');
    expect((await badPost('198.51.100.66')).headers.location).toBe('/console/?login=rate_limited');
    const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
    const res = await openLink(h, path, { ip: '203.0.113.50' });
    expect(res.headers.location).toBe('/console/');
    expect(sessionCookie(res)).toBeDefined();
  });

  it('many addresses, each within its own limit, cannot keep anyone else out either', async () => {
    h.clock.advance(20 * 60_000);
    for (let a = 0; a < 20; a++)
      for (let i = 0; i < 19; i++)
        expect((await badPost(`198.51.${a}.7`)).headers.location).toBe('/console/?login=expired');
    const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
    expect((await openLink(h, path, { ip: '203.0.113.51' })).headers.location).toBe('/console/');
  });

  it('the window slides: attempts just before a ten-minute mark still count just after it', async () => {
    h.clock.advance(20 * 60_000);
    const ip = '198.51.100.77';
    // One minute before a round ten minutes of the clock: a fixed window would start afresh two minutes later.
    const now = h.clock.now().getTime();
    h.clock.advance(600_000 - (now % 600_000) - 60_000);
    for (let i = 0; i < 20; i++) expect((await badPost(ip)).headers.location).toBe('/console/?login=expired');
    h.clock.advance(2 * 60_000);
    expect((await badPost(ip)).headers.location).toBe('/console/?login=rate_limited');
    h.clock.advance(8 * 60_000);
    expect((await badPost(ip)).headers.location).toBe('/console/?login=expired');
  });

  it('live links do not count: an address that signs in often is never refused', async () => {
    h.clock.advance(20 * 60_000);
    for (let i = 0; i < 25; i++) {
      const path = LINK.exec(await h.say('office1', '登录', { chattype: 'single' }))![0];
      expect((await openLink(h, path, { ip: '203.0.113.60' })).headers.location).toBe('/console/');
    }
  });
});

describe('cleanup', () => {
  it('the cleanup job deletes sessions and links a day after they expired', async () => {
    await signIn(h, 'office1');
    await h.say('office1', '登录', { chattype: 'single' });
    const { ConsoleSession, ConsoleLoginToken } = h.models;
    expect(await ConsoleSession.countDocuments({})).toBeGreaterThan(0);
    h.clock.advance(9 * 24 * 3600_000);
    const counts = await h.services.cleanup.purgeExpired(h.clock.now());
    expect(counts.consoleSessions).toBeGreaterThan(0);
    expect(counts.consoleLinks).toBeGreaterThan(0);
    expect(await ConsoleSession.countDocuments({})).toBe(0);
    expect(await ConsoleLoginToken.countDocuments({})).toBe(0);
  });
});
