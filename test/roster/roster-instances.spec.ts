import { type Harness, createHarness } from '../helpers/harness';
import { clientFor, signIn } from '../helpers/console';

// Two instances on one database, each with its own roster copy (3 s). A change made through one must
// never make the other refuse: a refusal that rests on the copy is only given after reading what is
// stored, and the stored reply (which WeCom's retries get) is never such a refusal.

let a: Harness;
let b: Harness;

beforeAll(async () => {
  const options = { now: '2026-11-02T09:00:00+08:00' };
  a = await createHarness('roster_instances', options);
  b = await createHarness('roster_instances_b', { ...options, db: a.db, clock: a.clock });
  await a.addDeputy('zhang', '张三');
  // Both instances hold a roster copy from before the changes below (the clock does not move).
  expect(await a.say('zhang', '帮助')).toContain('帮助');
  expect(await b.say('zhang', '帮助')).toContain('帮助');
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const storedReply = async (msgid: string) => (await a.models.InboundMessage.findById(`bot:${msgid}`).lean())?.reply;

it('a deputy added through one instance files through the other at once, and the stored reply is the filing', async () => {
  expect(await a.say('office1', '代表 添加 wu 吴六')).toContain('吴六');
  const reply = await b.say('wu', '建议 西街下水道堵了一个星期，雨天积水很深，请尽快疏通', { msgid: 'wu-file-1' });
  expect(reply).toContain('YJ2026-001');
  expect(await storedReply('wu-file-1')).toContain('YJ2026-001');
  // WeCom's retry of the same message gets the filing again.
  expect(await b.say('wu', '建议 西街下水道堵了一个星期，雨天积水很深，请尽快疏通', { msgid: 'wu-file-1' })).toContain(
    'YJ2026-001',
  );
});

it('twenty deputies added through one instance, each filing at once through the other: none is refused', async () => {
  for (let i = 0; i < 20; i++) {
    expect(await a.say('office1', `代表 添加 d${i} 代表${i}号`)).toContain(`代表${i}号`);
    const reply = await b.say(`d${i}`, `民意 第${i}组反映村道路灯不亮，夜间出行不便`, { msgid: `d${i}-1` });
    expect(reply).toMatch(/YJ2026-\d{3}/);
    expect(await storedReply(`d${i}-1`)).toMatch(/YJ2026-\d{3}/);
  }
});

it('a deputy reactivated through one instance is served by the other at once', async () => {
  expect(await a.say('office1', '代表 停用 吴六')).toContain('吴六');
  // Not a refusal: a deactivation reaches the other instance when its copy expires (3 s).
  a.clock.advance(3_000);
  expect(await b.say('wu', '我的建议')).toContain('已停用');
  expect(await a.say('office1', '代表 添加 wu 吴六')).toContain('吴六');
  expect(await b.say('wu', '我的建议')).toContain('YJ2026-001');
});

it('office staff appointed through one instance may use office commands on the other at once', async () => {
  expect(await a.say('office1', '代表 设为办公室 张三')).toContain('张三');
  expect(await b.say('zhang', '交办 1 单位：交通运输局')).toContain('已交办');
});

it('a name added through one instance is found by the other (排班, 履职)', async () => {
  expect(await a.say('office1', '代表 添加 qian 钱七')).toContain('钱七');
  expect(await b.say('office1', '排班 11月10日 钱七 地点：第一联络站')).toContain('第一联络站');
  expect(await b.say('office1', '履职 钱七')).toContain('钱七');
});

it('a meeting noticed through the other instance expects a deputy added a moment before', async () => {
  expect(await a.say('office1', '代表 添加 sun 孙八')).toContain('孙八');
  const code = /HY2026-\d{3}/.exec(
    await b.say('office1', '会议通知 主席团会议 时间：11月26日 14:00 地点：三楼会议室'),
  )![0];
  const m = await a.models.Meeting.findOne({ code }).lean();
  expect(m!.expectedIds).toContain('sun');
});

it('a deputy added through one instance signs in to the console through the other', async () => {
  expect(await a.say('office1', '代表 添加 zhou 周九')).toContain('周九');
  const client = await signIn(b, 'zhou');
  expect((await client.get('/api/console/session')).body.user).toMatchObject({ userid: 'zhou', role: 'deputy' });
});

it('an office session opened through one instance right after the appointment is honoured by the other', async () => {
  expect(await a.say('office1', '代表 添加 feng 冯十一')).toContain('冯十一');
  // The other instance's copy now holds feng as a deputy, not as office staff.
  expect(await b.say('feng', '帮助')).toContain('帮助');
  expect(await a.say('office1', '代表 设为办公室 冯十一')).toContain('冯十一');
  const onA = await signIn(a, 'feng');
  const onB = await clientFor(b, onA.cookie);
  expect((await onB.get('/api/console/opinions')).status).toBe(200);
  expect((await onA.get('/api/console/session')).body.user).toMatchObject({ userid: 'feng', role: 'office' });
});

it('the console of one instance assigns a shift to a deputy added through the other', async () => {
  expect(await b.say('office1', '代表 添加 zheng 郑十')).toContain('郑十');
  const office = await signIn(a, 'office1');
  const r = await office.post('/api/console/shifts', {
    day: '2026-11-12',
    station: '第一联络站',
    userids: ['zheng'],
    requestId: 'shift-zheng-1',
  });
  expect(r.status).toBeLessThan(300);
});
