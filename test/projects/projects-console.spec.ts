import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { rowsOf, workbook } from '../helpers/workbook';
import { binary, readZip } from '../helpers/zip';

// 民生实事 in the console: 立项 from a closed 票决 (field errors first), the edit form guarded by version,
// progress (to the group once per request), an activity naming a project, the workbook, the year-end pack's
// parts; deputies have no way in.
let h: Harness;
let office: ConsoleClient;
let deputy: ConsoleClient;
let n = 0;
const rid = () => `project-${++n}-abcdef`;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  h = await createHarness('projects-console', { now: '2026-12-01T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  for (const [id, name] of [
    ['zhangsan', '张三'],
    ['lisi', '李四'],
    ['wangwu', '王五'],
  ] as const)
    await h.addDeputy(id, name);
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhangsan');
  await h.say(
    'office1',
    '发起票决 2027年民生实事 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月3日18点',
    single,
  );
});
afterAll(async () => h.close());

it('is the office’s: a deputy can neither list, adopt, edit nor post progress', async () => {
  expect((await deputy.get('/api/console/projects')).status).toBe(403);
  expect((await deputy.post('/api/console/projects', { ballotCode: 'PJ2026-001' })).status).toBe(403);
  expect((await deputy.get('/api/console/projects/SS2026-001')).status).toBe(403);
  expect((await deputy.post('/api/console/projects/SS2026-001/progress', { text: 'x', requestId: rid() })).status).toBe(
    403,
  );
});

it('answers 立项 field by field, and adopts each chosen candidate once', async () => {
  expect((await office.post('/api/console/projects', { ballotCode: '随便' })).body.error.fields).toEqual({
    ballotCode: '请选择已结束的票决',
  });
  const open = await office.post('/api/console/projects', { ballotCode: 'PJ2026-001' });
  expect(open.status).toBe(409);
  expect(open.body.error.message).toContain('还在进行中');
  for (const [id, picks] of [
    ['zhangsan', '1 2'],
    ['lisi', '1 2'],
    ['wangwu', '1 3'],
  ] as const)
    await h.say(id, `投票 PJ2026-001 ${picks}`, single);
  await h.say('office1', '结束票决 PJ2026-001', single);
  const options = await office.get('/api/console/projects/adopt-options');
  expect(options.body.ballots).toEqual([
    {
      code: 'PJ2026-001',
      title: '2027年民生实事',
      candidates: [
        { n: 1, name: '村道硬化', chosen: true, tied: false },
        { n: 2, name: '饮水改造', chosen: true, tied: false },
        { n: 3, name: '养老服务站', chosen: false, tied: false },
      ],
    },
  ]);
  const notChosen = await office.post('/api/console/projects', { ballotCode: 'PJ2026-001', candidate: 3 });
  expect(notChosen.status).toBe(409);
  expect(notChosen.body.error.fields).toEqual({ candidate: 'PJ2026-001 的 3. 养老服务站 没有当选，不能立项。' });
  const long = await office.post('/api/console/projects', { ballotCode: 'PJ2026-001', unit: '长'.repeat(41) });
  expect(long.body.error.fields).toEqual({ unit: '承办单位名称最长 40 字。' });
  expect(await h.models.Project.countDocuments()).toBe(0);
  const adopted = await office.post('/api/console/projects', { ballotCode: 'PJ2026-001', unit: '住建办' });
  expect(adopted.status).toBe(200);
  expect(adopted.body.items.map((i: { project: { code: string; unit: string } }) => i.project)).toMatchObject([
    { code: 'SS2026-001', title: '村道硬化', unit: '住建办', state: 'underway', version: 0 },
    { code: 'SS2026-002', title: '饮水改造', unit: '住建办' },
  ]);
  const again = await office.post('/api/console/projects', { ballotCode: 'PJ2026-001', candidate: 1 });
  expect(again.body.items).toMatchObject([{ existed: true, project: { code: 'SS2026-001' } }]);
  expect(await h.models.Project.countDocuments()).toBe(2);
});

it('edits unit, milestones and state, guarded by the version the page showed', async () => {
  const bad = await office.post('/api/console/projects/SS2026-001', {
    version: 0,
    unit: '住建办',
    state: 'underway',
    milestones: [{ due: '2027-03-01', text: '  ' }],
  });
  expect(bad.status).toBe(422);
  expect(bad.body.error.fields).toEqual({ milestones: '第 1 个里程碑没有写内容。' });
  const badDay = await office.post('/api/console/projects/SS2026-001', {
    version: 0,
    unit: '住建办',
    state: 'underway',
    milestones: [{ due: '2027-02-30', text: '完成路基' }],
  });
  expect(badDay.status).toBe(400);
  expect(Object.keys(badDay.body.error.fields)).toEqual(['milestones']);
  const saved = await office.post('/api/console/projects/SS2026-001', {
    version: 0,
    unit: '城乡建设办公室',
    state: 'underway',
    milestones: [
      { due: '2027-06-30', text: '完成铺设' },
      { due: '2027-03-01', text: '完成路基' },
    ],
  });
  expect(saved.status).toBe(200);
  expect(saved.body.project).toMatchObject({
    unit: '城乡建设办公室',
    version: 1,
    milestones: [
      { due: '2027-03-01', text: '完成路基' },
      { due: '2027-06-30', text: '完成铺设' },
    ],
  });
  const stale = await office.post('/api/console/projects/SS2026-001', {
    version: 0,
    unit: '别的单位',
    state: 'done',
    milestones: [],
  });
  expect(stale.status).toBe(409);
  expect(stale.body.error.message).toBe('SS2026-001 刚被别人修改过，请刷新后再改。');
  expect((await h.models.Project.findOne({ code: 'SS2026-001' }).lean())?.unit).toBe('城乡建设办公室');
  expect((await office.get('/api/console/projects/SS2026-009')).status).toBe(404);
});

