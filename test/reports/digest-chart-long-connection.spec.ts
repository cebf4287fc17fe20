import { askOver, messageBody, type startFakeWecomWs } from '../helpers/fake-wecom-ws';
import type { Harness } from '../helpers/harness';
import { createLongConnectionHarness } from '../helpers/long-connection-harness';

let ws: Awaited<ReturnType<typeof startFakeWecomWs>>;
let h: Harness;
let close: () => Promise<void>;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  // No webhook key: group pushes, the chart included, go over the long connection.
  ({ ws, h, close } = await createLongConnectionHarness('digest_chart_lc', {
    now: '2026-11-17T10:00:00+08:00',
    instanceId: 'instance-a',
  }));
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await askOver(
    ws.fake,
    messageBody({ userid: 'office1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 设为代表群' }),
  );
});
afterAll(() => close());

it('the Monday digest goes to the group as text, then its chart as an uploaded picture', async () => {
  expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修 #公共交通')).toContain('YJ2026-001');
  h.clock.set(new Date('2026-11-22T15:00:00+08:00'));
  expect(await h.say('office1', '周报')).toContain('还会随后发一张图');

  h.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  expect(await h.scheduler.tick(h.clock.now())).toContainEqual({
    job: 'digest',
    slot: 'digest:2026-11-23T09:00',
    outcome: 'succeeded',
  });
  const queued = await h.models.OutboxItem.find({ group: 'digest:2026-11-23T09:00' }).sort({ seq: 1 }).lean();
  expect(queued.map((q) => [q.key, q.channel, q.msgtype])).toEqual([
    ['digest:2026-11-23T09:00:1', 'aibot', 'markdown'],
    ['digest:2026-11-23T09:00:chart', 'aibot', 'image'],
  ]);
  expect(await h.models.JobRun.findOne({ slot: 'digest:2026-11-23T09:00' }).lean()).toMatchObject({
    counts: { parts: 1, charts: 1 },
  });

  const from = ws.fake.frames.length;
  expect(await h.drain()).toMatchObject({ sent: 2, failed: 0 });
  const out = ws.fake.frames.slice(from).filter((f) => f.cmd?.startsWith('aibot_'));
  // Text first, then the upload, then the picture: the order of the digest's parts.
  expect(out.map((f) => f.cmd)).toEqual([
    'aibot_send_msg',
    'aibot_upload_media_init',
    ...out.filter((f) => f.cmd === 'aibot_upload_media_chunk').map(() => 'aibot_upload_media_chunk'),
    'aibot_upload_media_finish',
    'aibot_send_msg',
  ]);
  expect(out[0]?.body).toMatchObject({ chatid: 'wr-deputies', chat_type: 2, msgtype: 'markdown' });
  const picture = out.at(-1)!;
  expect(picture.body).toMatchObject({ chatid: 'wr-deputies', chat_type: 2, msgtype: 'image' });
  const media = ws.fake.media.get((picture.body?.image as { media_id: string }).media_id);
  expect(media?.type).toBe('image');
  expect(media?.bytes.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  expect(media?.bytes.equals(Buffer.from(queued[1]!.content, 'base64'))).toBe(true);
});
