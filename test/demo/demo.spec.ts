import { ManualClock } from '../helpers/clocks';
import supertest from 'supertest';
import { loadConfig } from '../../config';
import { type Composed, composeApp } from '../../src/compose';
import { seedDemoRoster } from '../../src/demo/seed';
import { createLogger } from '../../src/logger';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { type DemoApp, startDemoApp } from '../helpers/demo-app';
import {
  botEnvelope,
  botTextPlaintext,
  readBotReply,
  signedQuery,
  TEST_KEYS,
  type TestKeys,
} from '../helpers/wecom-payloads';

// Demo mode wired as `npm start` does without WeCom variables: throwaway credentials, seeded
// roster, the simulator's routes, and pushes to the local sink inside the same app.

const log = createLogger({ level: 'silent' });
const clock = new ManualClock('2026-11-23T09:30:00+08:00');
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

let app: DemoApp;
let composed: Composed;
let request: ReturnType<typeof supertest>;
let keys: TestKeys;

beforeAll(async () => {
  app = await startDemoApp('demo', { clock });
  ({ composed } = app);
  request = supertest(app.server);
  const session = (await request.get('/demo/api/session')).body as { token: string; encodingAesKey: string };
  keys = { token: session.token, encodingAesKey: session.encodingAesKey, corpId: '' };
});

afterAll(async () => app.close());

async function say(userid: string, text: string, chattype: 'group' | 'single' = 'group'): Promise<string> {
  const { body, ciphertext } = botEnvelope(keys, botTextPlaintext({ userid, text, chattype }));
  const res = await request
    .post('/wecom/callback')
    .query(signedQuery(keys, ciphertext, nowSeconds()))
    .set('content-type', 'application/json')
    .send(body);
  expect(res.status).toBe(200);
  return readBotReply(keys, res.text).content;
}

describe('demo mode', () => {
  it('serves the simulator page, self-contained', async () => {
    const res = await request.get('/demo');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('本地模拟器');
    expect(res.text).toContain('wecomEncrypt');
    // No external assets: everything is inline.
    expect(res.text).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  it('hands the page the demo credentials', async () => {
    const res = await request.get('/demo/api/session');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.token).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body.encodingAesKey).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(res.body.commands.map((c: { name: string }) => c.name)).toContain('帮助');
  });

  it('seeded a roster with deputies and one office user, only once', async () => {
    const res = await request.get('/demo/api/roster');
    const people = res.body.people as Array<{ userid: string; name: string; isOffice: boolean }>;
    expect(people.find((p) => p.userid === 'office-demo')).toMatchObject({ name: '王主任', isOffice: true });
    expect(people.filter((p) => !p.isOffice).length).toBeGreaterThanOrEqual(3);
    expect(await seedDemoRoster(composed.services.roster, log)).toBe(false);
    expect((await request.get('/demo/api/roster')).body.people).toHaveLength(people.length);
  });

  it('answers a message signed and encrypted with those credentials on /wecom/callback', async () => {
    const deputy = await say('deputy-zhang', '@代表助手 帮助');
    expect(deputy).toContain('张建国');
    const office = await say('office-demo', '帮助 全部', 'single');
    expect(office).toContain('代表 添加');
    expect(deputy).not.toContain('代表 添加');
  });

  it('refuses a message signed with anything but the demo token', async () => {
    const { body, ciphertext } = botEnvelope(TEST_KEYS, botTextPlaintext({ userid: 'deputy-zhang', text: '帮助' }));
    const res = await request
      .post('/wecom/callback')
      .query(signedQuery(TEST_KEYS, ciphertext, nowSeconds()))
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBe(401);
  });

  it('routes group pushes to the local sink the page polls', async () => {
    const before = (await request.get('/demo/api/pushes')).body as { last: number };
    await composed.services.notify.toGroup('demo-test:1', '**演示推送** <@deputy-li>', { mentionAll: true });
    expect(await composed.sender.drainOnce()).toMatchObject({ sent: 2, failed: 0 });
    const res = await request.get('/demo/api/pushes').query({ after: before.last });
    const pushes = res.body.pushes as Array<{
      seq: number;
      channel: string;
      msgtype: string;
      content: string;
      mentions: string[];
    }>;
    expect(pushes).toEqual([
      expect.objectContaining({
        seq: before.last + 1,
        channel: 'webhook',
        msgtype: 'markdown',
        content: '**演示推送** <@deputy-li>',
      }),
      expect.objectContaining({ seq: before.last + 2, channel: 'webhook', msgtype: 'text', mentions: ['@all'] }),
    ]);
    const later = await request.get('/demo/api/pushes').query({ after: res.body.last });
    expect(later.body).toEqual({ pushes: [], last: before.last + 2 });
  });
});

describe('outside demo mode', () => {
  let prodDb: TestDatabase;
  let prod: Composed;

  beforeAll(async () => {
    prodDb = await openTestDatabase('demo_off');
    const config = loadConfig({
      NODE_ENV: 'production',
      MONGODB_URI: 'mongodb://127.0.0.1:1/unused',
      WECOM_TOKEN: TEST_KEYS.token,
      WECOM_ENCODING_AES_KEY: TEST_KEYS.encodingAesKey,
      WECOM_WEBHOOK_KEY: 'k',
      LOG_LEVEL: 'silent',
    });
    expect(config.demo).toBe(false);
    prod = await composeApp({ config, connection: prodDb.connection, log, clock });
  });
  afterAll(async () => {
    await prod.stop();
    await prodDb.drop();
  });

  it.each([
    ['get', '/demo'],
    ['get', '/demo/api/session'],
    ['get', '/demo/api/roster'],
    ['get', '/demo/api/pushes'],
    ['post', '/demo/wecom/cgi-bin/webhook/send'],
  ] as const)('%s %s does not exist', async (method, path) => {
    const res = await supertest(prod.app.callback())[method](path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(TEST_KEYS.token);
  });

  it('seeds no demo roster and has no sink', async () => {
    expect(await prod.services.roster.list()).toEqual([]);
    expect('demoSink' in prod).toBe(false);
  });

  it('the production composition refuses demo mode (its pushes would go to the real WeCom)', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    expect(config.demo).toBe(true);
    await expect(composeApp({ config, connection: prodDb.connection, log, clock })).rejects.toThrow(
      'demo mode is composed by src/demo/compose-demo.ts',
    );
  });
});