it('posts progress once per request, pushed to the group when asked', async () => {
  const empty = await office.post('/api/console/projects/SS2026-001/progress', { text: ' ', requestId: rid() });
  expect(empty.status).toBe(422);
  expect(empty.body.error.fields).toEqual({ text: '请填写进展内容。' });
  const body = { text: '路基已完成', push: true, requestId: rid() };
  const first = await office.post('/api/console/projects/SS2026-001/progress', body);
  expect(first.status).toBe(200);
  await office.post('/api/console/projects/SS2026-001/progress', body);
  expect(first.body.project.progress).toEqual([
    { at: expect.any(String), text: '路基已完成', by: { userid: 'office1', name: '王主任' }, pushed: true },
  ]);
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**民生实事进展** SS2026-001'))).toHaveLength(1);
  expect((await h.models.Project.findOne({ code: 'SS2026-001' }).lean())?.progress).toHaveLength(1);
});

it('an activity of the form names a project; the project lists it with who signed up and signed in', async () => {
  const event = {
    kind: 'activity',
    title: '视察村道硬化',
    type: '视察',
    startAt: '2026-12-01 14:30',
    place: '甲村',
    requestId: rid(),
  };
  const unknown = await office.post('/api/console/events', { ...event, project: 'SS2026-009' });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error.fields).toEqual({ project: '没有民生实事项目 SS2026-009。' });
  expect((await office.get('/api/console/event-form')).body.projects).toEqual([
    { code: 'SS2026-001', title: '村道硬化' },
    { code: 'SS2026-002', title: '饮水改造' },
  ]);
  expect((await office.post('/api/console/events', { ...event, project: 'SS2026-001', requestId: rid() })).status).toBe(
    201,
  );
  await h.say('zhangsan', '报名 HD2026-001', single);
  await h.say('lisi', '报名 HD2026-001', single);
  h.clock.set('2026-12-01T14:00:00+08:00');
  await h.say('lisi', '签到 HD2026-001', single);
  const detail = await office.get('/api/console/projects/SS2026-001');
  expect(detail.body.inspections).toEqual([
    {
      code: 'HD2026-001',
      title: '视察村道硬化',
      type: '视察',
      startAt: '2026-12-01T06:30:00.000Z',
      cancelled: false,
      signedUp: [
        { userid: 'zhangsan', name: '张三' },
        { userid: 'lisi', name: '李四' },
      ],
      attended: [{ userid: 'lisi', name: '李四' }],
    },
  ]);
  const list = await office.get('/api/console/projects?year=2026');
  expect(list.body.items.map((p: { code: string; inspections: number }) => [p.code, p.inspections])).toEqual([
    ['SS2026-001', 1],
    ['SS2026-002', 0],
  ]);
});

it('downloads the year’s projects with their progress, and the pack carries them and the 测评 result', async () => {
  const res = await office.get('/api/console/projects/workbook.xlsx?year=2026').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('民生实事-2026.xlsx'));
  const wb = await workbook(res.body as Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['民生实事项目', '进展记录']);
  expect(rowsOf(wb.worksheets[0]!)[1]!.slice(0, 8)).toEqual([
    'SS2026-001',
    '村道硬化',
    '城乡建设办公室',
    '实施中',
    'PJ2026-001',
    '2027年3月1日（周一） 完成路基\n2027年6月30日（周三） 完成铺设',
    1,
    '路基已完成',
  ]);
  expect(rowsOf(wb.worksheets[1]!)[1]).toEqual(['SS2026-001', '村道硬化', expect.any(Date), '路基已完成', '是']);

  await h.say('office1', '发起测评 截止：12月20日18点', single);
  await h.say('zhangsan', '投票 PJ2026-002 满意 不满意', single);
  await h.say('lisi', '投票 PJ2026-002 基本满意 不满意', single);
  await h.say('office1', '结束票决 PJ2026-002', single);
  const pack = await office.get('/api/console/exports/pack.zip?year=2026').buffer(true).parse(binary);
  const zip = readZip(pack.body as Buffer);
  const projects = await workbook(zip.get('07-民生实事-2026.xlsx')!);
  expect(rowsOf(projects.worksheets[0]!)).toHaveLength(3);
  const results = await workbook(zip.get('08-测评评议结果-2026.xlsx')!);
  expect(results.worksheets.map((w) => w.name)).toEqual(['测评评议汇总', 'PJ2026-002']);
  expect(rowsOf(results.worksheets[1]!)).toEqual([
    ['序号', '评价对象', '满意', '基本满意', '不满意', '评价人数', '满意率'],
    [1, '村道硬化', 1, 1, 0, 2, '100.0%'],
    [2, '饮水改造', 0, 0, 2, 2, '0.0%'],
  ]);
  // The pick's sheet keeps only the pick.
  const picks = await workbook(zip.get('06-票决结果-2026.xlsx')!);
  expect(picks.worksheets.map((w) => w.name)).toEqual(['票决汇总', 'PJ2026-001']);
  const everything = JSON.stringify(results.worksheets.map(rowsOf));
  for (const id of ['zhangsan', 'lisi', 'wangwu', '张三', '李四', '王五']) expect(everything).not.toContain(id);
  const index = rowsOf((await workbook(zip.get('00-索引.xlsx')!)).worksheets[0]!).map((r) => r[0]);
  expect(index).toEqual(expect.arrayContaining(['07-民生实事-2026.xlsx', '08-测评评议结果-2026.xlsx']));
});
