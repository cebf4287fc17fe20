import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
const at = (s: string) => h.clock.set(`${s}+08:00`);
const bj = (s: string) => new Date(`${s}+08:00`);

// A known year: eight opinions filed on 2026-03-02 (YJ2026-001…008) and one from 2025.
const TEXTS = {
  A: '村口路灯坏了，请尽快维修',
  B: '河边垃圾堆积，气味很大',
  C: '老街消防通道被占用，联系 13800001111',
  D: '希望增加学校周边的图书角',
  E: '邻里纠纷调解需要加强',
  F: '镇卫生院夜间没有医生值班',
  G: '养老院床位不足',
  H: '公交车班次太少',
};

beforeAll(async () => {
  h = await createHarness('opinions_reports', { now: '2025-12-30T10:00:00+08:00' });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  const say = (who: string, text: string) => h.say(who, text);

  await say('zhangsan', '建议 希望镇里统一安装污水管网');
  await say('clerk', '交办 YJ2025-001 单位：环保站');
  await say('clerk', '答复 YJ2025-001 C 已纳入明年计划');
  await say('clerk', '办结 YJ2025-001');

  at('2026-03-02T10:00:00');
  expect(await say('clerk', '督办')).toBe('目前没有红牌（逾期）或黄牌（3 个工作日内到期）的建议。');
  for (const text of Object.values(TEXTS)) await say('zhangsan', `建议 ${text}`);
  at('2026-03-02T11:00:00');
  await say('clerk', '交办 1 单位：公安分局 期限：2026-03-10');
  await say('clerk', '交办 2 单位：交通运输局 期限：2026-03-06');
  await say('clerk', '交办 3 单位：公安分局 期限：2026-03-20');
  await say('zhangsan', '撤回 4');
  await say('clerk', '退回 5 属于村民自治事项');
  await say('clerk', '交办 7 单位：民政办');
  await say('clerk', '交办 8 单位：交通运输局');
  at('2026-03-05T10:00:00');
  await say('clerk', '答复 1 A 已修复');
  await say('clerk', '答复 7 B 已协调增加床位');
  await say('clerk', '答复 8 C 已增开班次');
  await say('zhangsan', '评价 1 满意');
  await say('clerk', '办结 1');
  await say('clerk', '办结 7');
  at('2026-03-09T10:00:00');
  await say('clerk', '答复 2 A 已安排清运');
  at('2026-03-10T10:00:00');
  await say('zhangsan', '评价 2 不满意 清运后又堆起来了');
  await say('zhangsan', '评价 8 不满意 班次还是不够');
  at('2026-03-12T10:00:00');
  await say('clerk', '答复 2 A 已设置固定清运点');
  await say('zhangsan', '评价 2 基本满意');
}, 60_000);
afterAll(async () => h.close());

it('yearRates follows the single definition on the known data set', async () => {
  expect(await h.services.opinions.yearRates(2026)).toEqual({
    assignedOrLater: 5,
    answeredOrClosed: 3,
    closed: 2,
    rated: 3,
    satisfied: 2,
    resolved: 2,
    answerRate: '60.0%',
    closeRate: '40.0%',
    satisfactionRate: '66.7%',
    // A over answered: YJ2026-001 and -002 were answered A; the third answered case's class is B or C.
    resolveRate: '66.7%',
  });
  expect(await h.services.opinions.yearRates(2025)).toMatchObject({
    assignedOrLater: 1,
    closed: 1,
    rated: 0,
    closeRate: '100.0%',
    satisfactionRate: '—',
  });
  expect(await h.services.opinions.yearRates(2024)).toMatchObject({
    assignedOrLater: 0,
    answerRate: '—',
    closeRate: '—',
    satisfactionRate: '—',
  });
});

