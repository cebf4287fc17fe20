import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { rowsOf, workbook } from '../helpers/workbook';
import { binary } from '../helpers/zip';

// 部门评议 in the console: opened from the form (field errors first), the units' records beside turnout while open,
// 催投 by button (privately, once per request), the ratings once closed, and the result workbook (tallies only).
let h: Harness;
let office: ConsoleClient;
let deputy: ConsoleClient;
let n = 0;
const rid = () => `appraisal-${++n}-abcdef`;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  h = await createHarness('appraisal-console', {
    now: '2026-12-01T10:00:00+08:00',
    env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-appraisal' },
  });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  for (const [id, name] of [
    ['zhangsan', '张三'],
    ['lisi', '李四'],
    ['wangwu', '王五'],
  ] as const)
    await h.addDeputy(id, name);
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhangsan');
  // 住建办 answered one opinion in time (rated 基本满意) and one late.
  await h.say('zhangsan', '建议 村口路灯坏了很久了，晚上出行不便，请尽快维修', single);
  await h.say('lisi', '建议 菜市场门口积水严重，下雨天难以通行，请疏通排水', single);
  await h.say('office1', '交办 YJ2026-001 单位：住建办', single);
  await h.say('office1', '交办 YJ2026-002 单位：住建办 期限：2026年12月2日', single);
  await h.say('office1', '答复 YJ2026-001 A 已完成路灯维修', single);
  await h.say('zhangsan', '评价 YJ2026-001 基本满意', single);
  h.clock.set('2026-12-03T09:00:00+08:00');
  await h.say('office1', '答复 YJ2026-002 B 排水工程已立项', single);
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhangsan');
  await h.drain();
});
afterAll(async () => h.close());

const form = (over: Record<string, unknown> = {}) => ({
  of: 'unit',
  title: '',
  subjects: ['住建办', '派出所'],
  deadline: '2026-12-20 18:00',
  requestId: rid(),
  ...over,
});

it('is the office’s', async () => {
  expect((await deputy.post('/api/console/ballots/appraisals', form())).status).toBe(403);
  expect((await deputy.post('/api/console/ballots/PJ2026-001/remind', { requestId: rid() })).status).toBe(403);
  expect((await deputy.get('/api/console/ballots/appraisal-options')).status).toBe(403);
});

it('answers a bad form field by field, and opens nothing', async () => {
  const none = await office.post('/api/console/ballots/appraisals', form({ subjects: [] }));
  expect(none.status).toBe(422);
  expect(none.body.error.fields).toEqual({ subjects: '请至少填写一个承办单位。' });
  const twice = await office.post('/api/console/ballots/appraisals', form({ subjects: ['住建办', '住建办'] }));
  expect(twice.body.error.fields).toEqual({ subjects: '「住建办」写了两次。' });
  const noProjects = await office.post('/api/console/ballots/appraisals', form({ of: 'project', subjects: [] }));
  expect(noProjects.status).toBe(409);
  expect(noProjects.body.error.fields).toEqual({ subjects: '2026年还没有民生实事项目，先把票决当选的候选立项。' });
  const bad = await office.post('/api/console/ballots/appraisals', form({ deadline: '下周', of: 'x' }));
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(['deadline', 'of']);
  expect(await h.models.Ballot.countDocuments()).toBe(0);
});

