import { type ConsoleClient, signIn } from '../helpers/console';
import { eventually } from '../helpers/eventually';
import { createHarness, type Harness } from '../helpers/harness';
import { buildZip, sheetXml, xlsxEntries } from '../helpers/zip';

// 代表名册 through the console: the roster service's rules and the `npm run roster:import` engine.

let h: Harness;
let office: ConsoleClient;

beforeAll(async () => {
  h = await createHarness('console-roster');
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

const upload = (path: string, csv: string, file = '名册.csv', client = office) =>
  h.request
    .post(`/api/console/roster/import/${path}?file=${encodeURIComponent(file)}`)
    .set('Cookie', client.cookie)
    .set('X-CSRF-Token', client.csrf)
    .set('content-type', 'application/octet-stream')
    .send(Buffer.from(csv, 'utf8'));

const snapshot = async () =>
  await h.models.Deputy.find({}, { _id: 0, userid: 1, name: 1, phone: 1, active: 1, isOffice: 1 })
    .sort({ userid: 1 })
    .lean();

it('lists and searches the roster', async () => {
  const r = await office.get(`/api/console/roster?q=${encodeURIComponent('张')}`);
  expect(r.status).toBe(200);
  expect(r.body.items.map((p: { userid: string }) => p.userid)).toEqual(['zhang']);
  expect((await office.get('/api/console/roster')).body.total).toBe(3);
});

it('previews exactly what a file changes, then applies it', async () => {
  const csv = '企业微信账号,姓名,层级,手机\nzhang,张三,镇级,13800000001\nwang,王五,镇级,\n';
  const before = await snapshot();
  const preview = await upload('preview', csv);
  expect(preview.status).toBe(200);
  expect(preview.body).toMatchObject({ ok: true, errors: [] });
  expect(preview.body.added.map((a: { userid: string }) => a.userid)).toEqual(['wang']);
  expect(preview.body.changed[0]).toMatchObject({ userid: 'zhang', row: 2 });
  expect(await snapshot()).toEqual(before);
  const applied = await upload('apply', csv);
  expect(applied.status).toBe(200);
  expect(applied.body.applied).toEqual({ upserted: 2, deactivated: 0 });
  const after = await snapshot();
  expect(after.find((p) => p.userid === 'zhang')).toMatchObject({ phone: '13800000001' });
  expect(after.find((p) => p.userid === 'wang')).toMatchObject({ name: '王五', active: true });
  expect(await h.say('wang', '帮助')).not.toContain('名册中没有');
});

it('a file with errors leaves the roster untouched and names the rows', async () => {
  const before = await snapshot();
  const csv = '企业微信账号,姓名,层级\nzhao,赵六,镇级\n,钱七,镇级\nsun,孙八,不存在的层级\n';
  const preview = await upload('preview', csv);
  expect(preview.body.ok).toBe(false);
  expect(preview.body.errors.map((e: { row: number }) => e.row)).toEqual(expect.arrayContaining([3, 4]));
  const applied = await upload('apply', csv);
  expect(applied.status).toBe(400);
  expect(applied.body.error.message).toContain('名册没有任何改动');
  expect(await snapshot()).toEqual(before);
  const wrong = await upload('preview', 'x', '名册.pdf');
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.fields.file).toBeDefined();
});

it('sets and removes the office role by the roster rules; the last office member stays', async () => {
  const last = await office.post('/api/console/roster/office1/office', { office: false });
  expect(last.status).toBe(409);
  expect(last.body.error.code).toBe('roster.officeFromConfig');
  expect((await office.post('/api/console/roster/li/office', { office: true })).body).toMatchObject({ isOffice: true });
  expect((await office.post('/api/console/roster/li/office', { office: false })).body).toMatchObject({
    isOffice: false,
  });
  expect((await office.post('/api/console/roster/li/office', { office: 'yes' })).status).toBe(400);
});

it('deactivates a deputy (not oneself), and refuses deputies and missing CSRF', async () => {
  expect((await office.post('/api/console/roster/office1/deactivate')).status).toBe(403);
  const r = await office.post('/api/console/roster/wang/deactivate');
  expect(r.body).toMatchObject({ userid: 'wang', active: false });
  expect((await office.post('/api/console/roster/wang/deactivate')).status).toBe(404);
  expect((await office.post('/api/console/roster/li/deactivate', undefined, { csrf: null })).status).toBe(403);
  const deputy = await signIn(h, 'zhang');
  expect((await deputy.get('/api/console/roster')).status).toBe(403);
  expect((await upload('apply', '企业微信账号,姓名,层级\nx1,某某,镇级\n', '名册.csv', deputy)).status).toBe(403);
  expect((await deputy.post('/api/console/roster/li/deactivate')).status).toBe(403);
  const template = await office.get('/api/console/roster/template.csv');
  expect(template.status).toBe(200);
  expect(template.text).toContain('企业微信账号,姓名,层级');
});

it('adds and edits one deputy by the roster rules, logged in 操作日志', async () => {
  const added = await office.post('/api/console/roster', { userid: 'zhou', name: '周九', level: '镇级' });
  expect(added.status).toBe(200);
  expect(added.body).toMatchObject({ outcome: 'added', userid: 'zhou', name: '周九' });
  const edited = await office.post('/api/console/roster', { userid: 'zhou', name: '周玖' });
  expect(edited.body).toMatchObject({ outcome: 'updated', name: '周玖' });
  const clash = await office.post('/api/console/roster', { userid: 'zhou2', name: '张三' });
  expect(clash.status).toBe(409);
  expect(clash.body.error.code).toBe('roster.nameTaken');
  expect((await office.post('/api/console/roster', { userid: '', name: '' })).status).toBe(400);
  const log = (await office.get('/api/console/audit?code=zhou')).body.items;
  expect(log.map((e: { via: string; kind: string }) => [e.via, e.kind])).toEqual([
    ['console', 'Deputy'],
    ['console', 'Deputy'],
  ]);
});

it('the page’s add/edit form: contact fields, add refuses a taken userid, edit an unknown one, errors on their field', async () => {
  const count = await h.models.Deputy.countDocuments({});
  const refusals: Array<[Record<string, unknown>, string, string, number]> = [
    [{ mode: 'add', userid: 'zhang', name: '张小三' }, 'userid', '已在名册中', 409],
    [{ mode: 'add', userid: 'sun', name: '孙十', phone: '12345' }, 'phone', '不是有效的电话号码', 422],
    [{ mode: 'add', userid: 'sun shi', name: '孙十' }, 'userid', '不像企业微信账号', 422],
    [{ mode: 'add', userid: 'sun', name: '孙十', level: '省' }, 'level', '层级只能是', 422],
    [{ mode: 'add', userid: 'sun', name: '孙十', group: '外事' }, 'group', '专业小组只能是', 422],
    [{ mode: 'add', userid: 'sun', name: '张三' }, 'name', '已有另一位「张三」', 409],
    [{ mode: 'add', userid: 'sun', name: '' }, 'name', '姓名', 400],
    [{ mode: 'edit', userid: 'nobody', name: '无名' }, 'userid', '名册中没有企业微信账号', 404],
    [{ mode: 'move', userid: 'sun', name: '孙十' }, 'mode', '操作', 400],
  ];
  for (const [body, field, text, status] of refusals) {
    const r = await office.post('/api/console/roster', body);
    expect(r.status).toBe(status);
    expect(r.body.error.fields[field]).toContain(text);
  }
  expect(await h.models.Deputy.countDocuments({})).toBe(count);
  expect(await h.models.Deputy.findOne({ userid: 'zhang' }).lean()).toMatchObject({ name: '张三' });

  const added = await office.post('/api/console/roster', {
    mode: 'add',
    userid: 'sun',
    name: '孙十',
    level: '县级',
    group: '农村农业组',
    phone: '138 0013 8000',
    station: '第二联络站',
    district: '',
  });
  expect(added.body).toMatchObject({ outcome: 'added', userid: 'sun', level: '县' });
  expect(await h.models.Deputy.findOne({ userid: 'sun' }).lean()).toMatchObject({
    group: '农村农业',
    phone: '13800138000',
    station: '第二联络站',
    active: true,
    isOffice: false,
  });
  const edited = await office.post('/api/console/roster', { mode: 'edit', userid: 'sun', name: '孙拾', phone: '' });
  expect(edited.body).toMatchObject({ outcome: 'updated', name: '孙拾' });
  const stored = await h.models.Deputy.findOne({ userid: 'sun' }).lean();
  expect(stored).toMatchObject({ name: '孙拾', station: '第二联络站', level: '县' });
  expect(stored?.phone).toBeUndefined();
  const listed = (await office.get('/api/console/roster?q=sun')).body.items;
  expect(listed).toEqual([expect.objectContaining({ userid: 'sun', name: '孙拾', station: '第二联络站' })]);
  const deputy = await signIn(h, 'zhang');
  expect((await deputy.post('/api/console/roster', { mode: 'add', userid: 'x9', name: '某某' })).status).toBe(403);
  expect(
    (await office.post('/api/console/roster', { mode: 'add', userid: 'x9', name: '某某' }, { csrf: null })).status,
  ).toBe(403);
  expect(await h.models.Deputy.countDocuments({ userid: 'x9' })).toBe(0);
});

it('echoes a value a spreadsheet would run with a leading apostrophe (the preview may be pasted into Excel)', async () => {
  const csv = '企业微信账号,姓名,联络站\nzhang,张三,"=HYPERLINK(""http://evil.example"",""点我"")"\n';
  const preview = await upload('preview', csv);
  expect(preview.status).toBe(200);
  const station = (preview.body.changed[0].changes as Array<{ field: string; to: string }>).find(
    (c) => c.field === 'station',
  );
  expect(station!.to).toBe('\'=HYPERLINK("http://evil.example","点我")');
});

describe('hostile workbooks', () => {
  const sendFile = (file: Buffer, name = '名册.xlsx') =>
    h.request
      .post(`/api/console/roster/import/preview?file=${encodeURIComponent(name)}`)
      .set('Cookie', office.cookie)
      .set('X-CSRF-Token', office.csrf)
      .set('content-type', 'application/octet-stream')
      .send(file);

  it('a zip bomb (100 MB of XML in 100 KB) is refused with a form error, unread', async () => {
    const bomb = buildZip(xlsxEntries(Buffer.alloc(100 * 1024 * 1024, 0x20)));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const res = await sendFile(bomb);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toContain('解压后超过 10 MB');
  });

  it('so is one that declares a small size and unpacks to much more; /healthz answers meanwhile', async () => {
    const entries = xlsxEntries(Buffer.alloc(100 * 1024 * 1024, 0x20));
    entries[4]!.declaredSize = 4096;
    const before = h.logLines.length;
    let answered = false;
    const upload = sendFile(buildZip(entries)).then((res) => {
      answered = true;
      return res;
    });
    // Once the server has the whole file and starts reading it, the bot must still answer at once.
    await eventually(
      () => h.logLines.slice(before).some((l) => l.includes('roster file received')),
      'the server started reading the file',
    );
    const health = await h.request.get('/healthz');
    expect(health.status).toBe(200);
    expect(answered).toBe(false);
    const res = await upload;
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toContain('解压后超过 10 MB');
  });

  it('more rows than a roster has is a form error; the workbook is read off the event loop', async () => {
    const rows = [
      ['企业微信账号', '姓名', '层级'],
      ...Array.from({ length: 20_000 }, (_, i) => [`u${i}`, `代表${i}`, '镇']),
    ];
    const before = h.logLines.length;
    let answered = false;
    const upload = sendFile(buildZip(xlsxEntries(sheetXml(rows)))).then((res) => {
      answered = true;
      return res;
    });
    await eventually(
      () => h.logLines.slice(before).some((l) => l.includes('roster file received')),
      'the server started reading the file',
    );
    expect((await h.request.get('/healthz')).status).toBe(200);
    expect(answered).toBe(false);
    const res = await upload;
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toContain('文件超过 5000 行');
  });
});
