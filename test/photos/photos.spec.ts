import { type Harness, createHarness } from '../helpers/harness';
import { gridFsFiles, makePhoto, sendAppImage, sendBotImage, sendBotMixed, servePhoto } from '../helpers/photos';

// Photos in (随手拍), through the real callback: the picture is served encrypted by the fake WeCom,
// fetched, decrypted, checked, stored once in GridFS and attached to an opinion.

let h: Harness;

beforeAll(async () => {
  h = await createHarness('photos', {
    now: '2026-11-02T09:00:00+08:00',
    tunables: { photos: { allowLoopbackHttp: true, maxBytes: 200_000, timeoutMs: 500 } },
    env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'test-corp-secret' },
  });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
});
afterAll(async () => h.close());

const drops = () => h.db.connection.collection('photo_drops').countDocuments();
const opinion = (code: string) => h.db.connection.collection('opinions').findOne({ code });

describe('a photo sent one-to-one', () => {
  it('is fetched, decrypted, checked and stored, then waits for the next 建议 which takes it', async () => {
    const photo = servePhoto(h, await makePhoto({ gps: true }));
    const reply = await sendBotImage(h, 'zhang', { url: photo.url });
    expect(reply).toContain('已收到 1 张照片，10 分钟内发送「建议 …」');
    expect(h.wecom.mediaFetches.get(photo.id)).toBe(1);
    expect(await gridFsFiles(h)).toBe(2); // the original and its thumbnail

    const filed = await h.say('zhang', '建议 桥上的栏杆断了两根，很危险，请尽快修好', { chattype: 'single' });
    expect(filed).toContain('YJ2026-001');
    expect(filed).toContain('已附 1 张照片');
    const doc = await opinion('YJ2026-001');
    expect(doc?.photos).toHaveLength(1);
    const stored = await h.db.connection.collection('photos').findOne({ _id: doc?.photos[0].id });
    expect(stored?.gps).toEqual({ lat: expect.closeTo(31.2417, 3), lon: expect.closeTo(121.4667, 3) });
  });
});

describe('refusals: a clear line, and nothing stored', () => {
  let files = 0;
  let waiting = 0;
  beforeEach(async () => {
    files = await gridFsFiles(h);
    waiting = await drops();
  });
  afterEach(async () => {
    expect(await gridFsFiles(h)).toBe(files);
    expect(await drops()).toBe(waiting);
  });

  it('a file that is not a picture', async () => {
    const file = servePhoto(h, Buffer.from('%PDF-1.4 not a picture at all'));
    expect(await sendBotImage(h, 'li', { url: file.url })).toContain('不是 JPG 或 PNG 图片');
  });

  it('bytes that claim to be a JPEG but do not decode', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]);
    expect(await sendBotImage(h, 'li', { url: servePhoto(h, fake).url })).toContain('不是 JPG 或 PNG 图片');
  });

  it('a file over the size cap', async () => {
    const big = await makePhoto({ width: 1200, height: 1200 });
    const huge = Buffer.concat([big, Buffer.alloc(250_000, 1)]);
    expect(await sendBotImage(h, 'li', { url: servePhoto(h, huge).url })).toContain('照片超过');
  });

  it('an expired link (404 and 403)', async () => {
    const photo = await makePhoto();
    expect(await sendBotImage(h, 'li', { url: servePhoto(h, photo, { status: 404 }).url })).toContain('链接已失效');
    expect(await sendBotImage(h, 'li', { url: servePhoto(h, photo, { status: 403 }).url })).toContain('链接已失效');
  });

  it('a file encrypted with another key', async () => {
    const other = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
    const photo = servePhoto(h, await makePhoto(), { key: other });
    expect(await sendBotImage(h, 'li', { url: photo.url })).toContain('无法解密');
  });

  it('a download slower than the timeout', async () => {
    const photo = servePhoto(h, await makePhoto(), { delayMs: 3_000 });
    expect(await sendBotImage(h, 'li', { url: photo.url })).toContain('下载照片超时');
  });

  it('more than 9 pictures in one message (none is fetched)', async () => {
    const photo = servePhoto(h, await makePhoto());
    const images = Array.from({ length: 10 }, () => ({ url: photo.url }));
    expect(await sendBotMixed(h, 'li', '建议 十张照片的一条建议，路边的树倒了', images)).toContain('一条消息最多 9 张');
    expect(h.wecom.mediaFetches.get(photo.id)).toBeUndefined();
  });

  it('a plain-http link to anywhere but loopback', async () => {
    expect(await sendBotImage(h, 'li', { url: 'http://example.org/pic.jpg' })).toContain('链接已失效');
  });
});

describe('mixed messages', () => {
  it('a group 建议 with two pictures files the text with its pictures in one go', async () => {
    const a = servePhoto(h, await makePhoto({ color: [10, 200, 10] }));
    const b = servePhoto(h, await makePhoto({ color: [10, 10, 200], png: true }));
    const reply = await sendBotMixed(h, 'li', '民意 东村路口的红绿灯坏了一周，孩子上学过马路很危险', [
      { url: a.url },
      { url: b.url },
    ]);
    expect(reply).toMatch(/YJ2026-\d{3}/);
    expect(reply).toContain('已附 2 张照片');
    const code = /YJ2026-\d{3}/.exec(reply)![0];
    expect((await opinion(code))?.photos).toHaveLength(2);
  });

  it('a group message with a picture but no command keeps the picture waiting', async () => {
    const a = servePhoto(h, await makePhoto({ color: [90, 90, 10] }));
    expect(await sendBotMixed(h, 'li', '大家看看这个', [{ url: a.url }])).toContain('已收到 1 张照片');
  });
});

describe('the self-built app', () => {
  it('fetches a picture by MediaId through media/get', async () => {
    h.wecom.serveMedia('media-app-1', await makePhoto({ color: [1, 2, 250] }), { contentType: 'image/jpeg' });
    expect(await sendAppImage(h, 'zhang', 'media-app-1')).toContain('已收到 1 张照片');
    expect(await sendAppImage(h, 'zhang', 'media-gone')).toContain('链接已失效');
  });
});
