import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// 节假日 in the console: the office enters next year's arrangement with a form, through the same
// service and checks as the chat's `节假日 设置`, and every working-day calculation uses it at once.

let h: Harness;
let office: ConsoleClient;
let deputy: ConsoleClient;

const put = (c: ConsoleClient, year: number | string, body: unknown, o: { csrf?: boolean } = {}) => {
  const req = h.request.put(`/api/console/holidays/${year}`).set('Cookie', c.cookie);
  if (o.csrf !== false) req.set('X-CSRF-Token', c.csrf);
  return req.send(body as object);
};

const OFF_2027 = ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-15', '2027-02-16', '2027-02-17'];
const ON_2027 = ['2027-02-14', '2027-02-28'];

beforeAll(async () => {
  // Monday 28 December 2026: 2027 is not in the bundled data, next year is missing.
  h = await createHarness('console-holidays', { officeUserIds: ['office1'], now: '2026-12-28T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhang', '张三');
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhang');
});

afterAll(async () => {
  await h.close();
});

it('shows a bundled year, and an unknown next year with the warning', async () => {
  const known = await office.get('/api/console/holidays/2026');
  expect(known.status).toBe(200);
  expect(known.body).toMatchObject({ year: 2026, source: 'bundled', missingNextYear: 2027, updatedByName: null });
  expect(known.body.off).toContain('2026-01-01');
  expect(known.body.on.length).toBeGreaterThan(0);
  const unknown = await office.get('/api/console/holidays/2027');
  expect(unknown.body).toMatchObject({ year: 2027, source: 'none', off: [], on: [], missingNextYear: 2027 });
  expect((await office.get('/api/console/holidays/20x7')).status).toBe(400);
});

it('is for the office only, and a write needs the CSRF token', async () => {
  expect((await deputy.get('/api/console/holidays/2027')).status).toBe(403);
  const byDeputy = await put(deputy, 2027, { off: OFF_2027, on: ON_2027 });
  expect(byDeputy.status).toBe(403);
  expect(byDeputy.body.error.code).toBe('forbidden');
  const noToken = await put(office, 2027, { off: OFF_2027, on: ON_2027 }, { csrf: false });
  expect(noToken.status).toBe(403);
  expect(noToken.body.error.code).toBe('csrf');
  expect((await office.get('/api/console/holidays/2027')).body.source).toBe('none');
});

it('refuses wrong dates field by field and stores nothing', async () => {
  // A malformed body is the transport's 400; a date the use case refuses is a 422 with its refusal code.
  const cases: Array<[number, unknown, number | string, Record<string, RegExp>]> = [
    [
      2027,
      { off: ['2027-01-01'], on: ['2027-01-01'] },
      'holiday.both',
      { off: /既是放假日期又是调休上班日期：2027-01-01/, on: /2027-01-01/ },
    ],
    [2027, { off: ['2028-01-01'], on: [] }, 'holiday.otherYear', { off: /「2028-01-01」不在 2027 年内/ }],
    [2027, { off: ['2027-01-01'], on: ['2027-02-30'] }, 'holiday.badDate', { on: /「2027-02-30」不是有效的日期/ }],
    [2027, { off: ['1月1日'] }, 400, { off: /「放假日期」应是日期/ }],
    [2027, { off: [], on: [] }, 'holiday.empty', { off: /请至少选择 2027 年/, on: /请至少选择 2027 年/ }],
    [2027, { off: 'all', on: [] }, 400, { off: /「放假日期」/ }],
    [2027, { off: [], on: [], note: 'x' }, 400, { note: /note/ }],
    [2072, { off: ['2072-01-01'] }, 'holiday.yearOutOfRange', { year: /2072 年不在范围内/ }],
  ];
  for (const [year, body, expected, fields] of cases) {
    const r = await put(office, year, body);
    if (typeof expected === 'number') expect(r.status).toBe(expected);
    else expect([r.status, r.body.error.code]).toEqual([422, expected]);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(Object.keys(fields).sort());
    for (const [field, message] of Object.entries(fields)) expect(r.body.error.fields[field]).toMatch(message);
    expect(r.body.error.message).toMatch(/\S/);
  }
  expect((await office.get('/api/console/holidays/2027')).body.source).toBe('none');
  expect(await h.db.connection.collection('holiday_years').countDocuments()).toBe(0);
});

it('a saved year changes the next working-day computation at once and lists deadlines estimated before', async () => {
  // Monday + 5 working days on weekends only: Dec 29, 30, 31, Jan 1 (Fri), Jan 4.
  const before = await office.get('/api/console/workdays?days=5');
  expect(before.body).toMatchObject({ date: '2027-01-04', estimated: true });
  expect(await h.say('zhang', '建议 村口路灯坏了三个月，晚上出行不安全，请尽快维修')).toContain('YJ2026-001');
  expect(await h.say('office1', '交办 YJ2026-001 单位：交通运输局 期限：5个工作日')).toContain('按周末估算');

  const saved = await put(office, 2027, { off: [...OFF_2027, '2027-01-01'], on: ON_2027 });
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({
    year: 2027,
    source: 'office',
    off: OFF_2027,
    on: ON_2027,
    updatedByName: '王主任',
    missingNextYear: null,
    estimated: ['YJ2026-001'],
  });

  // Jan 1 is now a holiday: Dec 29, 30, 31, Jan 4, Jan 5.
  const after = await office.get('/api/console/workdays?days=5');
  expect(after.body).toMatchObject({ date: '2027-01-05', estimated: false });
  const shown = await office.get('/api/console/holidays/2027');
  expect(shown.body).toMatchObject({ source: 'office', off: OFF_2027, on: ON_2027, updatedByName: '王主任' });
  // A 交办 from the chat counts with it too, and is no longer an estimate.
  expect(await h.say('zhang', '建议 希望在镇卫生院增设周末儿科门诊，方便上班族带孩子看病')).toContain('YJ2026-002');
  const assigned = await h.say('office1', '交办 YJ2026-002 单位：卫健办 期限：5个工作日');
  expect(assigned).toContain('2027年1月5日');
  expect(assigned).not.toContain('按周末估算');
  // The chat reads the same entry.
  expect(await h.say('office1', '节假日 2027')).toContain('王主任');

  // Saving again replaces the year (one document, no duplicates).
  const again = await put(office, 2027, { off: ['2027-01-01'] });
  expect(again.body).toMatchObject({ off: ['2027-01-01'], on: [] });
  expect(await h.db.connection.collection('holiday_years').countDocuments({ year: 2027 })).toBe(1);
});
