import { ManualClock } from '../helpers/clocks';
import supertest from 'supertest';
import { openLink } from '../helpers/console';
import { type DemoApp, startDemoApp } from '../helpers/demo-app';

// Demo mode: the simulator's "打开工作台" button asks for a one-time link for the chosen person.

let app: DemoApp;
let request: ReturnType<typeof supertest>;

beforeAll(async () => {
  app = await startDemoApp('console_demo', { clock: new ManualClock('2026-11-23T09:30:00+08:00') });
  request = supertest(app.server);
});

afterAll(async () => app.close());

describe('demo console sign-in', () => {
  it('gives a one-time link for a seeded person, which signs in once', async () => {
    const res = await request.post('/demo/api/console-login').send({ userid: 'office-demo' });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/^\/console\/login\/[A-Za-z0-9_-]{43}$/);
    const login = await openLink({ request }, res.body.url);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/console/');
    const cookie = (login.headers['set-cookie'] as unknown as string[])
      .find((c) => c.startsWith('console_sid='))!
      .split(';')[0]!;
    const session = await request.get('/api/console/session').set('Cookie', cookie);
    expect(session.body).toMatchObject({ user: { userid: 'office-demo', name: '王主任', role: 'office' }, demo: true });
    expect((await request.get(res.body.url)).headers.location).toBe('/console/?login=expired');
  });

  it('a deputy lands on their own page; unknown people and empty input are refused', async () => {
    const res = await request.post('/demo/api/console-login').send({ userid: 'deputy-zhang' });
    expect((await openLink({ request }, res.body.url)).headers.location).toBe('/console/me');
    expect((await request.post('/demo/api/console-login').send({ userid: 'nobody' })).status).toBe(404);
    const empty = await request.post('/demo/api/console-login').send({});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.userid).toContain('企业微信账号');
  });

  it('the sign-in page learns WeCom login is off and this is a demo', async () => {
    expect((await request.get('/api/console/login-options')).body).toEqual({ wecom: false, demo: true });
    expect((await request.get('/console/auth/wecom')).headers.location).toBe('/console/?login=wecom_unavailable');
  });
});
