import ExcelJS from 'exceljs';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { binary } from '../helpers/zip';

// 解决率 = answers of class A ÷ answered (答复率's numerator), beside the three rates wherever they are shown:
// 统计, the weekly digest, the console's overview and the ledger.
let h: Harness;
let office: ConsoleClient;
const say = (who: string, text: string) => h.say(who, text);

beforeAll(async () => {
  h = await createHarness('units_resolve_rate', { now: '2026-11-16T10:00:00+08:00' });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  for (const text of ['村口路灯坏了', '河边垃圾堆积', '老街消防通道被占用', '学校门口缺少斑马线', '邻里纠纷调解'])
    await say('zhangsan', `建议 ${text}，请尽快处理`);
  for (const n of [1, 2, 3, 4, 5]) await say('clerk', `交办 ${n} 单位：住建办`);
  office = await signIn(h, 'clerk');
}, 60_000);
afterAll(async () => h?.close());

it('shows — while nothing is answered', async () => {
  expect(await say('clerk', '统计')).toContain('答复率 0.0% · 办结率 0.0% · 满意率 — · 解决率 —');
  expect((await office.get('/api/console/overview?year=2026')).body.rates).toEqual({
    answered: '0.0%',
    closed: '0.0%',
    satisfied: '—',
    resolved: '—',
  });
});

it('counts class A over the answered cases; a case reopened after 不满意 counts again only when answered', async () => {
  await say('clerk', '答复 1 A 已修复');
  await say('clerk', '答复 2 B 已安排清运，每周两次');
  await say('clerk', '答复 3 A 已清理通道');
  await say('clerk', '答复 4 D 路段属省道，已报县交通局');
  await say('clerk', '办结 1');
  // Its A answer did not solve it: back to the unit, out of both numerator and denominator.
  await say('zhangsan', '评价 3 不满意 通道又被占了');
  const stats = await say('clerk', '统计');
  // Answered or closed: 1 (A), 2 (B), 4 (D); 5 is unanswered, 3 is open again.
  expect(stats).toContain('答复率 60.0% · 办结率 20.0% · 满意率 0.0% · 解决率 33.3%');
  expect(stats).toContain('已答复 3 件');
  expect((await office.get('/api/console/overview?year=2026')).body.rates.resolved).toBe('33.3%');
  // The digest's preview carries the same figure.
  expect(await say('clerk', '周报')).toContain('答复率 60.0%，办结率 20.0%，满意率 0.0%，解决率 33.3%');
  await say('clerk', '答复 3 A 已安装隔离桩，通道畅通');
  expect(await say('clerk', '统计')).toContain('解决率 50.0%');
});

it('puts each case’s class in the ledger, and 解决率 per unit on its units sheet', async () => {
  const res = await office.get('/api/console/exports/opinions.xlsx?year=2026').buffer(true).parse(binary);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('2026年')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const col = header.indexOf('落实分类') + 1;
  expect(col).toBeGreaterThan(0);
  const classes: unknown[] = [];
  sheet.eachRow((row, n) => n > 1 && classes.push(row.getCell(col).value ?? null));
  expect(classes).toEqual(['A 已解决', 'B 正在解决', 'A 已解决', 'D 因条件限制暂不能解决', null]);
  const units = wb.getWorksheet('2026年承办单位办理情况')!;
  const unitHeader = (units.getRow(1).values as unknown[]).slice(1);
  const unitRow = (units.getRow(2).values as unknown[]).slice(1);
  // Rounds: 3's second round is answered A too, so 3 of 5 answers are A.
  expect(unitRow[unitHeader.indexOf('解决率')]).toBe('60.0%');
});
