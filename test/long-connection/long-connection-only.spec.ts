import { ManualClock, ManualTimers } from '../helpers/clocks';
import { messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

/** Only WECOM_BOT_ID/WECOM_BOT_SECRET: no callback keys, no /wecom/callback, everything over the socket. */
describe('a deployment with only the long connection', () => {
  let ws: Fake;
  let h: Harness;
  let timers: ManualTimers;
  const state = () => h.longConnection?.health().link;

  beforeAll(async () => {
    ws = await startFakeWecomWs();
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    timers = new ManualTimers(clock);
    h = await createHarness('lconly', {
      clock,
      env: {
        WECOM_TOKEN: '',
        WECOM_ENCODING_AES_KEY: '',
        WECOM_BOT_ID: ws.botId,
        WECOM_BOT_SECRET: ws.secret,
        WECOM_WS_URL: ws.url,
      },
      compose: { timers, instanceId: 'solo' },
    });
    await h.addDeputy('d1', '张三');
    h.longConnection?.start();
    await until(() => state()?.state === 'up', 'up');
  });

  afterAll(async () => {
    await h.close();
    await ws.close();
  });

  it('serves no callback endpoint (there are no keys to check a signature with) but answers over the socket', async () => {
    expect(h.config.demo).toBe(false);
    expect((await h.request.get('/wecom/callback').query({ echostr: 'x' })).status).toBe(404);
    expect((await h.request.post('/wecom/callback').send('{}')).status).toBe(404);
    const id = ws.fake.sendMessage(messageBody({ userid: 'd1', text: '帮助 全部' }));
    const f = await ws.fake.waitFor((x) => x.headers.req_id === id);
    expect((f.body?.stream as { content: string }).content).toContain('张三');
  });

  it('gives up on a subscribe WeCom never answers (10 s) and reconnects with backoff', async () => {
    ws.fake.ignoreSubscribe = true;
    ws.fake.drop();
    await until(() => state()?.state === 'backoff', 'dropped');
    const conns = ws.fake.connections;
    timers.advance(1_000);
    await until(() => state()?.state === 'subscribing' && ws.fake.connections === conns + 1, 'subscribing');
    await ws.fake.waitFor((f) => f.cmd === 'aibot_subscribe' && f.conn === conns + 1);
    timers.advance(9_999);
    expect(state()?.state).toBe('subscribing');
    timers.advance(1);
    await until(() => state()?.state === 'backoff', 'gave up');
    expect(state()?.detail).toContain('no acknowledgement');
    expect((state()?.retryAt?.getTime() ?? 0) - h.clock.now().getTime()).toBe(2_000);
    ws.fake.ignoreSubscribe = false;
    timers.advance(2_000);
    await until(() => state()?.state === 'up', 'up again');
  });
});
