import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { rowsOf, workbook } from '../helpers/workbook';
import { binary, readZip } from '../helpers/zip';

// 票决 in the console: the office opens (form errors per field), watches turnout, closes, reads the tally and
// downloads it; deputies have no way in. The year-end pack carries each closed ballot's tally.
let h: Harness;
let office: ConsoleClient;
let deputy: ConsoleClient;
let n = 0;
const rid = () => `ballot-${++n}-abcdef`;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  h = await createHarness('ballots-console', { now: '2026-12-01T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhangsan');
});
afterAll(async () => h.close());

const form = (over: Record<string, unknown> = {}) => ({
  title: '2027年民生实事项目',
  candidates: ['村道硬化', '饮水改造', '=HYPERLINK("http://x","养老")'],
  choose: 2,
  upTo: false,
  deadline: '2026-12-10 18:00',
  requestId: rid(),
  ...over,
});

it('is the office’s: a deputy can neither list, open, read turnout nor close', async () => {
  expect((await deputy.get('/api/console/ballots')).status).toBe(403);
  expect((await deputy.post('/api/console/ballots', form())).status).toBe(403);
  expect((await deputy.get('/api/console/ballots/PJ2026-001')).status).toBe(403);
  expect((await deputy.post('/api/console/ballots/PJ2026-001/close', {})).status).toBe(403);
  expect(await h.models.Ballot.countDocuments()).toBe(0);
});

it('answers a bad form field by field, and opens nothing', async () => {
  const bad = await office.post('/api/console/ballots', form({ deadline: '明天', choose: 0 }));
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields).toMatchObject({
    deadline: expect.stringContaining('截止时间'),
    choose: expect.any(String),
  });
  const few = await office.post('/api/console/ballots', form({ candidates: ['只有一个'] }));
  expect(few.status).toBe(422);
  expect(few.body.error.fields).toEqual({ candidates: '候选至少 2 个，用「；」隔开。' });
  const past = await office.post('/api/console/ballots', form({ deadline: '2026-11-30 18:00' }));
  expect(past.status).toBe(422);
  expect(past.body.error.fields.deadline).toContain('已经过去了');
  const choose = await office.post('/api/console/ballots', form({ choose: 3 }));
  expect(choose.body.error.fields).toEqual({ choose: '要选的项数（3）要至少 1 项、少于候选数（3）。' });
  expect(await h.models.Ballot.countDocuments()).toBe(0);
});

it('opens once per request, shows turnout while open, and hides the tally', async () => {
  const body = form();
  const opened = await office.post('/api/console/ballots', body);
  expect(opened.status).toBe(200);
  expect(opened.body).toMatchObject({ code: 'PJ2026-001', entitled: 3, turnout: 0, closed: false });
  expect((await office.post('/api/console/ballots', body)).body.code).toBe('PJ2026-001');
  expect(await h.models.Ballot.countDocuments()).toBe(1);

  await h.say('zhangsan', '投票 PJ2026-001 1 3', single);
  await h.say('lisi', '投票 PJ2026-001 1 2', single);
  const detail = await office.get('/api/console/ballots/PJ2026-001');
  expect(detail.body).toEqual({
    state: 'open',
    ballot: expect.objectContaining({ turnout: 2, entitled: 3 }),
    notVoted: [{ userid: 'wangwu', name: '王五' }],
    records: [],
  });
  expect(JSON.stringify(detail.body)).not.toMatch(/counts|votes|tally/);
  expect((await office.get('/api/console/ballots/PJ2026-001/result.xlsx')).status).toBe(409);
  const list = await office.get('/api/console/ballots');
  expect(list.body.items.map((b: { code: string }) => b.code)).toEqual(['PJ2026-001']);
});

it('closes, shows the tally, announces it and downloads tallies only', async () => {
  const closed = await office.post('/api/console/ballots/PJ2026-001/close', { announce: true });
  expect(closed.status).toBe(200);
  expect(closed.body.state).toBe('closed');
  expect(closed.body.tally).toEqual({
    quorum: true,
    lines: [
      { n: 1, name: '村道硬化', votes: 2, chosen: true, tied: false },
      { n: 2, name: '饮水改造', votes: 1, chosen: false, tied: true },
      { n: 3, name: '=HYPERLINK("http://x","养老")', votes: 1, chosen: false, tied: true },
    ],
  });
  expect((await office.post('/api/console/ballots/PJ2026-001/close', {})).status).toBe(409);
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**票决结果** PJ2026-001'))).toHaveLength(1);

  const res = await office.get('/api/console/ballots/PJ2026-001/result.xlsx').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('票决结果-PJ2026-001.xlsx'));
  const wb = await workbook(res.body as Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['票决汇总', 'PJ2026-001']);
  const summary = rowsOf(wb.worksheets[0]!);
  expect(summary[1]!.slice(0, 3)).toEqual(['PJ2026-001', '2027年民生实事项目', '选2项']);
  expect(summary[1]!.slice(5)).toEqual([3, 2, '有效', '村道硬化']);
  const tally = rowsOf(wb.worksheets[1]!);
  expect(tally).toHaveLength(4);
  expect(tally[1]).toEqual([1, '村道硬化', 2, '当选']);
  // A candidate typed as a formula is text in the sheet, not a formula.
  expect(wb.worksheets[1]!.getCell('B4').formula).toBeUndefined();
  expect(String(wb.worksheets[1]!.getCell('B4').value)).toContain('HYPERLINK');
  const everything = JSON.stringify(wb.worksheets.map(rowsOf));
  for (const id of ['zhangsan', 'lisi', 'wangwu', '张三', '李四', '王五']) expect(everything).not.toContain(id);
});

it('puts each closed ballot’s tally in the year-end pack', async () => {
  const res = await office.get('/api/console/exports/pack.zip?year=2026').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const zip = readZip(res.body as Buffer);
  const wb = await workbook(zip.get('06-票决结果-2026.xlsx')!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['票决汇总', 'PJ2026-001']);
  expect(rowsOf(wb.worksheets[1]!)[1]).toEqual([1, '村道硬化', 2, '当选']);
});
