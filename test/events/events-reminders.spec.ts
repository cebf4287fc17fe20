import { type Harness, createHarness } from '../helpers/harness';

// sendDueReminders is called directly with the injected clock (the scheduler wires the job).
let h: Harness;
const GRACE = 10 * 60_000;
const at = (iso: string) => new Date(iso);
const send = (iso: string) => h.services.events.sendDueReminders(at(iso), GRACE);

beforeAll(async () => {
  h = await createHarness('events-reminders');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
});
afterAll(async () => h.close());

beforeEach(async () => {
  await h.models.Activity.deleteMany({});
  await h.models.Meeting.deleteMany({});
  await h.models.Shift.deleteMany({});
  h.clock.set('2026-11-22T10:00:00+08:00');
  await h.drain();
  h.wecom.clear();
});

async function created(reply: string, prefix: 'HD' | 'HY'): Promise<string> {
  const code = new RegExp(`${prefix}2026-\\d{3}`).exec(reply)?.[0];
  if (!code) throw new Error(`no code in: ${reply}`);
  await h.drain();
  h.wecom.clear();
  return code;
}

it('sends each activity reminder once, at its minute, even from two runs at once', async () => {
  const code = await created(await h.say('office1', '发布活动 视察 时间：11月25日14:30 地点：敬老院 名额：5'), 'HD');
  await h.say('zhangsan', `报名 ${code}`);
  expect(await send('2026-11-24T14:29:59+08:00')).toBe(0);
  const [a, b] = await Promise.all([send('2026-11-24T14:30:00+08:00'), send('2026-11-24T14:30:00+08:00')]);
  expect(a + b).toBe(1);
  expect(await send('2026-11-24T14:31:00+08:00')).toBe(0);
  await h.drain();
  const texts = h.groupTexts();
  expect(texts).toHaveLength(1);
  expect(texts[0]).toContain('活动提醒');
  expect(texts[0]).toContain('<@zhangsan>');
  expect(await h.models.OutboxItem.countDocuments({ key: `reminder:${code}:1440` })).toBe(1);
  const doc = await h.models.Activity.findOne({ code }).lean();
  expect(doc!.reminders.map((r) => r.status)).toEqual(['sent', 'pending']);
  expect(doc!.nextReminderAt).toEqual(at('2026-11-25T12:30:00+08:00'));
});

it('marks a reminder older than the grace period skipped, not sent', async () => {
  const code = await created(await h.say('office1', '发布活动 调研 时间：11月25日14:30 地点：东村'), 'HD');
  expect(await send('2026-11-25T13:00:00+08:00')).toBe(0);
  const doc = await h.models.Activity.findOne({ code }).lean();
  expect(doc!.reminders.map((r) => r.status)).toEqual(['skipped', 'skipped']);
  expect(doc!.nextReminderAt).toBeNull();
  await h.drain();
  expect(h.groupTexts()).toEqual([]);
});

it('sends nothing after a cancellation, and follows a time change', async () => {
  const gone = await created(await h.say('office1', '发布活动 视察 时间：11月25日14:30 地点：敬老院'), 'HD');
  await h.say('office1', `取消活动 ${gone} 改期`);
  const moved = await created(await h.say('office1', '发布活动 培训 时间：11月25日9:00 地点：党校 类型：培训'), 'HD');
  await h.say('office1', `修改活动 ${moved} 时间：11月26日9:00`);
  await h.drain();
  h.wecom.clear();
  expect(await send('2026-11-24T09:00:00+08:00')).toBe(0);
  expect(await send('2026-11-24T14:30:00+08:00')).toBe(0);
  expect(await send('2026-11-25T09:00:00+08:00')).toBe(1);
  expect(await h.models.OutboxItem.countDocuments({ key: `reminder:${moved}:1440:r1` })).toBe(1);
  await h.drain();
  expect(h.groupTexts()).toHaveLength(1);
  expect(h.groupTexts()[0]).toContain('2026年11月26日（周四）09:00');
});

