import { type Harness, createHarness } from '../helpers/harness';

// Everything here is stated as UTC instants, so it holds whatever zone the server is in (a jest
// worker cannot switch zones; test/unit/cron-server-tz.spec.ts runs the slot arithmetic under several).

let h: Harness;

beforeAll(async () => {
  h = await createHarness('scheduler_tz', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhangsan', '张三');
});
afterAll(async () => h.close());

/** Ticks at a UTC instant (what the server's clock really holds) and drains the outbox. */
async function tickAtUtc(iso: string) {
  h.clock.set(iso);
  await h.scheduler.tick(h.clock.now());
  await h.drain();
}

const meetingReminders = () => h.groupTexts().filter((t) => t.startsWith('**会议提醒**'));
const announcements = () => h.groupTexts().filter((t) => t.includes('【公告】'));

it('sends reminders and scheduled announcements in the right Beijing minute', async () => {
  // Meeting at 14:00 Beijing on Tuesday 24 November = 06:00Z; the 2-hour reminder is due at 04:00Z.
  expect(
    await h.say('office1', '会议通知 主席团会议 时间：11月24日14:00 地点：镇政府三楼会议室 类型：主席团会议'),
  ).toContain('HY2026-001');
  // 09:00 Beijing on Monday 23 November = 01:00Z (Sunday evening in the Americas).
  expect(await h.say('office1', '公告 时间：11月23日 09:00 本周工作安排见附件')).toContain(
    '2026年11月23日（周一）09:00',
  );

  await tickAtUtc('2026-11-23T00:59:00Z');
  expect(announcements()).toHaveLength(0);
  await tickAtUtc('2026-11-23T01:00:00Z');
  expect(announcements()).toHaveLength(1);

  // The 24-hour reminder: 14:00 Beijing on Monday = 06:00Z.
  await tickAtUtc('2026-11-23T05:59:00Z');
  expect(meetingReminders()).toHaveLength(0);
  await tickAtUtc('2026-11-23T06:00:00Z');
  expect(meetingReminders()).toHaveLength(1);

  await tickAtUtc('2026-11-24T03:59:00Z');
  expect(meetingReminders()).toHaveLength(1);
  await tickAtUtc('2026-11-24T04:00:00Z');
  await tickAtUtc('2026-11-24T04:01:00Z');
  expect(meetingReminders()).toHaveLength(2);
  expect(meetingReminders()[1]).toContain('约2小时后开始');
  expect(announcements()).toHaveLength(1);

  // Slots are named by Beijing wall time, whatever the server's zone.
  expect(await h.models.JobRun.findOne({ slot: 'reminders:2026-11-24T12:00' }).lean()).toMatchObject({
    status: 'succeeded',
  });
  // The digest slot is Monday 09:00 Beijing (01:00Z), not 09:00 in the server's zone.
  expect(await h.models.JobRun.findOne({ slot: 'digest:2026-11-23T09:00' }).lean()).toMatchObject({
    slotAt: new Date('2026-11-23T01:00:00Z'),
  });
});

it('start() catches up at once and stop() waits for the run to finish', async () => {
  // Wednesday 10:30 Beijing: the 10:00 study slot is due and has no run yet.
  h.clock.set('2026-11-25T02:30:00Z');
  await h.say('office1', '学习资料 宪法学习 https://example.com/xf');
  h.scheduler.start();
  await h.scheduler.stop();
  expect(await h.models.JobRun.findOne({ slot: 'study:2026-11-25T10:00' }).lean()).toMatchObject({
    status: 'succeeded',
    counts: { pushed: 1 },
  });
  const status = await h.scheduler.status(h.clock.now());
  expect(status.find((s) => s.name === 'study')!.nextDueAt).toEqual(new Date('2026-12-02T02:00:00Z'));
});
