import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// 跟踪: a case answered B or C comes back in 督办 on the day the office sets; 重办: a closed case whose problem
// returned goes back to its unit in a new round, in the timeline and the operation log.
let h: Harness;
let office: ConsoleClient;
const at = (s: string) => h.clock.set(`${s}+08:00`);
const say = (who: string, text: string) => h.say(who, text);

beforeAll(async () => {
  h = await createHarness('units_follow_up', { now: '2026-11-02T10:00:00+08:00' });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  for (const text of ['村口路灯坏了', '河边垃圾堆积', '老街消防通道被占用', '学校门口缺少斑马线'])
    await say('zhangsan', `建议 ${text}，请尽快处理`);
  for (const n of [1, 2, 3, 4]) await say('clerk', `交办 ${n} 单位：住建办`);
  await h.models.HandlingUnit.updateOne(
    { name: '住建办' },
    { $push: { contacts: { userid: 'zjb1', name: '住建办李工', addedAt: h.clock.now() } } },
  );
  await say('clerk', '答复 1 B 已安排清运，每周两次');
  await say('clerk', '答复 2 C 已列入明年改造计划');
  await say('clerk', '答复 3 A 已修复');
  await say('clerk', '办结 3');
  office = await signIn(h, 'clerk');
}, 60_000);
afterAll(async () => h?.close());

describe('跟踪', () => {
  it('sets a follow-up day on a B case; it comes back in 督办 on that day, not before', async () => {
    expect(await say('clerk', '跟踪 1 11月10日')).toBe(
      '已设 YJ2026-001（B 正在解决）的跟踪日期：2026年11月10日（周二）。到那天它会出现在「督办」和每天的督办提醒里。',
    );
    at('2026-11-09T10:00:00');
    expect(await say('clerk', '督办')).not.toContain('跟踪到期');
    at('2026-11-10T08:00:00');
    const report = await say('clerk', '督办');
    expect(report).toContain('**跟踪到期**（B、C 类答复，1 件）');
    expect(report).toContain(
      '- YJ2026-001 村口路灯坏了，请尽快处理（住建办，B 正在解决，跟踪日期 2026年11月10日（周二））',
    );
    // It stays listed until the case moves on (closed here).
    at('2026-11-12T10:00:00');
    expect(await say('clerk', '督办')).toContain('YJ2026-001 村口路灯坏了');
    await say('clerk', '办结 1');
    expect(await say('clerk', '督办')).not.toContain('跟踪到期');
    const o = (await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean())!;
    expect(o.timeline.filter((e) => e.action === 'followUp')).toHaveLength(1);
  });

  it('refuses a case whose answer promised nothing more, a case not answered, and a day gone', async () => {
    expect(await say('clerk', '跟踪 3 12月1日')).toContain('目前是「已办结」，不能设跟踪日期');
    expect(await say('clerk', '跟踪 4 12月1日')).toContain('目前是「已交办」');
    await say('clerk', '答复 4 A 已施划斑马线');
    expect(await say('clerk', '跟踪 4 12月1日')).toContain(
      'YJ2026-004 的答复是 A 类：只有 B（正在解决）、C（列入计划）的建议需要设跟踪日期',
    );
    expect(await say('clerk', '跟踪 2 2026-11-01')).toContain('已经过去');
    expect(await say('clerk', '跟踪 2')).toContain('例：跟踪 YJ2026-001 12月31日');
    expect((await h.models.Opinion.findOne({ code: 'YJ2026-002' }).lean())!.followUpAt).toBeUndefined();
  });

  it('takes working days from the chat and a day from the console, retry-safe, with field errors', async () => {
    // 20 working days from Thursday 11-12: Thursday 12-10.
    expect(await say('clerk', '跟踪 2 20个工作日')).toContain('跟踪日期：2026年12月10日（周四）');
    // Sessions last 7 days: the clock has moved on since beforeAll.
    office = await signIn(h, 'clerk');
    const page = (await office.get('/api/console/opinions/YJ2026-002')).body;
    expect(page.actions).toEqual(['close', 'followUp']);
    expect(page.followUpAt).toBe('2026-12-10T15:59:59.999Z');
    const path = '/api/console/opinions/YJ2026-002/followUp';
    const empty = await office.post(path, { version: page.version });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.deadline).toBeTruthy();
    const past = await office.post(path, { deadline: '2026-11-01', version: page.version });
    expect(past.status).toBe(422);
    expect(past.body.error.fields.deadline).toBeTruthy();
    const ok = await office.post(path, { deadline: '2026-12-20', version: page.version });
    expect(ok.status).toBe(200);
    expect(ok.body.followUpAt).toBe('2026-12-20T15:59:59.999Z');
    // The same request again (a retry) is the same step, not a second one; a stale page is told.
    expect((await office.post(path, { deadline: '2026-12-20', version: page.version })).status).toBe(200);
    const after = (await h.models.Opinion.findOne({ code: 'YJ2026-002' }).lean())!;
    expect(after.timeline.filter((e) => e.action === 'followUp')).toHaveLength(2);
    expect((await office.post(path, { deadline: '2026-12-21', version: page.version })).status).toBe(409);
  });
});

