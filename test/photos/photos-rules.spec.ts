import { streamIdOf } from '../../src/wecom/callback';
import { eventually } from '../helpers/eventually';
import { type Harness, createHarness } from '../helpers/harness';
import { gridFsFiles, makePhoto, sendAppImage, sendBotImage, servePhoto } from '../helpers/photos';
import { nextMsgId } from '../helpers/wecom-payloads';

// 附图 rules, the 9-photo limit, the 10-minute wait, one stored copy per photo, the cleanup job, 进度's
// count and a download slower than WeCom's reply deadline, all through the signed callback.

let h: Harness;
let colour = 0;

/** A different picture each time (a new colour), served encrypted and sent one-to-one. */
async function sendNewPhoto(userid: string): Promise<string> {
  colour += 1;
  const photo = await makePhoto({ color: [colour % 256, (colour * 7) % 256, (colour * 13) % 256] });
  return sendBotImage(h, userid, { url: servePhoto(h, photo).url });
}

const single = { chattype: 'single' as const };
const photosOf = async (code: string) =>
  ((await h.db.connection.collection('opinions').findOne({ code }))?.photos ?? []) as unknown[];

beforeAll(async () => {
  h = await createHarness('photos_rules', {
    now: '2026-11-02T09:00:00+08:00',
    officeUserIds: ['clerk'],
    tunables: { photos: { allowLoopbackHttp: true } },
  });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.say('zhang', '建议 村口路灯坏了三个月，晚上出行很不方便，请尽快维修', single); // YJ2026-001
  await h.say('li', '建议 小学门口缺少减速带，车辆速度很快，家长很担心', single); // YJ2026-002
  await h.say('zhang', '建议 东河堤岸有一段塌了，雨季前需要加固', single); // YJ2026-003
});
afterAll(async () => h.close());

describe('附图', () => {
  it('needs a waiting photo', async () => {
    expect(await h.say('zhang', '附图 YJ2026-001', single)).toContain('没有等待附上的照片');
    expect(await h.say('zhang', '附图', single)).toContain('附图 YJ2026-001');
  });

  it('attaches only to the sender’s own opinion', async () => {
    await sendNewPhoto('zhang');
    expect(await h.say('zhang', '附图 YJ2026-002', single)).toContain('不是您提交的建议');
    expect(await photosOf('YJ2026-002')).toHaveLength(0);
    expect(await h.say('zhang', '附图 1', single)).toContain('已附 1 张照片到 YJ2026-001（共 1 张）');
    expect(await photosOf('YJ2026-001')).toHaveLength(1);
    // Nothing is left waiting: a second 附图 has nothing to attach.
    expect(await h.say('zhang', '附图 1', single)).toContain('没有等待附上的照片');
  });

  it('refuses a closed opinion', async () => {
    await h.say('clerk', '交办 3 单位：水利站', single);
    await h.say('clerk', '答复 3 A 已安排加固', single);
    await h.say('zhang', '评价 3 满意', single);
    await h.say('clerk', '办结 3', single);
    await sendNewPhoto('zhang');
    expect(await h.say('zhang', '附图 3', single)).toMatch(/YJ2026-003 已办结，不能再附图/);
    expect(await photosOf('YJ2026-003')).toHaveLength(0);
  });

  it('takes at most 9 photos per opinion; the 10th gets a clear line', async () => {
    // One photo is waiting from the test above, and YJ2026-001 already has one.
    for (let i = 0; i < 7; i++) await sendNewPhoto('zhang');
    expect(await h.say('zhang', '附图 1', single)).toContain('已附 8 张照片到 YJ2026-001（共 9 张）');
    await sendNewPhoto('zhang');
    expect(await h.say('zhang', '附图 1', single)).toContain('YJ2026-001 已有 9 张照片，每件建议最多 9 张');
    expect(await photosOf('YJ2026-001')).toHaveLength(9);
  });

  it('photos wait 10 minutes: after that neither 建议 nor 附图 takes them', async () => {
    h.clock.advance(11 * 60_000);
    expect(await h.say('zhang', '附图 1', single)).toContain('没有等待附上的照片');
    const filed = await h.say('zhang', '建议 西街下水道堵了，下雨就积水，请疏通', single);
    expect(filed).toMatch(/YJ2026-004/);
    expect(filed).not.toContain('已附');
  });
});

