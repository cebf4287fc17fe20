import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('roster', { officeUserIds: ['office1'] });
});
afterAll(async () => h.close());

it('office adds a deputy who can then use the bot', async () => {
  expect(await h.say('wangwu', '帮助')).toContain('名册');
  expect(await h.say('office1', '代表 添加 wangwu 王五 小组：农村农业 层级：县')).toBe(
    '已把 王五（wangwu）加入代表名册（县级，专业小组：农村农业）。',
  );
  expect(await h.say('wangwu', '帮助')).toContain('王五');
});

it('accepts a userid typed with full-width letters', async () => {
  expect(await h.say('office1', '代表 添加 ｚｈｏｕｂａ 周八')).toBe('已把 周八（zhouba）加入代表名册（镇级）。');
});

it('re-adding the same userid updates instead of duplicating', async () => {
  expect(await h.say('office1', '代表 添加 wangwu 王五 层级：镇')).toContain('已更新 王五');
  expect(await h.models.Deputy.countDocuments({ userid: 'wangwu' })).toBe(1);
});

it.each([
  ['代表 添加 wangwu', '格式：代表 添加'],
  ['代表 添加 bad/id 张三', '不像企业微信账号'],
  ['代表 添加 zhaoliu 赵六 层级：省', '层级只能是'],
  ['代表 添加 zhaoliu 赵六 小组：不存在的组', '专业小组只能是'],
  ['代表 添加 other 王五', '名册中已有另一位「王五」'],
  ['代表 停用 不存在的人', '名册中没有在册的「不存在的人」'],
  ['代表 乱写', '代表名册命令'],
  ['代表 停用', '请写上代表的姓名（或企业微信账号），例：代表 停用 张三'],
  ['代表 设为办公室', '例：代表 设为办公室 张三'],
])('refuses %s with an actionable line', async (cmd, expected) => {
  expect(await h.say('office1', cmd)).toContain(expected);
});

it('lists the roster for the office only, without phone numbers', async () => {
  await h.say('office1', '代表 添加 lisi 李四');
  // The phone comes from the bulk import; it is office roster data and no chat reply shows it.
  await h.models.Deputy.updateOne(
    { userid: 'lisi' },
    { $set: { phone: '13900139000', station: '西村联络站', district: '第二选区' } },
  );
  const list = await h.say('office1', '代表 列表');
  expect(list).not.toMatch(/139\d*|\*{4}9000/);
  expect(await h.say('office1', '履职 李四')).not.toContain('139');
  expect(list).toContain('李四（lisi）');
  expect(list).toContain('王五（wangwu）镇级 · 农村农业');
  expect(await h.say('lisi', '代表 列表')).toContain('只有人大办');
});

it('grants and removes the office role, never the last office member', async () => {
  await h.say('office1', '代表 添加 zhao 赵主任');
  expect(await h.say('office1', '代表 设为办公室 赵主任')).toBe('已把 赵主任 设为人大办工作人员。');
  expect(await h.say('zhao', '代表 列表')).toContain('代表名册');
  expect(await h.say('office1', '代表 设为办公室 赵主任')).toContain('已经是人大办');
  expect(await h.say('office1', '代表 取消办公室 李四')).toContain('不是人大办');
  expect(await h.say('zhao', '代表 取消办公室 office1')).toContain('服务器配置（OFFICE_USERIDS）');
  // office1 (from OFFICE_USERIDS) remains, so 赵主任 may step down.
  expect(await h.say('zhao', '代表 取消办公室 赵主任')).toBe('已取消 赵主任 的人大办权限。');
  expect(await h.say('zhao', '代表 列表')).toContain('只有人大办');
});

it('never removes the last office member', async () => {
  const solo = await createHarness('roster-solo', { officeUserIds: [] });
  try {
    await solo.addDeputy('solo', '孙主任', { isOffice: true });
    expect(await solo.say('solo', '代表 取消办公室 孙主任')).toBe(
      '不能取消最后一位人大办工作人员的权限，请先设置另一位。',
    );
    expect(await solo.say('solo', '代表 列表')).toContain('孙主任（solo）镇级 · 人大办');
  } finally {
    await solo.close();
  }
});

it('deactivating a deputy shuts them out with a clear line and keeps the record', async () => {
  expect(await h.say('office1', '代表 停用 李四')).toContain('已停用 李四');
  expect(await h.say('lisi', '帮助')).toContain('已停用');
  expect(await h.say('office1', '代表 停用 office1')).toContain('名册中没有');
  expect(await h.models.Deputy.countDocuments({ userid: 'lisi', active: false })).toBe(1);
  expect(await h.say('office1', '代表 添加 lisi 李四')).toContain('重新启用');
});

it('two concurrent removals of the last two office members never leave the office empty', async () => {
  const race = await createHarness('roster-race', { officeUserIds: [] });
  const done = /^已(取消|停用)/;
  // A message that arrives after the other one took effect finds its sender no longer office (or inactive).
  const refused =
    /^(不能取消最后一位|另一项人大办权限变更正同时进行|您的代表账号已停用|「代表」只有人大办工作人员可以使用)/;
  try {
    for (let i = 0; i < 6; i += 1) {
      await race.addDeputy(`a${i}`, `甲${i}`, { isOffice: true });
      await race.addDeputy(`b${i}`, `乙${i}`, { isOffice: true });
      // Each revokes the other at the same moment; every other round one deactivates instead.
      const replies = await Promise.all([
        race.say(`a${i}`, `代表 ${i % 2 ? '停用' : '取消办公室'} 乙${i}`),
        race.say(`b${i}`, `代表 取消办公室 甲${i}`),
      ]);
      // 甲 may act first: 乙's message is then read as from a deactivated account or a non-office member.
      const shutOut = i % 2 ? /^您的代表账号已停用/ : /^「代表」只有人大办工作人员可以使用/;
      expect(done.test(replies[0]) || refused.test(replies[0])).toBe(true);
      expect(done.test(replies[1]) || refused.test(replies[1]) || shutOut.test(replies[1])).toBe(true);
      expect(replies.filter((r) => done.test(r)).length).toBeLessThanOrEqual(1);
      expect(await race.models.Deputy.countDocuments({ active: true, isOffice: true })).toBeGreaterThanOrEqual(1);
      await race.models.Deputy.updateMany({}, { $set: { active: false, isOffice: false } });
    }
  } finally {
    await race.close();
  }
}, 60_000);