describe('重办', () => {
  it('reopens a closed case in a new round: the timeline, the filer, the unit and the operation log', async () => {
    at('2026-11-16T10:00:00');
    await h.drain();
    const before = h.groupTexts().length;
    expect(await say('clerk', '重办 3 修好后又坏了')).toBe(
      '已重办 YJ2026-003：第 2 轮交「住建办」办理，期限 2026年12月7日（周一）。提出人和单位联系人会收到通知。',
    );
    const o = (await h.models.Opinion.findOne({ code: 'YJ2026-003' }).lean())!;
    expect(o).toMatchObject({ status: '已交办', round: 2, unit: '住建办' });
    expect(o.answer).toBeUndefined();
    expect(o.closedAt).toBeUndefined();
    expect(o.rounds.map((r) => [r.round, r.resolution ?? null])).toEqual([
      [1, 'A'],
      [2, null],
    ]);
    expect(o.timeline.at(-1)).toMatchObject({ action: 'redone', round: 2, note: '修好后又坏了', by: 'clerk' });
    expect(await say('zhangsan', '进度 3')).toContain(
      '赵干事 重办：第 2 轮交「住建办」，期限 2026年12月7日（周一）（修好后又坏了）',
    );
    await h.drain();
    const told = h.groupTexts().slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^<@zhangsan> <@zjb1>\n\*\*重办\*\*：\*\*YJ2026-003\*\*/);
    office = await signIn(h, 'clerk');
    const audit = await office.get('/api/console/audit?code=YJ2026-003');
    expect(audit.body.items[0]).toMatchObject({ what: '重办', via: 'chat', op: 'update', who: { userid: 'clerk' } });
  });

  it('is retry-safe and refuses what is not closed or has no reason', async () => {
    const msgid = 'reopen-retry-1';
    await say('clerk', '办结 1');
    expect(await say('clerk', '重办 2 没有办结')).toContain('目前是「已答复」，不能重办');
    expect(await say('clerk', '重办 3 再一次')).toContain('已交办');
    expect(await say('clerk', '重办 1')).toContain('例：重办 YJ2026-001 路灯又坏了');
    const first = await h.say('clerk', '重办 1 清运又停了', { msgid });
    const again = await h.say('clerk', '重办 1 清运又停了', { msgid });
    expect(again).toBe(first);
    const o = (await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean())!;
    expect(o.round).toBe(2);
    expect(o.timeline.filter((e) => e.action === 'redone')).toHaveLength(1);
    expect(o.followUpAt).toBeUndefined();
    // The console's button: only on a closed case; a reason is a field.
    const page = (await office.get('/api/console/opinions/YJ2026-004')).body;
    expect(page.actions).toEqual(['close']);
    await say('clerk', '办结 4');
    const closed = (await office.get('/api/console/opinions/YJ2026-004')).body;
    expect(closed.actions).toEqual(['reopen']);
    const path = '/api/console/opinions/YJ2026-004/reopen';
    const missing = await office.post(path, { reason: ' ', version: closed.version });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.reason).toBeTruthy();
    const ok = await office.post(path, { reason: '斑马线被刮掉了', version: closed.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: '已交办', round: 2, colour: { colour: 'green' } });
    expect(ok.body.timeline.at(-1)).toMatchObject({ action: 'redone', actionLabel: '重办', via: 'console' });
  });
});
