import { clientFor, LINK, sessionCookie, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { seedPerformanceYear } from '../helpers/performance-year';
import { binary, docxParagraphs } from '../helpers/zip';

// 述职 2026: a Word draft of the deputy's year, every sentence naming a record, delivered as a download link.

const REPORT_PATH = /\/console\/reports\/[\w.%@-]+\/\d{4}\.docx/;
const CODE = /(YJ|HD|HY|XX)\d{4}-\d{3}/g;

let h: Harness;
let seeded: { meeting: string; inspection: string; training: string };
beforeAll(async () => {
  h = await createHarness('report-draft', { officeUserIds: ['office1'] });
  seeded = await seedPerformanceYear(h);
  await h.services.roster.upsertDeputy({
    userid: 'zhangsan',
    name: '张三',
    district: '第三选区',
    station: '东村联络站',
  });
  await h.addDeputy('zhaoliu', '赵六');
  // A title stored before filing masked contact numbers: the draft still must not show the constituent's phone.
  await h.models.Opinion.updateOne({ code: 'YJ2026-002' }, { $set: { title: '东村垃圾清运，联系人电话13812345678' } });
}, 90_000);
afterAll(async () => h.close());

async function download(as: string, userid: string, year = 2026): Promise<string[]> {
  const me = await signIn(h, as);
  const res = await me.get(`/api/console/reports/${userid}/${year}.docx`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml.document');
  return docxParagraphs(res.body as Buffer);
}

it('answers 述职 one-to-one with a download link, and refuses it in the group', async () => {
  const reply = await h.say('zhangsan', '述职 2026', { chattype: 'single' });
  expect(reply).toContain('/console/reports/zhangsan/2026.docx');
  const group = await h.say('zhangsan', '述职 2026');
  expect(group).toContain('只在单聊中发送');
  expect(group).not.toMatch(REPORT_PATH);
  expect(await h.say('zhangsan', '述职 2031', { chattype: 'single' })).toContain('不是可查询的年份');
});

it('drafts the official layout naming the deputy, the constituency and every record', async () => {
  const text = await download('zhangsan', 'zhangsan');
  expect(text[0]).toBe('2026年度人大代表述职报告');
  expect(text).toContain('代表：张三　　选区：第三选区　　联络站：东村联络站');
  for (const heading of [
    '一、参加会议',
    '二、参加活动与视察',
    '三、提出意见建议及办理情况',
    '四、联络站值班与联系群众',
    '五、学习培训',
  ])
    expect(text).toContain(heading);
  const all = text.join('\n');
  expect(all).toContain(`2026年5月6日，${seeded.meeting}「第三次主席团会议」：出席。`);
  expect(all).toContain(`${seeded.inspection}「视察民生实事项目」（视察）：出席。`);
  expect(all).toContain(
    '提出 YJ2026-001「村口三盏路灯不亮，夜间行人不便，请尽快维修」，当前状态：已办结，评价：满意。',
  );
  expect(all).toContain('附议 YJ2026-003');
  expect(all).toContain('2026年6月6日，东村联络站值班：出席。');
  expect(all).toContain('学习 XX2026-001「代表法第二讲');
  // The withdrawn opinion is not the deputy's work for the year.
  expect(all).not.toContain('YJ2026-004');
  // The closing paragraph is the only one not from a record, and says so.
  expect(text[text.length - 1]).toMatch(/^【此段由代表本人撰写/);
});

it('names only records that exist, with their own dates and states', async () => {
  const all = (await download('zhangsan', 'zhangsan')).join('\n');
  const codes = [...new Set(all.match(CODE))];
  expect(codes.length).toBeGreaterThanOrEqual(6);
  for (const code of codes) {
    const line = all.split('\n').find((l) => l.includes(code))!;
    if (code.startsWith('YJ')) {
      const o = (await h.models.Opinion.findOne({ code }).lean())!;
      expect(line).toContain(`当前状态：${o.status}`);
    } else if (code.startsWith('HD')) expect(await h.models.Activity.exists({ code })).toBeTruthy();
    else if (code.startsWith('HY')) expect(await h.models.Meeting.exists({ code })).toBeTruthy();
    else expect(await h.models.StudyItem.exists({ code })).toBeTruthy();
  }
  const record = await h.services.performance.recordFor('zhangsan', 2026);
  expect(codes.sort()).toEqual([...new Set(record.items.map((i) => i.code!))].sort());
});

it('masks a constituent’s phone number that an old title still holds', async () => {
  const all = (await download('zhangsan', 'zhangsan')).join('\n');
  expect(all).toContain('转交群众反映 YJ2026-002「东村垃圾清运，联系人电话138****5678」');
  expect(all).not.toContain('13812345678');
});

it('says 本年度无记录 honestly for a deputy with nothing recorded', async () => {
  const text = await download('zhaoliu', 'zhaoliu');
  expect(text.filter((l) => l === '本年度无记录。')).toHaveLength(5);
  expect(text.join('\n')).not.toMatch(CODE);
  expect(text).toContain('代表：赵六　　选区：名册未登记');
});

it('gives the file to the deputy and the office only', async () => {
  expect((await h.request.get('/api/console/reports/zhangsan/2026.docx')).status).toBe(401);
  const li = await signIn(h, 'lisi');
  expect((await li.get('/api/console/reports/zhangsan/2026.docx')).status).toBe(403);
  expect((await li.get('/console/reports/zhangsan/2026.docx')).status).toBe(403);
  const office = await signIn(h, 'office1');
  expect((await office.get('/api/console/reports/nobody/2026.docx')).status).toBe(404);
  expect((await office.get('/api/console/reports/zhangsan/2026.pdf')).status).toBe(404);
  const future = await office.get('/api/console/reports/zhangsan/2031.docx');
  expect([future.status, future.body.error.code]).toEqual([422, 'records.badYear']);
  expect((await download('office1', 'zhangsan')).join('\n')).toContain('代表：张三');
  const chat = await h.say('office1', '述职 2026 张三', { chattype: 'single' });
  expect(chat).toContain('/console/reports/zhangsan/2026.docx');
  expect(await h.say('lisi', '述职 2026 张三', { chattype: 'single' })).toContain('只能生成自己的');
});

it('sends a browser without a session through sign-in, then back to the download', async () => {
  const link = REPORT_PATH.exec(await h.say('zhangsan', '述职', { chattype: 'single' }))![0];
  const first = await h.request.get(link);
  expect(first.status).toBe(302);
  expect(first.headers.location).toBe('/console/?login=report');
  const next = ((first.headers['set-cookie'] as unknown as string[]) ?? []).find((c) => c.startsWith('console_next='));
  expect(next).toContain('Path=/console');
  const nextCookie = next!.split(';')[0]!;
  // The deputy signs in with the link from 登录, in the same browser (the cookie goes along).
  const loginPath = LINK.exec(await h.say('zhangsan', '登录', { chattype: 'single' }))![0];
  const page = await h.request.get(loginPath);
  const token = /name="token" value="([A-Za-z0-9_-]{43})"/.exec(page.text)![1]!;
  const post = await h.request
    .post('/console/login')
    .set('Host', 'console.example')
    .set('Origin', 'http://console.example')
    .set('Cookie', nextCookie)
    .type('form')
    .send({ token });
  expect(post.headers.location).toBe(link);
  const me = await clientFor(h, sessionCookie(post)!);
  const file = await me.get(link).buffer(true).parse(binary);
  expect(file.status).toBe(200);
  expect(docxParagraphs(file.body as Buffer)).toContain('代表：张三　　选区：第三选区　　联络站：东村联络站');
  // An ordinary sign-in (no interrupted download) still lands on the start page.
  const plain = await signIn(h, 'zhangsan');
  expect(plain.cookie).toMatch(/^console_sid=/);
});

it('has no 履职积分 unless the office configures one', async () => {
  expect(await h.say('zhangsan', '履职 2026')).not.toContain('积分');
  const office = await signIn(h, 'office1');
  const r = await office.get('/api/console/performance/scores?year=2026');
  expect(r.body).toMatchObject({ enabled: false, year: 2026 });
  expect((await (await signIn(h, 'zhangsan')).get('/api/console/me/performance')).body.score).toBeNull();
});
