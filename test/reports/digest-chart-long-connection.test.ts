import { ManualClock } from '../../src/clock';
import { ManualTimers } from '../../src/wecom/long-connection/timers';
import { startFakeWecomWs } from '../helpers/fake-wecom-ws';
import { type Harness, createHarness } from '../helpers/harness';

let ws: Awaited<ReturnType<typeof startFakeWecomWs>>;
let h: Harness;

beforeAll(async () => {
  ws = await startFakeWecomWs();
  const clock = new ManualClock('2026-11-17T10:00:00+08:00');
  // No webhook key: group pushes go over the long connection, which cannot send pictures.
  h = await createHarness('digest_chart_lc', {
    clock,
    env: { WECOM_BOT_ID: ws.botId, WECOM_BOT_SECRET: ws.secret, WECOM_WS_URL: ws.url, WECOM_WEBHOOK_KEY: '' },
    compose: { timers: new ManualTimers(clock), instanceId: 'instance-a' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('office1', '王主任', { isOffice: true });
});
afterAll(async () => {
  await h.close();
  await ws.close();
});

it('the digest goes out as text only, the chart is skipped with a log line, and the preview promises none', async () => {
  expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修 #公共交通')).toContain('YJ2026-001');
  h.clock.set(new Date('2026-11-22T15:00:00+08:00'));
  expect(await h.say('office1', '周报')).not.toContain('还会随后发一张图');

  h.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  expect(await h.scheduler.tick(h.clock.now())).toContainEqual({
    job: 'digest',
    slot: 'digest:2026-11-23T09:00',
    outcome: 'succeeded',
  });
  const queued = await h.models.OutboxItem.find({ group: 'digest:2026-11-23T09:00' }).lean();
  expect(queued.map((q) => [q.key, q.channel, q.msgtype])).toEqual([
    ['digest:2026-11-23T09:00:1', 'aibot', 'markdown'],
  ]);
  expect(h.logLines.join('')).toContain('digest chart skipped: group pushes go over the long connection');
  expect(await h.models.JobRun.findOne({ slot: 'digest:2026-11-23T09:00' }).lean()).toMatchObject({
    counts: { parts: 1, charts: 0 },
  });
});
