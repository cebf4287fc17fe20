import { clientFor, LINK, sessionCookie } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';
import { TEST_KEYS } from '../helpers/wecom-payloads';

// WeCom web sign-in with the self-built app configured, against the fake WeCom on loopback; and the
// console behind HTTPS (CONSOLE_URL https → Secure cookies, links and redirect_uri on that address).

let h: Harness;
const CONSOLE_URL = 'https://rd.example.gov.cn';

beforeAll(async () => {
  h = await createHarness('console-wecom', {
    officeUserIds: ['office1'],
    env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-for-tests', CONSOLE_URL: `${CONSOLE_URL}/` },
  });
  await h.addDeputy('zhang', '张三');
});

afterAll(async () => {
  await h.close();
});

/** Starts a sign-in: the redirect to WeCom and the state cookie set for the callback. */
async function start(userAgent: string) {
  const res = await h.request.get('/console/auth/wecom').set('User-Agent', userAgent);
  expect(res.status).toBe(302);
  const line = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('console_oauth_state='))!;
  expect(line).toMatch(/HttpOnly/);
  expect(line).toMatch(/Path=\/console\/auth/);
  expect(line).toMatch(/Secure/);
  return { location: new URL(res.headers.location as string), stateCookie: line.split(';')[0]! };
}

describe('WeCom web sign-in', () => {
  it('offers itself on the sign-in page', async () => {
    expect((await h.request.get('/api/console/login-options')).body).toEqual({ wecom: true, demo: false });
  });

  it('desktop: SSO page with login_type=CorpApp; inside WeCom: OAuth with scope=snsapi_base and agentid', async () => {
    const desktop = await start('Mozilla/5.0 Chrome/120');
    expect(desktop.location.origin + desktop.location.pathname).toBe(
      'https://login.work.weixin.qq.com/wwlogin/sso/login',
    );
    expect(Object.fromEntries(desktop.location.searchParams)).toMatchObject({
      login_type: 'CorpApp',
      appid: TEST_KEYS.corpId,
      agentid: '1000002',
      redirect_uri: `${CONSOLE_URL}/console/auth/wecom/callback`,
    });
    expect(desktop.location.searchParams.get('state')).toBe(desktop.stateCookie.split('=')[1]);

    const inside = await start('Mozilla/5.0 wxwork/4.1.0 MicroMessenger/7.0.1');
    expect(inside.location.origin + inside.location.pathname).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize',
    );
    expect(inside.location.hash).toBe('#wechat_redirect');
    expect(Object.fromEntries(inside.location.searchParams)).toMatchObject({
      appid: TEST_KEYS.corpId,
      scope: 'snsapi_base',
      agentid: '1000002',
      response_type: 'code',
      redirect_uri: `${CONSOLE_URL}/console/auth/wecom/callback`,
    });
  });

  it('exchanges the code through cgi-bin/auth/getuserinfo and signs in with a Secure cookie', async () => {
    const { location, stateCookie } = await start('Mozilla/5.0');
    const code = h.wecom.issueAuthCode({ userid: 'office1' });
    const res = await h.request
      .get('/console/auth/wecom/callback')
      .query({ code, state: location.searchParams.get('state')! })
      .set('Cookie', stateCookie);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/console/');
    const line = (res.headers['set-cookie'] as unknown as string[]).find(
      (c) => c.startsWith('console_sid=') && !c.startsWith('console_sid=;'),
    )!;
    expect(line).toMatch(/Secure/);
    const c = await clientFor(h, sessionCookie(res)!);
    expect((await c.get('/api/console/session')).body.user).toMatchObject({ userid: 'office1', role: 'office' });
    // The code is single use at WeCom: replaying the callback signs nobody in.
    const again = await h.request
      .get('/console/auth/wecom/callback')
      .query({ code, state: location.searchParams.get('state')! })
      .set('Cookie', stateCookie);
    expect(again.headers.location).toBe('/console/?login=wecom_failed');
  });

  it('refuses a callback whose state does not match the browser’s own', async () => {
    const { stateCookie } = await start('Mozilla/5.0');
    const code = h.wecom.issueAuthCode({ userid: 'office1' });
    const forged = await h.request
      .get('/console/auth/wecom/callback')
      .query({ code, state: 'attacker-state' })
      .set('Cookie', stateCookie);
    expect(forged.headers.location).toBe('/console/?login=wecom_failed');
    expect(sessionCookie(forged)).toBeUndefined();
    const noCookie = await h.request
      .get('/console/auth/wecom/callback')
      .query({ code, state: stateCookie.split('=')[1]! });
    expect(noCookie.headers.location).toBe('/console/?login=wecom_failed');
  });

  it('refuses outsiders and people not on the roster; a deputy gets their own pages', async () => {
    for (const who of [{ openid: 'o-outsider' }, { userid: 'not-on-roster' }]) {
      const { location, stateCookie } = await start('Mozilla/5.0');
      const res = await h.request
        .get('/console/auth/wecom/callback')
        .query({ code: h.wecom.issueAuthCode(who), state: location.searchParams.get('state')! })
        .set('Cookie', stateCookie);
      expect(res.headers.location).toBe('/console/?login=wecom_failed');
      expect(sessionCookie(res)).toBeUndefined();
    }
    const { location, stateCookie } = await start('Mozilla/5.0');
    const res = await h.request
      .get('/console/auth/wecom/callback')
      .query({ code: h.wecom.issueAuthCode({ userid: 'zhang' }), state: location.searchParams.get('state')! })
      .set('Cookie', stateCookie);
    expect(res.headers.location).toBe('/console/me');
  });

  it('one address failing the callback over and over cannot keep anyone else out', async () => {
    const forged = () =>
      h.request
        .get('/console/auth/wecom/callback')
        .query({ code: 'made-up', state: 'made-up' })
        .set('Cookie', 'console_oauth_state=other')
        .set('X-Forwarded-For', '198.51.100.66');
    for (let i = 0; i < 400; i++) await forged();
    expect((await forged()).headers.location).toBe('/console/?login=rate_limited');
    const begin = await h.request
      .get('/console/auth/wecom')
      .set('User-Agent', 'Mozilla/5.0')
      .set('X-Forwarded-For', '203.0.113.50');
    const state = new URL(begin.headers.location as string).searchParams.get('state')!;
    const res = await h.request
      .get('/console/auth/wecom/callback')
      .query({ code: h.wecom.issueAuthCode({ userid: 'office1' }), state })
      .set('Cookie', `console_oauth_state=${state}`)
      .set('X-Forwarded-For', '203.0.113.50');
    expect(res.headers.location).toBe('/console/');
    expect(sessionCookie(res)).toBeDefined();
  });

  it('with an https CONSOLE_URL, every answer tells browsers to use HTTPS only (HSTS)', async () => {
    for (const path of ['/console/', '/api/console/login-options', '/healthz'])
      expect((await h.request.get(path)).headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('the bot link points at CONSOLE_URL', async () => {
    const reply = await h.say('office1', '登录', { chattype: 'single' });
    expect(reply).toContain(`${CONSOLE_URL}/console/login/`);
    expect(reply).toMatch(LINK);
  });
});
