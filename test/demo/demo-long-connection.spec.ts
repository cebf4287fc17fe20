import { ManualClock } from '../helpers/clocks';
import vm from 'node:vm';
import supertest from 'supertest';
import type { Composed } from '../../src/compose';
import { type DemoApp, startDemoApp } from '../helpers/demo-app';
import { until } from '../helpers/fake-wecom-ws';
import { makePhoto } from '../helpers/photos';

// Demo mode with DEMO_LONG_CONNECTION=true, wired as `npm run demo:long-connection` does: the app
// plays WeCom's WebSocket server on loopback and its own long connection dials it.

const clock = new ManualClock('2026-11-23T09:30:00+08:00');

let app: DemoApp;
let composed: Composed;
let request: ReturnType<typeof supertest>;

type Said = {
  reqId: string;
  frames: Array<{ req_id: string; stream: { id: string; finish: boolean; content: string } }>;
};

async function say(userid: string, mode: 'group' | 'single' | 'voice', text: string): Promise<Said> {
  const res = await request
    .post('/demo/api/ws-say')
    .send({ userid, mode, text, msgid: `t-${Math.random().toString(36).slice(2)}` });
  expect(res.status).toBe(200);
  return res.body as Said;
}

beforeAll(async () => {
  app = await startDemoApp('demolc', { clock, env: { DEMO_LONG_CONNECTION: 'true' } });
  ({ composed } = app);
  request = supertest(app.server);
  await until(() => composed.longConnection?.health().link?.state === 'up', 'the bot dialled the simulator');
});

afterAll(async () => app.close());

describe('demo mode over the long connection', () => {
  it('tells the page to use the long connection, and the page script parses', async () => {
    expect((await request.get('/demo/api/session')).body.transport).toBe('long-connection');
    const page = (await request.get('/demo')).text;
    expect(page).toContain('mode-voice');
    const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? '';
    expect(() => new vm.Script(script)).not.toThrow();
  });

  it("relays a message as aibot_msg_callback and returns the bot's finished stream", async () => {
    const r = await say('deputy-zhang', 'single', '帮助 全部');
    expect(r.frames.at(-1)?.req_id).toBe(r.reqId);
    expect(r.frames.at(-1)?.stream).toMatchObject({ finish: true });
    expect(r.frames.at(-1)?.stream.content).toContain('张建国');
  });

  it('a spoken opinion is repeated back and filed on 确认', async () => {
    expect((await say('deputy-li', 'voice', '学校门口需要一条斑马线')).frames.at(-1)?.stream.content).toContain(
      '回复「确认」',
    );
    expect((await say('deputy-li', 'single', '确认')).frames.at(-1)?.stream.content).toMatch(/YJ2026-\d{3}/);
  });

  it("pushes to the demo group over aibot_send_msg once the group has spoken, into the page's push list", async () => {
    await say('deputy-zhao', 'group', '@代表助手 活动');
    const before = (await request.get('/demo/api/pushes')).body as { last: number };
    await composed.services.notify.toGroup('demo-lc:1', '**演示推送** 经长连接');
    expect(await composed.sender.drainOnce()).toMatchObject({ sent: 1, failed: 0 });
    await until(
      async () =>
        ((await request.get('/demo/api/pushes').query({ after: before.last })).body.pushes as unknown[]).length === 1,
      'the push',
    );
    const pushes = (await request.get('/demo/api/pushes').query({ after: before.last })).body.pushes;
    expect(pushes).toEqual([
      expect.objectContaining({ channel: 'aibot', msgtype: 'markdown', content: '**演示推送** 经长连接' }),
    ]);
  });

  it('a personal notice to someone who chatted one-to-one shows in the page as a one-to-one message to them', async () => {
    // deputy-zhang wrote one-to-one above; the record is made beside the reply, so wait for it.
    await until(async () => (await composed.models.BotChat.exists({ _id: 'single:deputy-zhang' })) !== null, 'record');
    const before = (await request.get('/demo/api/pushes')).body as { last: number };
    await composed.services.notify.toUsers('demo-lc:direct', ['deputy-zhang'], '**演示通知** 单聊');
    expect(await composed.sender.drainOnce()).toMatchObject({ sent: 1, failed: 0 });
    const fresh = async () => (await request.get('/demo/api/pushes').query({ after: before.last })).body.pushes;
    await until(async () => ((await fresh()) as unknown[]).length === 1, 'the message');
    expect(await fresh()).toEqual([
      expect.objectContaining({ channel: 'aibot', content: '**演示通知** 单聊', touser: ['deputy-zhang'] }),
    ]);
  });

  it('a picture from the page is served with its own aeskey and filed with the group message (mixed)', async () => {
    const photo = await makePhoto({ color: [250, 200, 0] });
    const served = await request.post('/demo/api/media').set('content-type', 'application/octet-stream').send(photo);
    expect(served.status).toBe(200);
    expect(served.body.aeskey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const res = await request.post('/demo/api/ws-say').send({
      userid: 'deputy-zhang',
      mode: 'group',
      text: '@代表助手 建议 南街路灯不亮了，晚上很黑',
      msgid: `t-${Math.random().toString(36).slice(2)}`,
      image: served.body,
    });
    expect(res.status).toBe(200);
    expect((res.body as Said).frames.at(-1)?.stream.content).toContain('已附 1 张照片');
  });

  it('refuses a malformed relay request', async () => {
    expect((await request.post('/demo/api/ws-say').send({ userid: '', mode: 'x' })).status).toBe(400);
  });
});
