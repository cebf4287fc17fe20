import { signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { seedPerformanceYear } from '../helpers/performance-year';

// The optional 履职积分, switched on by PERFORMANCE_SCORE: the deputy sees their own, the office a table.

let h: Harness;
beforeAll(async () => {
  h = await createHarness('performance-score', {
    officeUserIds: ['office1'],
    env: { PERFORMANCE_SCORE: '会议=2,活动=2,建议=3,满意=1,值班=1,学习=0.5' },
  });
  await seedPerformanceYear(h);
}, 90_000);
afterAll(async () => h.close());

// 张三 2026 (test/helpers/performance-year.ts): Q1 filed YJ2026-001 (满意) and YJ2026-002 → 2×3 + 1×1 = 7;
// Q2 two activities, one meeting, one shift → 2×2 + 1×2 + 1×1 = 7; Q3 one study item → 0.5.
it('adds the score with its formula and quarters to the deputy’s own 履职', async () => {
  const reply = await h.say('zhangsan', '履职 2026');
  expect(reply).toContain('履职积分（2026年，仅本人可见）：共 14.5 分');
  expect(reply).toContain('积分规则：出席会议 2 分/次，参加活动 2 分/次，提出建议 3 分/件，建议获评满意 1 分/件');
  expect(reply).toContain('第1季度 7 分：提出建议 2×3 + 建议获评满意 1×1');
  expect(reply).toContain('第2季度 7 分：出席会议 1×2 + 参加活动 2×2 + 值班到岗 1×1');
  expect(reply).toContain('第3季度 0.5 分：学习 1×0.5');
  // The office asking about 张三 in chat gets the record, not the score.
  expect(await h.say('office1', '履职 2026 张三')).not.toContain('积分');
});

it('shows the deputy only their own score in the console, with the records counted', async () => {
  const me = await signIn(h, 'zhangsan');
  const r = await me.get('/api/console/me/performance?year=2026');
  expect(r.body.score.total).toBe(14.5);
  const q1 = r.body.score.quarters[0];
  expect(
    q1.parts.find((p: { item: string }) => p.item === 'opinion').records.map((x: { code: string }) => x.code),
  ).toEqual(['YJ2026-001', 'YJ2026-002']);
  const li = await signIn(h, 'lisi');
  const theirs = await li.get('/api/console/me/performance?year=2026&userid=zhangsan');
  expect(theirs.body.name).toBe('李四');
  expect(theirs.body.score.total).not.toBe(14.5);
  expect((await li.get('/api/console/performance/scores?year=2026')).status).toBe(403);
});

it('gives the office the table of every deputy by quarter, with the formula', async () => {
  const office = await signIn(h, 'office1');
  const r = await office.get('/api/console/performance/scores?year=2026');
  expect(r.status).toBe(200);
  expect(r.body.enabled).toBe(true);
  expect(r.body.formula).toContain('提出建议 3 分/件');
  const zhang = r.body.rows.find((x: { userid: string }) => x.userid === 'zhangsan');
  expect(zhang).toEqual({ userid: 'zhangsan', name: '张三', quarters: [7, 7, 0.5, 0], total: 14.5 });
  expect(r.body.rows.map((x: { name: string }) => x.name)).toEqual(['李四', '王五', '张三']);
});
