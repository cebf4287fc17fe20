import { createHash } from 'node:crypto';
import { createOutbox } from '../../src/services/delivery';
import { signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { countColourPixels, countInkPixels, decodePng } from '../helpers/png';

let h: Harness;

beforeEach(async () => {
  // Monday 2026-11-23 08:00 Beijing; the digest job fires at 09:00.
  h = await createHarness('digest_chart', {
    now: '2026-11-23T08:00:00+08:00',
    installedAt: '2026-06-01T08:00:00+08:00',
  });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhangsan', '张三');
});
afterEach(async () => h.close());

const at = (beijing: string) => new Date(`${beijing}+08:00`);

/** Two weeks of casework: some filed, assigned, answered and rated, in two categories. */
async function someCasework() {
  h.clock.set(at('2026-11-10T10:00:00'));
  expect(await h.say('zhangsan', '建议 镇中心小学门口缺少减速带 #公共交通')).toContain('YJ2026-001');
  expect(await h.say('office1', '交办 YJ2026-001 单位：交通运输局')).toContain('YJ2026-001');
  h.clock.set(at('2026-11-17T10:00:00'));
  expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修 #公共交通')).toContain('YJ2026-002');
  expect(await h.say('zhangsan', '建议 敬老院冬季取暖设施老化 #社会保障')).toContain('YJ2026-003');
  expect(await h.say('office1', '交办 YJ2026-002 单位：交通运输局')).toContain('YJ2026-002');
  h.clock.set(at('2026-11-19T10:00:00'));
  expect(await h.say('office1', '答复 YJ2026-002 A 已于11月19日完成路灯维修')).toContain('YJ2026-002');
  expect(await h.say('zhangsan', '评价 YJ2026-002 满意')).toContain('满意');
}

async function runDigestJob() {
  h.clock.set(at('2026-11-23T09:00:00'));
  const reports = await h.scheduler.tick(h.clock.now());
  expect(reports).toContainEqual({ job: 'digest', slot: 'digest:2026-11-23T09:00', outcome: 'succeeded' });
}

it('the Monday digest is followed by one PNG chart: valid, md5 matching, sized, not blank, after the text', async () => {
  await someCasework();
  h.clock.set(at('2026-11-22T15:00:00'));
  expect(await h.say('office1', '周报')).toContain('周报发出后，还会随后发一张图');

  await runDigestJob();
  // A second instance (or a re-run) of the same slot queues nothing twice.
  await h.scheduler.tick(h.clock.now());
  await h.drain();

  const pushes = h.wecom.groupPushes();
  const images = pushes.filter((p) => p.msgtype === 'image');
  expect(images).toHaveLength(1);
  const image = images[0]!.image!;
  const png = Buffer.from(image.base64, 'base64');
  expect(image.md5).toBe(createHash('md5').update(png).digest('hex'));
  expect(png.length).toBeLessThanOrEqual(2 * 1024 * 1024);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const decoded = decodePng(png);
  expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 900, height: 1000 });
  // Not blank: text, axes, bars and lines put ink on a good share of the picture, some of it in colour.
  expect(countInkPixels(decoded)).toBeGreaterThan(20_000);
  expect(countColourPixels(decoded)).toBeGreaterThan(5_000);

  // The picture arrives after every text part of the digest.
  const digestStart = pushes.findIndex((p) => p.content.startsWith('**代表工作周报**'));
  expect(digestStart).toBeGreaterThanOrEqual(0);
  expect(pushes.indexOf(images[0]!)).toBe(pushes.length - 1);
  const stored = await h.models.OutboxItem.find({ key: /^digest:2026-11-23T09:00/ })
    .sort({ seq: 1 })
    .lean();
  expect(stored.map((s) => s.key)).toEqual(['digest:2026-11-23T09:00:1', 'digest:2026-11-23T09:00:chart']);
  expect(stored.every((s) => s.status === 'sent' && s.group === 'digest:2026-11-23T09:00')).toBe(true);
});

it('a failing text part holds the chart back; both go out in order on the retry', async () => {
  await someCasework();
  await h.drain();
  const before = h.wecom.groupPushes().length;
  await runDigestJob();
  // The digest's text push fails once: the chart must not overtake it.
  h.wecom.failNext(1, { errcode: -1 });
  await h.drain();
  expect(h.wecom.groupPushes().slice(before)).toEqual([]);
  expect(await h.models.OutboxItem.findOne({ key: 'digest:2026-11-23T09:00:chart' }).lean()).toMatchObject({
    status: 'pending',
    attempts: 0,
  });

  h.clock.set(new Date(h.clock.now().getTime() + 60_000));
  await h.drain();
  const sent = h.wecom.groupPushes().slice(before);
  expect(sent.map((p) => p.msgtype)).toEqual(['markdown', 'image']);
  expect(sent[0]!.content.startsWith('**代表工作周报**')).toBe(true);
});

it('a week with nothing to draw sends no chart, and the preview promises none', async () => {
  h.clock.set(at('2026-11-22T15:00:00'));
  expect(await h.say('office1', '周报')).not.toContain('还会随后发一张图');
  await runDigestJob();
  await h.drain();
  expect(h.wecom.groupPushes().filter((p) => p.msgtype === 'image')).toEqual([]);
  expect(h.groupTexts()).toHaveLength(1);
});

it('over the long connection a picture is queued for upload, up to its 10 MB and not beyond', async () => {
  const outbox = createOutbox({ models: h.models, clock: h.clock, groupChannel: 'aibot' });
  expect(await outbox.enqueueImage({ key: 'digest:x:chart', image: Buffer.alloc(3 * 1024 * 1024, 1) })).toBe(1);
  expect(await h.models.OutboxItem.findOne({ key: 'digest:x:chart' }).lean()).toMatchObject({
    channel: 'aibot',
    msgtype: 'image',
    filename: 'chart.png',
  });
  await expect(outbox.enqueueImage({ key: 'huge', image: Buffer.alloc(10 * 1024 * 1024 + 1) })).rejects.toThrow(
    /over the channel/,
  );
  expect(await h.models.OutboxItem.countDocuments({ key: 'huge' })).toBe(0);
  await h.models.OutboxItem.deleteOne({ key: 'digest:x:chart' });
});

it('an image over the robot limit of 2 MB is refused before it is stored', async () => {
  const outbox = createOutbox({ models: h.models, clock: h.clock });
  await expect(outbox.enqueueImage({ key: 'big', image: Buffer.alloc(2 * 1024 * 1024 + 1) })).rejects.toThrow(
    /over the channel/,
  );
  expect(await h.models.OutboxItem.countDocuments({ key: 'big' })).toBe(0);
});

it('the console shows the same picture to the office only, and nothing when there is nothing to draw', async () => {
  const office = await signIn(h, 'office1');
  const png = (path: string) =>
    office
      .get(path)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  expect((await png('/api/console/charts/digest.png')).status).toBe(204);

  await someCasework();
  h.clock.set(at('2026-11-23T10:00:00'));
  const res = await png('/api/console/charts/digest.png');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('image/png');
  const decoded = decodePng(res.body as Buffer);
  expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 900, height: 1000 });
  expect(countColourPixels(decoded)).toBeGreaterThan(5_000);

  const deputy = await signIn(h, 'zhangsan');
  expect((await deputy.get('/api/console/charts/digest.png')).status).toBe(403);
});
