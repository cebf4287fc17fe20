import { type Harness, createHarness } from '../helpers/harness';
import { signIn } from '../helpers/console';

// Two instances on one database, each with its own copy of the holiday calendar (re-read every few
// minutes). An arrangement entered through one must count in the next deadline the other STORES: the
// shared clock never moves here, so the other's copy stays the one it started with.

// Monday 2026-12-28. chinese-days knows 2026, not 2027.
const SET_2027 = '节假日 设置 2027 休：1月1日-1月3日，2月15日-2月23日 班：2月14日，2月28日';
// 15 working days from Monday 2026-12-28 with 1 January off: Dec 29-31, Jan 4-8, 11-15, 18, 19.
// (On weekends only, the estimate, Friday 1 January would count and the deadline be Monday 18 January.)
const DAY_15 = '2027年1月19日（周二）';

let a: Harness;
let b: Harness;

beforeAll(async () => {
  const options = { now: '2026-12-28T10:00:00+08:00' };
  a = await createHarness('holidays_instances', options);
  b = await createHarness('holidays_instances_b', { ...options, db: a.db, clock: a.clock });
  await a.addDeputy('zhang', '张三');
  // Both instances have read the calendar (no 2027) before the office enters the year.
  expect(await b.say('office1', '节假日 2027')).toContain('还没有录入');
  expect(await a.say('office1', SET_2027)).toContain('已保存 2027 年');
});
afterAll(async () => {
  await b.close();
  await a.close();
});

async function file(text: string): Promise<string> {
  return /YJ2026-\d{3}/.exec(await a.say('zhang', `建议 ${text}`))![0];
}

const stored = async (code: string) => (await a.models.Opinion.findOne({ code }).lean())!;

it('交办 with 15个工作日 through the other instance stores a deadline that honours the entered holidays', async () => {
  const code = await file('村口路灯坏了三个月，晚上出行很不方便，请尽快维修');
  const reply = await b.say('office1', `交办 ${code} 单位：交通运输局 期限：15个工作日`);
  expect(reply).toContain(DAY_15);
  expect(reply).not.toContain('按周末估算');
  const o = await stored(code);
  expect(o.deadline).toEqual(new Date('2027-01-19T15:59:59.999Z'));
  expect(o.deadlineEstimated).toBeFalsy();
});

it('交办 without a 期限 (the default 15 working days) through the other instance does too', async () => {
  const code = await file('小学门口缺少减速带，车辆速度很快，家长很担心');
  expect(await b.say('office1', `交办 ${code} 单位：交通运输局`)).toContain(DAY_15);
  expect((await stored(code)).deadline).toEqual(new Date('2027-01-19T15:59:59.999Z'));
});

it("the console's 交办 in working days through the other instance does too", async () => {
  const code = await file('西街下水道堵了一个星期，雨天积水很深');
  const office = await signIn(b, 'office1');
  const { version } = (await office.get(`/api/console/opinions/${code}`)).body as { version: number };
  const r = await office.post(`/api/console/opinions/${code}/assign`, { unit: '住建局', workdays: 15, version });
  expect(r.status).toBe(200);
  const o = await stored(code);
  expect(o.deadline).toEqual(new Date('2027-01-19T15:59:59.999Z'));
  expect(o.deadlineEstimated).toBeFalsy();
});

it("an activity's 截止 in working days through the other instance does too", async () => {
  // Dec 29, 30, 31, Jan 4, 5 (estimated: Jan 1 would count, ending on Monday 4 January).
  const created = await b.say('office1', '发布活动 新年视察 时间：2027年1月20日 9:00 地点：镇政府 截止：5个工作日');
  expect(created).toMatch(/报名截止：2027年1月5日（周二）/);
  expect(created).not.toContain('按周末估算');
  const code = /HD2026-\d{3}/.exec(created)![0];
  const stored = (await a.models.Activity.findOne({ code }).lean())!;
  expect(stored.deadline).toEqual(new Date('2027-01-05T15:59:59.999Z'));
  expect(stored.deadlineEstimated).toBe(false);
  // 修改活动 with a new 截止 counts on the entered year as well.
  expect(await b.say('office1', `修改活动 ${code} 截止：6个工作日`)).toMatch(/2027年1月6日（周三）/);
});

it('a correction to a year the other instance already has counts there once its copy is re-read (refreshMs)', async () => {
  // Accepted window (docs/architecture.md, per-instance caches): no year is missing, so no re-read per 交办.
  const set2026 =
    '节假日 设置 2026 休：1月1日-1月3日，2月15日-2月23日，4月4日-4月6日，5月1日-5月5日，6月19日-6月21日，' +
    '9月25日-9月27日，10月1日-10月7日，12月30日 班：1月4日，2月14日，2月28日，5月9日，9月20日，10月10日';
  expect(await a.say('office1', set2026)).toContain('已保存 2026 年');
  const code = await file('村里垃圾清运不及时，夏天气味很大');
  a.clock.advance(b.config.tunables.holidays.refreshMs + 1);
  b.services.holidays.calendar();
  await b.services.holidays.settled();
  // Dec 29, 31, Jan 4, 5, 6 (with the bundled 2026: Dec 29, 30, 31, Jan 4, 5).
  expect(await b.say('office1', `交办 ${code} 单位：环卫所 期限：5个工作日`)).toContain('2027年1月6日（周三）');
});

it("a day off entered through one instance decides the other instance's overdue run that day", async () => {
  const c = await createHarness('holidays_instances_c', { now: '2026-11-23T09:29:00+08:00' });
  const d = await createHarness('holidays_instances_d', { now: '2026-11-23T09:29:00+08:00', db: c.db, clock: c.clock });
  try {
    // The bundled 2026 arrangement plus Monday 23 November as a day off.
    const set2026 =
      '节假日 设置 2026 休：1月1日-1月3日，2月15日-2月23日，4月4日-4月6日，5月1日-5月5日，6月19日-6月21日，' +
      '9月25日-9月27日，10月1日-10月7日，11月23日 班：1月4日，2月14日，2月28日，5月9日，9月20日，10月10日';
    expect(await c.say('office1', set2026)).toContain('已保存 2026 年');
    c.clock.set(new Date('2026-11-23T09:30:00+08:00'));
    await d.scheduler.tick(c.clock.now());
    expect(await d.models.JobRun.findOne({ slot: 'overdue:2026-11-23T09:30' }).lean()).toMatchObject({
      note: 'not_workday',
    });
  } finally {
    await d.close();
    await c.close();
  }
});
