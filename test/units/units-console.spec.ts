import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// The console's side of the units' loop: the office keeps contacts (承办单位 tab), a contact signed in with 登录
// reads and answers only their unit's cases (checked on the server for every call), the office reviews.
let h: Harness;
let office: ConsoleClient;
let contact: ConsoleClient;
let mine: string;
let theirs: string;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  h = await createHarness('units_console');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  office = await signIn(h, 'clerk');
  const file = async (text: string) => /YJ\d{4}-\d{3}/.exec(await h.say('zhangsan', `建议 ${text}`))![0];
  mine = await file('东村桥面有裂缝，雨天积水，联系人 13812345678');
  theirs = await file('南村派出所门口停车混乱，需要划线');
});
afterAll(async () => h.close());

it('the office adds and removes contacts; refusals land on their fields; CSRF and rights hold', async () => {
  let r = await office.post('/api/console/unit-contacts', { unit: '住建办', userid: 'zj01', name: '陈工' });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ name: '住建办', contacts: [{ userid: 'zj01', name: '陈工' }] });
  r = await office.post('/api/console/unit-contacts', { unit: '住建办', userid: 'zj01', name: '陈工' });
  expect(r.status).toBe(409);
  expect(r.body.error.fields.userid).toContain('已是「住建办」的联系人');
  r = await office.post('/api/console/unit-contacts', { unit: '住建办', userid: 'bad id', name: '某人' });
  expect(r.status).toBe(422);
  expect(r.body.error.fields.userid).toBeTruthy();
  r = await office.post('/api/console/unit-contacts', { unit: '', userid: 'x1', name: '某人' });
  expect(r.status).toBe(400);
  expect(r.body.error.fields.unit).toBeTruthy();
  await office.post('/api/console/unit-contacts', { unit: '派出所', userid: 'pcs01', name: '刘警官' });
  await office.post('/api/console/unit-contacts', { unit: '住建办', userid: 'zj02', name: '何工' });
  r = await office.post('/api/console/unit-contacts/remove', { unit: '住建办', userid: 'zj02' });
  expect(r.body.contacts).toHaveLength(1);
  r = await office.post('/api/console/unit-contacts/remove', { unit: '住建办', userid: 'zj02' });
  expect(r.status).toBe(404);
  const list = (await office.get('/api/console/unit-contacts')).body.units;
  expect(list.map((u: { name: string }) => u.name).sort()).toEqual(['住建办', '派出所']);
  // Without the CSRF token, or as a deputy: refused, nothing written.
  expect(
    (await office.post('/api/console/unit-contacts', { unit: '住建办', userid: 'zj03', name: '甲' }, { csrf: null }))
      .status,
  ).toBe(403);
  const deputy = await signIn(h, 'zhangsan');
  expect((await deputy.get('/api/console/unit-contacts')).status).toBe(403);
  expect((await deputy.post('/api/console/unit-contacts', { unit: '住建办', userid: 'zj03', name: '甲' })).status).toBe(
    403,
  );
  expect((await deputy.get('/api/console/unit/opinions')).status).toBe(403);
});

it('a contact signs in with 登录 and sees only their unit’s cases, masked unless passed on', async () => {
  await h.say('clerk', `交办 ${mine} 单位：住建办`);
  await h.say('clerk', `交办 ${theirs} 单位：派出所`);
  contact = await signIn(h, 'zj01');
  const session = (await contact.get('/api/console/session')).body;
  expect(session.user).toMatchObject({ userid: 'zj01', role: 'unit' });
  const list = (await contact.get('/api/console/unit/opinions')).body;
  expect(list.units).toEqual(['住建办']);
  expect(list.items.map((i: { code: string }) => i.code)).toEqual([mine]);
  const detail = (await contact.get(`/api/console/unit/opinions/${mine}`)).body;
  expect(detail.text).not.toContain('13812345678');
  expect(detail.actions).toEqual(['answer']);
  expect((await contact.get(`/api/console/unit/opinions/${theirs}`)).status).toBe(404);
  expect(
    (await contact.post(`/api/console/unit/opinions/${theirs}/answer`, { text: '已处理', resolution: 'A', version: 1 }))
      .status,
  ).toBe(404);
  // The office's pages and the office's API are not theirs.
  expect((await contact.get('/api/console/opinions')).status).toBe(403);
  expect((await contact.get(`/api/console/opinions/${mine}`)).status).toBe(403);
  expect(
    (await contact.post(`/api/console/opinions/${mine}/answer`, { text: 'x', resolution: 'A', version: 1 })).status,
  ).toBe(403);
  await h.say('clerk', `改派 ${mine} 期限：20个工作日 联系方式：提供`);
  expect((await contact.get(`/api/console/unit/opinions/${mine}`)).body.text).toContain('13812345678');
});

it('the contact answers in the console; the office sees 待审核 and approves; the filer sees only that', async () => {
  const { version } = (await contact.get(`/api/console/unit/opinions/${mine}`)).body;
  const missing = await contact.post(`/api/console/unit/opinions/${mine}/answer`, { text: '已维修', version });
  expect(missing.status).toBe(400);
  expect(missing.body.error.fields.resolution).toBeTruthy();
  const r = await contact.post(`/api/console/unit/opinions/${mine}/answer`, {
    text: '已列入维修计划，先设警示牌',
    resolution: 'B',
    version,
  });
  expect(r.status).toBe(200);
  expect(r.body.pendingAnswer).toMatchObject({ text: '已列入维修计划，先设警示牌', resolution: 'B', byName: '陈工' });
  expect(r.body.status).toBe('已交办');

  const pending = (await office.get('/api/console/opinions?due=review')).body;
  expect(pending.items.map((i: { code: string }) => i.code)).toEqual([mine]);
  expect(pending.items[0].pendingReview).toBe(true);
  const d = (await office.get(`/api/console/opinions/${mine}`)).body;
  expect(d.actions[0]).toBe('review');
  expect(d.timeline.at(-1)).toMatchObject({ action: 'submitted', resolution: 'B' });
  // The filer's page shows nothing of it.
  const filer = await signIn(h, 'zhangsan');
  const before = (await filer.get(`/api/console/me/opinions/${mine}`)).body;
  expect(before.pendingAnswer).toBeNull();
  expect(JSON.stringify(before)).not.toContain('警示牌');

  const back = await office.post(`/api/console/opinions/${mine}/review`, { approve: false, version: d.version });
  expect(back.status).toBe(422);
  expect(back.body.error.fields.reason).toBeTruthy();
  const ok = await office.post(`/api/console/opinions/${mine}/review`, { approve: true, version: d.version });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ status: '已答复', pendingAnswer: null });
  expect(ok.body.rounds[0]).toMatchObject({ answer: '已列入维修计划，先设警示牌', resolution: 'B' });
  const after = (await filer.get(`/api/console/me/opinions/${mine}`)).body;
  expect(after.rounds[0].answer).toBe('已列入维修计划，先设警示牌');
  expect(after.timeline.map((e: { action: string }) => e.action)).not.toContain('submitted');
  expect(await h.say('zj01', '待办', single)).toContain('没有待答复的建议');
});

it('a removed contact’s session ends', async () => {
  await office.post('/api/console/unit-contacts/remove', { unit: '住建办', userid: 'zj01' });
  expect((await contact.get('/api/console/unit/opinions')).status).toBe(401);
});
