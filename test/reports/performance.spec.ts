import { type Harness, createHarness } from '../helpers/harness';
import { seedPerformanceYear } from '../helpers/performance-year';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('performance', { officeUserIds: ['office1'] });
  await seedPerformanceYear(h);
}, 60_000);
afterAll(async () => h.close());

it('shows a deputy their own year with every figure', async () => {
  expect(await h.say('zhangsan', '履职')).toBe(
    [
      '**张三 2026年履职记录**（截至2026年11月22日（周日））',
      '意见建议：提出 2 件（其中群众反映 1 件），附议 1 件；已答复 2 件，已办结 1 件',
      '代表活动：报名 1 次，参加 2 次（视察 1、培训 1）',
      '会议：应到 1 次，出席 1 次，请假 0 次，缺席 0 次',
      '联络站值班：安排 1 次，到岗 1 次',
      '学习：已学 1 份（本年推送 1 份）',
      '发送「履职 2025」查看往年；「我的建议」「活动」「会议」查看明细。',
    ].join('\n'),
  );
});

it('counts co-signing by when it happened, and an excused meeting as excused', async () => {
  const reply = await h.say('lisi', '我的履职');
  expect(reply).toContain('意见建议：提出 1 件，附议 2 件；已答复 0 件，已办结 0 件');
  expect(reply).toContain('代表活动：报名 1 次，参加 0 次');
  expect(reply).toContain('会议：应到 1 次，出席 0 次，请假 1 次，缺席 0 次');
  expect(await h.say('wangwu', '履职')).toContain('会议：应到 1 次，出席 0 次，请假 0 次，缺席 1 次');
});

it('shows an earlier year without the as-of date', async () => {
  const reply = await h.say('zhangsan', '履职 ２０２５年');
  expect(reply.split('\n')[0]).toBe('**张三 2025年履职记录**');
  expect(reply).toContain('意见建议：提出 1 件，附议 0 件');
  expect(await h.say('zhangsan', '履职 去年')).toBe(reply);
});

it('lets the office see one deputy, and nobody else', async () => {
  const reply = await h.say('office1', '履职 李四 2026');
  expect(reply.split('\n')[0]).toBe('**李四 2026年履职记录**（截至2026年11月22日（周日））');
  expect(reply).toContain('npm run export -- register --year 2026');
  expect(await h.say('office1', '履职 2026 李四')).toBe(reply);
  expect(await h.say('lisi', '履职 张三')).toBe('只能查看自己的履职记录：发送「履职」或「履职 2026」。');
  expect(await h.say('office1', '履职 赵七')).toContain('名册中没有在册的「赵七」');
});

it.each([
  ['履职 2030', '「2030」不是可查询的年份：请写 2000 到 2026 之间的年份。例：履职 2026'],
  ['履职 26', '「26」不是可查询的年份'],
  ['履职 1999', '「1999」不是可查询的年份'],
])('refuses %s with the right form', async (cmd, expected) => {
  expect(await h.say('zhangsan', cmd)).toContain(expected);
});

it("the figures are the service's, itemised with what, when and result", async () => {
  const r = await h.services.performance.recordFor('zhangsan', 2026);
  expect(r.items.map((i) => [i.kind, i.code ?? i.title, i.result])).toEqual([
    ['opinion', 'YJ2026-001', 'closed'],
    ['opinion', 'YJ2026-002', 'answered'],
    ['cosign', 'YJ2026-003', 'cosigned'],
    ['activity', expect.stringMatching(/^HD2026-/), 'attended'],
    ['activity', expect.stringMatching(/^HD2026-/), 'attended'],
    ['meeting', expect.stringMatching(/^HY2026-/), 'attended'],
    ['shift', '东村联络站', 'attended'],
    ['study', 'XX2026-001', 'marked'],
  ]);
});
