import { ManualClock, ManualTimers } from '../helpers/clocks';
import { type BotFrame, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';
import { gridFsFiles, makePhoto, servePhoto } from '../helpers/photos';
import { nextMsgId } from '../helpers/wecom-payloads';

// The long connection (长连接): a picture comes with its own `aeskey` (there is no EncodingAESKey).

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;
const isFinished = (f: BotFrame) => (f.body?.stream as { finish?: boolean } | undefined)?.finish === true;
const contentOf = (f: BotFrame) => (f.body?.stream as { content: string }).content;

let ws: Fake;
let h: Harness;

async function ask(body: Record<string, unknown>): Promise<string> {
  const from = ws.fake.frames.length;
  const id = ws.fake.sendMessage(body);
  return contentOf(
    await ws.fake.waitFor((f) => f.cmd === 'aibot_respond_msg' && f.headers.req_id === id && isFinished(f), from),
  );
}

beforeAll(async () => {
  ws = await startFakeWecomWs();
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  h = await createHarness('photos_longconn', {
    clock,
    env: { WECOM_BOT_ID: ws.botId, WECOM_BOT_SECRET: ws.secret, WECOM_WS_URL: ws.url, WECOM_WEBHOOK_KEY: '' },
    compose: { timers: new ManualTimers(clock), instanceId: 'photos-a' },
    tunables: { photos: { allowLoopbackHttp: true } },
  });
  await h.addDeputy('d1', '张三');
  h.longConnection?.start();
  await until(() => h.longConnection?.health().link?.state === 'up', 'subscribed');
});
afterAll(async () => {
  await h.close();
  await ws.close();
});

// A key of the picture's own, not the callback's EncodingAESKey.
const OWN_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');

it('decrypts a one-to-one picture with the message’s own aeskey and files it with the next 建议', async () => {
  const photo = servePhoto(h, await makePhoto({ color: [20, 120, 220] }), { key: OWN_KEY });
  const image = { url: photo.url, aeskey: OWN_KEY };
  const base = { aibotid: 'bot-test', chattype: 'single', from: { userid: 'd1' } };
  expect(await ask({ ...base, msgid: nextMsgId(), msgtype: 'image', image })).toContain('已收到 1 张照片');
  expect(await gridFsFiles(h)).toBe(2);
  const filed = await ask({
    ...base,
    msgid: nextMsgId(),
    msgtype: 'text',
    text: { content: '建议 文化站屋顶漏雨，活动室不能用了' },
  });
  expect(filed).toContain('已附 1 张照片');
});

it('refuses a picture whose aeskey does not fit, storing nothing', async () => {
  const before = await gridFsFiles(h);
  const photo = servePhoto(h, await makePhoto({ color: [220, 120, 20] }), { key: OWN_KEY });
  const wrong = Buffer.alloc(32, 9).toString('base64');
  const reply = await ask({
    aibotid: 'bot-test',
    chattype: 'single',
    from: { userid: 'd1' },
    msgid: nextMsgId(),
    msgtype: 'image',
    image: { url: photo.url, aeskey: wrong },
  });
  expect(reply).toContain('无法解密');
  expect(await gridFsFiles(h)).toBe(before);
});