it('opens a 部门评议 once per request; while open shows turnout and the units’ records', async () => {
  const body = form();
  const opened = await office.post('/api/console/ballots/appraisals', body);
  expect(opened.status).toBe(200);
  expect(opened.body).toMatchObject({
    code: 'PJ2026-001',
    type: 'unit',
    title: '2026年部门评议',
    candidates: ['住建办', '派出所'],
    subjectRefs: ['住建办', '派出所'],
  });
  expect((await office.post('/api/console/ballots/appraisals', body)).body.code).toBe('PJ2026-001');
  expect(await h.models.Ballot.countDocuments()).toBe(1);
  expect((await office.get('/api/console/ballots/appraisal-options')).body).toEqual({
    projects: [],
    units: ['住建办'],
  });

  await h.say('zhangsan', '投票 PJ2026-001 满意 基本满意', single);
  const detail = await office.get('/api/console/ballots/PJ2026-001');
  expect(detail.body).toMatchObject({
    state: 'open',
    ballot: { turnout: 1, entitled: 3 },
    notVoted: [
      { userid: 'lisi', name: '李四' },
      { userid: 'wangwu', name: '王五' },
    ],
    records: [
      {
        unit: '住建办',
        received: 2,
        answered: 2,
        answeredOnTime: 1,
        answeredLate: 1,
        resolutions: { A: 1, B: 1, C: 0, D: 0 },
        rated: 1,
        ratings: { 满意: 0, 基本满意: 1, 不满意: 0 },
        onTimeRate: '50.0%',
        resolveRate: '50.0%',
        satisfactionRate: '100.0%',
      },
      { unit: '派出所', received: 0, averageWorkdays: null, onTimeRate: '—', satisfactionRate: '—' },
    ],
  });
  // The ballot's counts stay hidden (the records' `ratings` are the opinions', not the ballot's).
  expect(JSON.stringify(detail.body)).not.toMatch(/"counts"|"tally"|"lines"/);
});

it('reminds the non-voters privately from the button, once per request', async () => {
  const before = h.wecom.pushes.filter((p) => p.channel === 'app').length;
  const click = { requestId: rid() };
  const r = await office.post('/api/console/ballots/PJ2026-001/remind', click);
  expect(r.body).toEqual({ told: 2, unreachable: [], turnout: 1, entitled: 3 });
  await office.post('/api/console/ballots/PJ2026-001/remind', click);
  await h.drain();
  const sent = h.wecom.pushes.filter((p) => p.channel === 'app').slice(before);
  // Nothing else went out meanwhile: every app message since is the reminder.
  expect(sent.map((p) => [...(p.touser ?? [])].sort())).toEqual([['lisi', 'wangwu']]);
  expect(sent[0]!.content).toContain('**请投票** PJ2026-001《2026年部门评议》');
  expect(sent[0]!.content).toContain('评价项目');
});

it('closes, shows each unit’s ratings beside its record, and downloads tallies only', async () => {
  await h.say('lisi', '投票 PJ2026-001 不满意 基本满意', single);
  const closed = await office.post('/api/console/ballots/PJ2026-001/close', { announce: true });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({
    state: 'rated',
    ratings: {
      quorum: true,
      lines: [
        { n: 1, name: '住建办', ref: '住建办', counts: [1, 0, 1], rated: 2, rate: '50.0%' },
        { n: 2, name: '派出所', ref: '派出所', counts: [0, 2, 0], rated: 2, rate: '100.0%' },
      ],
    },
    records: [
      { unit: '住建办', received: 2 },
      { unit: '派出所', received: 0 },
    ],
  });
  expect((await office.post('/api/console/ballots/PJ2026-001/remind', { requestId: rid() })).status).toBe(409);
  const res = await office.get('/api/console/ballots/PJ2026-001/result.xlsx').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('测评结果-PJ2026-001.xlsx'));
  const wb = await workbook(res.body as Buffer);
  expect(rowsOf(wb.worksheets[1]!)).toEqual([
    [
      '序号',
      '评价对象',
      '满意',
      '基本满意',
      '不满意',
      '评价人数',
      '满意率',
      '本年交办件次',
      '已答复',
      '按期答复',
      '按期答复率',
      '平均用时（工作日）',
      '解决率',
      '建议办理满意率',
    ],
    [1, '住建办', 1, 0, 1, 2, '50.0%', 2, 2, 1, '50.0%', expect.any(Number), '50.0%', '100.0%'],
    [2, '派出所', 0, 2, 0, 2, '100.0%', 0, 0, 0, '—', undefined, '—', '—'],
  ]);
  const everything = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
  for (const id of ['zhangsan', 'lisi', 'wangwu', '张三', '李四', '王五']) expect(everything).not.toContain(id);
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**测评结果** PJ2026-001'))).toHaveLength(1);
});
