import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// 操作日志: writes from the chat and from the console are logged in one place, read (never edited) in the console.

let h: Harness;
let office: ConsoleClient;
let code: string;

beforeAll(async () => {
  h = await createHarness('console-audit', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhang', '张三');
  office = await signIn(h, 'office1');
  code = /YJ\d{4}-\d{3}/.exec(await h.say('zhang', '建议 村口路灯坏了，请尽快维修'))![0];
  await h.say('office1', `交办 ${code} 单位：交通运输局`);
  const d = (await office.get(`/api/console/opinions/${code}`)).body;
  const answered = await office.post(`/api/console/opinions/${code}/answer`, {
    text: '已维修完毕',
    resolution: 'A',
    version: d.version,
  });
  expect(answered.status).toBe(200);
});

afterAll(async () => {
  await h.close();
});

type Row = { who: { userid: string; name: string }; via: string; what: string; code: string; kind: string; op: string };

it('logs the filing and the chat 交办 via the chat, the console 答复 via the console', async () => {
  const r = await office.get(`/api/console/audit?code=${code}`);
  expect(r.status).toBe(200);
  const rows = r.body.items as Row[];
  expect(rows.map((e) => [e.what, e.via, e.who.userid])).toEqual([
    ['录入答复', 'console', 'office1'],
    ['交办', 'chat', 'office1'],
    ['建议', 'chat', 'zhang'],
  ]);
  expect(rows[0]).toMatchObject({ kind: 'Opinion', code, op: 'update', who: { name: '王主任' } });
  expect(rows[2]).toMatchObject({ op: 'create' });
});

it('filters by person (userid or name), by date, and pages on the server', async () => {
  const byName = await office.get(`/api/console/audit?person=${encodeURIComponent('张三')}`);
  expect(byName.body.items.map((e: Row) => e.who.userid)).toEqual(['zhang']);
  const byId = await office.get('/api/console/audit?person=office1&pageSize=1&page=2');
  expect(byId.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
  expect(byId.body.items.map((e: Row) => e.what)).toEqual(['交办']);
  const today = h.clock.now().toISOString().slice(0, 10);
  const tomorrow = new Date(h.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  expect((await office.get(`/api/console/audit?from=${today}`)).body.total).toBeGreaterThanOrEqual(3);
  expect((await office.get(`/api/console/audit?from=${tomorrow}`)).body.total).toBe(0);
});

it('does not log a refused step or a replay', async () => {
  const before = (await office.get(`/api/console/audit?code=${code}`)).body.total;
  const stale = await office.post(`/api/console/opinions/${code}/answer`, {
    text: '再答一次',
    resolution: 'A',
    version: 0,
  });
  expect(stale.status).toBe(409);
  await h.say('office1', `交办 ${code} 单位：交通运输局`);
  expect((await office.get(`/api/console/audit?code=${code}`)).body.total).toBe(before);
});

it('logs writes of other domains in the same log (an activity and a sign-up)', async () => {
  const reply = await h.say('office1', '发布活动 视察敬老院 时间：12月25日14:30 地点：镇敬老院');
  const hd = /HD\d{4}-\d{3}/.exec(reply)![0];
  await h.say('zhang', `报名 ${hd}`);
  const rows = (await office.get(`/api/console/audit?code=${hd.toLowerCase()}`)).body.items as Row[];
  expect(rows.map((e) => [e.what, e.who.userid, e.kind, e.op])).toEqual([
    ['报名', 'zhang', 'Activity', 'update'],
    ['发布活动', 'office1', 'Activity', 'create'],
  ]);
});

it('refuses bad filters and deputies; offers no way to edit an entry', async () => {
  const bad = await office.get('/api/console/audit?from=2026/1/1&pageSize=1000');
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.from).toContain('起始日期');
  expect(bad.body.error.fields.pageSize).toContain('每页条数');
  const deputy = await signIn(h, 'zhang');
  expect((await deputy.get('/api/console/audit')).status).toBe(403);
  expect([404, 405]).toContain((await office.post('/api/console/audit', {})).status);
});

it('keeps entries through the retention clean-up (at least 3 years)', async () => {
  const before = await h.models.AuditEntry.countDocuments({});
  expect(before).toBeGreaterThan(0);
  const threeYearsOn = new Date(h.clock.now().getTime() + 3 * 366 * 86_400_000);
  await h.services.cleanup.purgeExpired(threeYearsOn);
  expect(await h.models.AuditEntry.countDocuments({})).toBe(before);
});
