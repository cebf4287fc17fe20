import ExcelJS from 'exceljs';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { binary } from '../helpers/zip';

// Each unit's record of a year (承办单位办理情况), from cases handled through the chat over the 2026 National
// Day holiday: working days come from the holiday calendar (10-01…10-07 off, Saturday 10-10 a make-up day).

let h: Harness;
let office: ConsoleClient;
const at = (s: string) => h.clock.set(`${s}+08:00`);
const say = (who: string, text: string) => h.say(who, text);

beforeAll(async () => {
  h = await createHarness('unit_records', { now: '2025-12-10T10:00:00+08:00' });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  // A 2025 case: never in 2026's record.
  await say('zhangsan', '建议 希望镇里统一安装污水管网');
  await say('clerk', '交办 YJ2025-001 单位：住建办');

  at('2026-09-30T10:00:00');
  for (const text of ['村口路灯坏了', '河边垃圾堆积', '老街消防通道被占用', '学校门口缺少斑马线', '邻里纠纷'])
    await say('zhangsan', `建议 ${text}，请尽快处理`);
  await say('clerk', '交办 1 单位：住建办');
  await say('clerk', '交办 3 单位：派出所 期限：2026-10-09');
  await say('clerk', '交办 4 单位：派出所 期限：2026-10-08');
  await say('clerk', '交办 5 单位：住建办');
  // Rejected after 交办: counts nowhere, as in every rate.
  await say('clerk', '退回 5 属于村民自治事项');

  // Friday after the holiday: two working days after 09-30 (10-08, 10-09), not seven weekdays.
  at('2026-10-09T10:00:00');
  await say('clerk', '答复 1 A 已修复');
  await say('clerk', '答复 4 C 已列入明年计划施划斑马线');
  await say('clerk', '交办 2 单位：住建办');
  // Saturday 10-10 is a make-up working day: answered one working day after 交办.
  at('2026-10-10T10:00:00');
  await say('clerk', '答复 2 B 已安排清运');
  at('2026-10-12T10:00:00');
  await say('zhangsan', '评价 1 满意');
  await say('zhangsan', '评价 2 不满意 清运后又堆起来了');
  office = await signIn(h, 'clerk');
}, 90_000);
afterAll(async () => h?.close());

const records = async (year?: number) => {
  const res = await office.get(`/api/console/unit-records${year ? `?year=${year}` : ''}`);
  expect(res.status).toBe(200);
  return res.body as { year: number; units: Array<Record<string, unknown>> };
};

it('counts each unit’s year: received, on time, working days to answer, classes and rates', async () => {
  const body = await records(2026);
  expect(body.year).toBe(2026);
  expect(body.units).toEqual([
    {
      unit: '住建办',
      // Case 1, case 2 and case 2's second round after 不满意; the rejected case 5 is left out.
      received: 3,
      answered: 2,
      answeredOnTime: 2,
      answeredLate: 0,
      openOverdue: 0,
      openInTime: 1,
      // (2 + 1) / 2 on the holiday calendar; a weekday count would give (7 + 0) / 2.
      averageWorkdays: 1.5,
      resolutions: { A: 1, B: 1, C: 0, D: 0 },
      unclassified: 0,
      rated: 2,
      ratings: { 满意: 1, 基本满意: 0, 不满意: 1 },
      onTimeRate: '100.0%',
      resolveRate: '50.0%',
      satisfactionRate: '50.0%',
    },
    {
      unit: '派出所',
      received: 2,
      answered: 1,
      answeredOnTime: 0,
      answeredLate: 1,
      openOverdue: 1,
      openInTime: 0,
      averageWorkdays: 2,
      resolutions: { A: 0, B: 0, C: 1, D: 0 },
      unclassified: 0,
      rated: 0,
      ratings: { 满意: 0, 基本满意: 0, 不满意: 0 },
      onTimeRate: '0.0%',
      resolveRate: '0.0%',
      satisfactionRate: '—',
    },
  ]);
  // The current year when none is asked for; 2025 holds only its own case.
  expect((await records()).year).toBe(2026);
  expect((await records(2025)).units).toEqual([
    expect.objectContaining({ unit: '住建办', received: 1, answered: 0, averageWorkdays: null, resolveRate: '—' }),
  ]);
  expect((await records(2024)).units).toEqual([]);
});

it('is the office’s alone and refuses a year that is not one', async () => {
  const deputy = await signIn(h, 'zhangsan');
  expect((await deputy.get('/api/console/unit-records?year=2026')).status).toBe(403);
  expect((await h.request.get('/api/console/unit-records?year=2026')).status).toBe(401);
  const bad = await office.get('/api/console/unit-records?year=abc');
  expect(bad.status).toBe(400);
});

/** A workbook downloaded from the console. */
async function workbookAt(url: string): Promise<ExcelJS.Workbook> {
  const res = await office.get(url).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as unknown as ArrayBuffer);
  return wb;
}

it('gives the ledger its own sheet of the units’ records, with the same figures', async () => {
  const wb = await workbookAt('/api/console/exports/opinions.xlsx?year=2026');
  expect(wb.worksheets.map((w) => w.name)).toEqual(['2026年', '2026年承办单位办理情况']);
  const sheet = wb.getWorksheet('2026年承办单位办理情况')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual([
    '承办单位',
    '交办件次',
    '已答复',
    '按期答复',
    '逾期答复',
    '未答复已逾期',
    '未答复未到期',
    '平均答复用时（工作日）',
    'A 已解决',
    'B 正在解决',
    'C 列入计划',
    'D 因条件限制暂不能解决',
    '答复未分类',
    '已评价',
    '满意',
    '基本满意',
    '不满意',
    '按期答复率',
    '解决率',
    '满意率',
  ]);
  // By unit name (pinyin order), as a ledger is read.
  expect(rows.slice(1)).toEqual([
    ['派出所', 2, 1, 0, 1, 1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, '0.0%', '0.0%', '—'],
    ['住建办', 3, 2, 2, 0, 0, 1, 1.5, 1, 1, 0, 0, 0, 2, 1, 0, 1, '100.0%', '50.0%', '50.0%'],
  ]);
  // Every year's ledger gets each year's sheet; the list's filtered export stays the rows alone.
  const wbAll = await workbookAt('/api/console/exports/opinions.xlsx');
  expect(wbAll.worksheets.map((w) => w.name)).toEqual([
    '2025年',
    '2026年',
    '2025年承办单位办理情况',
    '2026年承办单位办理情况',
  ]);
  const wbFiltered = await workbookAt(`/api/console/opinions/export.xlsx?unit=${encodeURIComponent('住建办')}`);
  expect(wbFiltered.worksheets).toHaveLength(1);
});