it('meetings too: nothing after a cancellation, reminders follow a time change', async () => {
  // A minute of its own: the robot sends at most 20 pushes a minute.
  h.clock.set('2026-11-22T11:00:00+08:00');
  const gone = await created(await h.say('office1', '会议通知 主席团会议 时间：11月25日14:30 地点：会议室'), 'HY');
  await h.say('office1', `取消会议 ${gone} 改期`);
  const moved = await created(
    await h.say('office1', '会议通知 人代会 时间：11月25日9:00 地点：礼堂 类型：人代会'),
    'HY',
  );
  await h.say('office1', `修改会议 ${moved} 时间：11月26日9:00`);
  await h.drain();
  h.wecom.clear();
  expect(await send('2026-11-24T09:00:00+08:00')).toBe(0);
  expect(await send('2026-11-24T14:30:00+08:00')).toBe(0);
  expect(await send('2026-11-25T09:00:00+08:00')).toBe(1);
  expect(await send('2026-11-25T12:30:00+08:00')).toBe(0);
  expect(await send('2026-11-26T07:00:00+08:00')).toBe(1);
  expect(await h.models.OutboxItem.countDocuments({ key: { $regex: `^reminder:${gone}:` } })).toBe(0);
  expect(await h.models.OutboxItem.countDocuments({ key: { $regex: `^reminder:${moved}:(1440|120):r1$` } })).toBe(2);
  await h.drain();
  expect(h.groupTexts().every((t) => t.includes('2026年11月26日（周四）09:00'))).toBe(true);
});

it('every meeting reminder names and @-mentions the deputies who have not answered yet', async () => {
  const code = await created(await h.say('office1', '会议通知 主席团会议 时间：11月25日14:30 地点：会议室'), 'HY');
  await h.say('zhangsan', `参加 ${code}`);
  expect(await send('2026-11-24T14:30:00+08:00')).toBe(1);
  await h.say('lisi', `请假 ${code} 出差`);
  expect(await send('2026-11-25T12:30:00+08:00')).toBe(1);
  await h.drain();
  const [day, twoHours] = h.groupTexts();
  expect(day).toContain('还没有回执');
  expect(day).toContain('李四、王五');
  expect(day).toContain('<@lisi> <@wangwu>');
  expect(day).not.toContain('张三');
  expect(twoHours).toContain('还没有回执');
  expect(twoHours).toContain('王五');
  expect(twoHours).toContain('<@wangwu>');
  expect(twoHours).not.toContain('张三');
  expect(twoHours).not.toContain('<@lisi>');
});

it('reminds the deputies on a shift the day before', async () => {
  await h.say('office1', '排班 11月28日 张三、李四 地点：东村代表联络站');
  await h.drain();
  h.wecom.clear();
  expect(await send('2026-11-27T08:59:00+08:00')).toBe(0);
  expect(await send('2026-11-27T09:00:00+08:00')).toBe(1);
  expect(await send('2026-11-27T09:01:00+08:00')).toBe(0);
  await h.drain();
  expect(h.groupTexts()).toHaveLength(1);
  expect(h.groupTexts()[0]).toContain('值班提醒');
  expect(h.groupTexts()[0]).toContain('<@zhangsan> <@lisi>');
});

it('escapes the station name in the shift reminder like every other push', async () => {
  await h.say('office1', '排班 11月29日 王五 地点：<@lisi>[西站](http://evil.example)');
  await h.drain();
  h.wecom.clear();
  expect(await send('2026-11-28T09:00:00+08:00')).toBe(1);
  await h.drain();
  const push = h.groupTexts()[0]!;
  expect(push).toContain('值班提醒');
  expect(push).toContain('＜@lisi＞［西站］(http://evil.example)');
  // Only the people on the shift are mentioned.
  expect(push).not.toContain('<@lisi>');
  expect(push).toContain('<@wangwu>');
});

it('upcoming() lists activities and meetings of the coming days for the digest', async () => {
  const act = await created(await h.say('office1', '发布活动 视察 时间：11月25日14:30 地点：敬老院 名额：3'), 'HD');
  await h.say('wangwu', `报名 ${act}`);
  const meet = await created(
    await h.say('office1', '会议通知 人代会 时间：11月26日9:00 地点：礼堂 类型：人代会'),
    'HY',
  );
  await h.say('zhangsan', `参加 ${meet}`);
  await created(await h.say('office1', '发布活动 远期 时间：12月20日9:00 地点：礼堂'), 'HD');
  const u = await h.services.events.upcoming(h.clock.now(), 7);
  expect(u.activities).toEqual([expect.objectContaining({ code: act, capacity: 3, confirmed: 1, place: '敬老院' })]);
  expect(u.meetings).toEqual([expect.objectContaining({ code: meet, expected: 3, answered: 1 })]);
});