it('periodStats counts the steps that happened inside the window', async () => {
  expect(await h.services.opinions.periodStats(bj('2026-03-02T00:00:00'), bj('2026-03-09T00:00:00'))).toEqual({
    filed: 8,
    byCategory: { 城乡建设: 1, 公共交通: 1, 环境整治: 1, 安全生产: 1, 文化教育: 1, 其他: 1, 医疗卫生: 1, 社会保障: 1 },
    assigned: 5,
    answered: 3,
    closed: 2,
    ratings: { 满意: 1, 基本满意: 0, 不满意: 0 },
  });
  expect(await h.services.opinions.periodStats(bj('2026-03-09T00:00:00'), bj('2026-03-16T00:00:00'))).toEqual({
    filed: 0,
    byCategory: {},
    assigned: 0,
    answered: 2,
    closed: 0,
    ratings: { 满意: 0, 基本满意: 1, 不满意: 2 },
  });
});

it('统计 shows states, categories, units and the three rates for a period', async () => {
  at('2026-03-25T10:00:00');
  const year = await h.say('clerk', '统计');
  expect(year).toContain('**2026年意见建议统计**\n共 8 件');
  expect(year).toContain('按状态：待交办 1，已交办 2，已答复 1，已办结 2，已撤回 1，已退回 1');
  expect(year).toContain(
    '按类别：社会保障 1，文化教育 1，城乡建设 1，公共交通 1，医疗卫生 1，环境整治 1，安全生产 1，其他 1',
  );
  expect(year).toContain('答复率 60.0% · 办结率 40.0% · 满意率 66.7%');
  expect(year).toContain('- 交通运输局：4 / 2 / 1');
  expect(year).toContain('- 公安分局：2 / 1 / 1');
  expect(year).toContain('- 民政办：1 / 1 / 0');
  expect(await h.say('clerk', '统计 本月')).toContain('**2026年3月意见建议统计**\n共 8 件');
  const last = await h.say('clerk', '统计 ２０２５');
  expect(last).toContain('共 1 件');
  expect(last).toContain('答复率 100.0% · 办结率 100.0% · 满意率 —');
  expect(await h.say('clerk', '统计 2024')).toBe(
    '2024年还没有意见建议。\n**活动与会议**\n这段时间没有已举行的活动或会议。',
  );
  expect(await h.say('clerk', '统计 上周')).toContain('本年、本月 或 年份');
});

it('督办 and the overdue contracts list overdue and soon-due opinions by unit, masked', async () => {
  at('2026-03-29T10:00:00');
  const report = await h.services.opinions.overdueReport(h.clock.now());
  expect(report).not.toBeNull();
  expect(await h.say('clerk', '督办')).toBe(report);
  expect(report).toContain('红牌（逾期）1 件，黄牌（3 个工作日内到期）1 件');
  expect(report).not.toContain('13800001111');
  const lines = report!.split('\n');
  const police = lines.indexOf('**公安分局**');
  const transport = lines.indexOf('**交通运输局**');
  expect(police).toBeGreaterThan(0);
  expect(transport).toBeGreaterThan(police);
  expect(lines[police + 1]).toContain(
    // Working days since the deadline (Friday 03-20): 03-23 … 03-27; a Sunday counts none.
    '【红牌】YJ2026-003 老街消防通道被占用，联系 138****1111（<font color="warning">逾期 5 个工作日</font>',
  );
  expect(lines[transport + 1]).toContain(
    '【黄牌】YJ2026-008 公交车班次太少（还剩 2 个工作日，期限 2026年3月31日（周二））',
  );
  expect(report).not.toContain('YJ2026-002');

  expect(await h.services.opinions.overdueSummary(h.clock.now())).toEqual({
    count: 1,
    oldest: { code: 'YJ2026-003', title: '老街消防通道被占用，联系 138****1111', overdueDays: 9 },
  });
  expect(await h.services.opinions.overdueSummary(bj('2026-03-15T10:00:00'))).toEqual({ count: 0, oldest: undefined });
  expect(await h.services.opinions.overdueReport(bj('2026-03-13T10:00:00'))).toBeNull();
});
