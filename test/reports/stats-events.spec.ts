import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('stats-events', { now: '2026-11-02T09:00:00+08:00' });
  for (const [id, name] of [
    ['a1', '甲代表'],
    ['a2', '乙代表'],
    ['a3', '丙代表'],
  ] as const)
    await h.addDeputy(id, name);
});
afterAll(async () => h.close());

it('统计 reports activities held with attendance and meeting attendance, once they are over', async () => {
  expect(await h.say('office1', '发布活动 视察敬老院 时间：11月5日 9:00 地点：镇敬老院 名额：3 类型：视察')).toContain(
    'HD2026-001',
  );
  expect(await h.say('office1', '会议通知 主席团会议 时间：11月6日 14:00 地点：三楼会议室 类型：主席团会议')).toContain(
    'HY2026-001',
  );
  await h.say('a1', '报名 HD2026-001');
  await h.say('a2', '报名 HD2026-001');
  await h.say('a1', '回执 HY2026-001 参加');
  await h.say('a2', '请假 HY2026-001 外出学习');

  // Nothing has happened yet: nothing is counted.
  expect(await h.say('office1', '统计 本月')).toContain('这段时间没有已举行的活动或会议。');

  h.clock.set('2026-11-05T08:30:00+08:00');
  expect(await h.say('a1', '签到 HD2026-001')).toContain('签到');
  h.clock.set('2026-11-06T13:45:00+08:00');
  expect(await h.say('a1', '签到 HY2026-001')).toContain('签到');
  h.clock.set('2026-11-20T10:00:00+08:00');

  const stats = await h.say('office1', '统计 本月');
  expect(stats).toContain('活动 1 次（视察 1），报名 2 人次，签到 1 人次，到场率 50.0%');
  // Expected at the meeting: the three deputies on the roster (office1 comes from OFFICE_USERIDS only).
  expect(stats).toContain('会议 1 次，应到 3 人次：出席 1，请假 1，缺席 1，出席率 33.3%');
});