describe('one stored copy per photo', () => {
  it('the same photo sent twice is stored once (one original, one thumbnail)', async () => {
    const before = await gridFsFiles(h);
    const photo = await makePhoto({ color: [3, 141, 59], width: 80 });
    await sendBotImage(h, 'li', { url: servePhoto(h, photo).url });
    await sendBotImage(h, 'li', { url: servePhoto(h, photo).url });
    expect(await gridFsFiles(h)).toBe(before + 2);
    const filed = await h.say('li', '建议 北桥栏杆断了两根，很危险，请尽快修好', single);
    // Both messages carried the same picture: the opinion holds it once.
    expect(filed).toContain('已附 1 张照片');
  });

  it('the same message handled twice (a crash and a takeover) leaves its pictures waiting once', async () => {
    const photo = servePhoto(h, await makePhoto({ color: [5, 55, 155] }));
    const input = { msgId: 'bot:retried-1', owner: 'li', images: [{ url: photo.url }], now: h.clock.now() };
    expect(await h.services.photos.receive(input)).toBe(1);
    expect(await h.services.photos.receive(input)).toBe(1);
    expect(await h.db.connection.collection('photo_drops').countDocuments({ _id: /^bot:retried-1#/ } as never)).toBe(1);
  });

  it('two messages with the same new photo at the same moment still store it once', async () => {
    const before = await gridFsFiles(h);
    const photo = await makePhoto({ color: [77, 7, 177], width: 90 });
    const replies = await Promise.all([
      sendBotImage(h, 'li', { url: servePhoto(h, photo).url }),
      sendBotImage(h, 'li', { url: servePhoto(h, photo).url }),
    ]);
    expect(replies.every((r) => r.includes('已收到 1 张照片'))).toBe(true);
    expect(await gridFsFiles(h)).toBe(before + 2);
  });
});

describe('database round trips', () => {
  it('建议 from someone who sent no pictures touches no photo collection; after a picture it does', async () => {
    const seen: string[] = [];
    const client = h.db.connection.getClient();
    const listen = (e: { commandName: string; command: Record<string, unknown> }) => {
      seen.push(String(e.command[e.commandName]));
    };
    client.on('commandStarted', listen);
    try {
      await h.say('clerk', '建议 文化站门口的路灯不亮了，请维修', single);
      expect(seen.filter((c) => c.startsWith('photo'))).toEqual([]);
      await sendNewPhoto('clerk');
      seen.length = 0;
      expect(await h.say('clerk', '建议 文化站的屋顶漏雨了，请维修', single)).toContain('已附 1 张照片');
      expect(seen).toContain('photo_drops');
    } finally {
      client.off('commandStarted', listen);
    }
  });
});

describe('进度', () => {
  it('one-to-one says how many photos there are', async () => {
    expect(await h.say('zhang', '进度 1', single)).toContain('照片：9 张');
    expect(await h.say('zhang', '进度 2', single)).not.toContain('照片：');
    // In the group it is not mentioned.
    expect(await h.say('zhang', '进度 1')).not.toContain('照片：');
  });
});

describe('the self-built app without its secret', () => {
  it('answers a picture with a clear line instead of fetching it', async () => {
    const before = await gridFsFiles(h);
    expect(await sendAppImage(h, 'zhang', 'media-x')).toContain('此应用暂不能接收照片');
    expect(await gridFsFiles(h)).toBe(before);
  });
});

describe('the cleanup job', () => {
  it('deletes unclaimed photos and their GridFS files a day later, and keeps attached ones', async () => {
    const drops = h.db.connection.collection('photo_drops');
    const photos = h.db.connection.collection('photos');
    h.clock.set(new Date('2026-11-03T10:00:00+08:00'));
    await sendNewPhoto('li'); // never claimed
    const late = await drops.findOne({ owner: 'li', status: 'waiting' }, { sort: { receivedAt: -1 } });
    expect(late).not.toBeNull();

    // The next night: yesterday morning's unclaimed photos go; this one is less than a day old and stays.
    h.clock.set(new Date('2026-11-04T03:00:00+08:00'));
    await h.scheduler.tick(h.clock.now());
    expect(await photos.countDocuments({ _id: late!.photo })).toBe(1);
    expect(await drops.countDocuments({ _id: late!._id })).toBe(1);

    // A night later it goes too, with its GridFS files; attached photos stay.
    h.clock.set(new Date('2026-11-05T03:00:00+08:00'));
    const reports = await h.scheduler.tick(h.clock.now());
    expect(reports).toEqual(
      expect.arrayContaining([expect.objectContaining({ job: 'cleanup', outcome: 'succeeded' })]),
    );
    expect(await drops.countDocuments({ status: 'waiting' })).toBe(0);
    expect(await photos.countDocuments({ _id: late!.photo })).toBe(0);
    const attached = new Set(
      (
        await h.db.connection
          .collection('opinions')
          .find({ photos: { $exists: true } })
          .toArray()
      ).flatMap((o) => (o.photos as Array<{ id: string }>).map((p) => p.id)),
    );
    const stored = await photos.find({}).toArray();
    expect(new Set(stored.map((p) => p._id))).toEqual(attached);
    expect(await gridFsFiles(h)).toBe(attached.size * 2);
    expect(await h.db.connection.collection('photos.chunks').countDocuments()).toBeGreaterThan(0);
  });

  it('also removes GridFS files no photo points at (a crash between the upload and the record)', async () => {
    const stray = h.db.connection.collection('photos.files');
    const id = (
      await stray.insertOne({
        length: 0,
        chunkSize: 261120,
        uploadDate: new Date('2026-11-04T10:00:00+08:00'),
        filename: 'orphan.jpg',
        metadata: { sha256: 'f'.repeat(64) },
      })
    ).insertedId;
    const before = await gridFsFiles(h);
    h.clock.set(new Date('2026-11-06T03:00:00+08:00'));
    await h.scheduler.tick(h.clock.now());
    expect(await stray.countDocuments({ _id: id })).toBe(0);
    expect(await gridFsFiles(h)).toBe(before - 1);
  });
});

describe('a slow download', () => {
  it('does not break WeCom’s deadline: an unfinished stream first, the answer on refresh', async () => {
    const slow = await createHarness('photos_slow', {
      tunables: { photos: { allowLoopbackHttp: true }, inbound: { botDeadlineMs: 150 } },
    });
    try {
      await slow.addDeputy('zhang', '张三');
      const photo = servePhoto(slow, await makePhoto(), { delayMs: 600 });
      const msgid = nextMsgId();
      const first = await sendBotImage(slow, 'zhang', { url: photo.url }, msgid);
      expect(first).toBe('正在处理…');
      const streamId = streamIdOf(`bot:${msgid}`);
      const done = await eventually(async () => {
        const r = await slow.pollStream(streamId, 'zhang');
        return r.finish ? r : undefined;
      }, 'the stream finished after the download');
      expect(done.content).toContain('已收到 1 张照片');
      expect(await slow.db.connection.collection('photo_drops').countDocuments()).toBe(1);
    } finally {
      await slow.close();
    }
  });
});

describe('附图 of pictures already attached', () => {
  it('says so, and attaches nothing twice', async () => {
    const filed = await h.say('li', '建议 南街菜市场门口占道经营，早上车辆过不去', single);
    const code = /YJ\d{4}-\d{3}/.exec(filed)![0];
    const photo = await makePhoto({ color: [1, 2, 3] });
    await sendBotImage(h, 'li', { url: servePhoto(h, photo).url });
    expect(await h.say('li', `附图 ${code}`, single)).toContain(`已附 1 张照片到 ${code}（共 1 张）`);
    await sendBotImage(h, 'li', { url: servePhoto(h, photo).url });
    expect(await h.say('li', `附图 ${code}`, single)).toBe(`这些照片已附在 ${code} 上了。`);
    expect(await photosOf(code)).toHaveLength(1);
  });
});
