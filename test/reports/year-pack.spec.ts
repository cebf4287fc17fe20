import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../scripts/export';
import { signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { seedPerformanceYear } from '../helpers/performance-year';
import { binary, docxParagraphs, readZip } from '../helpers/zip';

// The year-end pack: one zip with the ledgers, the units' records, every deputy's 述职 draft and an index.

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await createHarness('year-pack', { officeUserIds: ['office1'] });
  await seedPerformanceYear(h);
  dir = await mkdtemp(path.join(os.tmpdir(), 'year-pack-'));
}, 90_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await h.close();
});

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as arrays of cell values (header first). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function downloadPack(): Promise<Map<string, Buffer>> {
  const office = await signIn(h, 'office1');
  const res = await office.get('/api/console/exports/pack.zip?year=2026').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年度资料包.zip'));
  return readZip(res.body as Buffer);
}

it('holds the ledgers, the units’ records, each deputy’s draft and an index of them all', async () => {
  const zip = await downloadPack();
  const names = [...zip.keys()].sort();
  expect(names).toEqual(
    [
      '00-索引.xlsx',
      '01-意见建议台账-2026.xlsx',
      '02-代表活动与会议台账-2026.xlsx',
      '03-代表履职登记册-2026.xlsx',
      '04-承办单位办理情况-2026.xlsx',
      '05-述职报告草稿/张三-2026年述职报告草稿.docx',
      '05-述职报告草稿/李四-2026年述职报告草稿.docx',
      '05-述职报告草稿/王五-2026年述职报告草稿.docx',
      '06-票决结果-2026.xlsx',
      '07-民生实事-2026.xlsx',
      '08-测评评议结果-2026.xlsx',
    ].sort(),
  );
  for (const name of names.filter((n) => n.endsWith('.xlsx'))) await workbook(zip.get(name)!);
  const index = rowsOf((await workbook(zip.get('00-索引.xlsx')!)).worksheets[0]!);
  expect(index[0]).toEqual(['文件', '内容', '行数或份数']);
  // Every other entry, with what it holds and how many rows (deputies for the register, one per draft).
  expect(
    index
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(names.filter((n) => n !== '00-索引.xlsx'));
  expect(index.find((r) => r[0] === '03-代表履职登记册-2026.xlsx')?.[2]).toBe(3);
  const register = (await workbook(zip.get('03-代表履职登记册-2026.xlsx')!)).worksheets[0]!;
  expect(
    rowsOf(register)
      .slice(1)
      .map((r) => r[0]),
  ).toEqual(['李四', '王五', '张三']);
  const draft = docxParagraphs(zip.get('05-述职报告草稿/张三-2026年述职报告草稿.docx')!).join('\n');
  expect(draft).toContain('代表：张三');
  expect(draft).toContain('YJ2026-001');
});

it('counts each unit’s cases, answers on time and 满意率 from the opinions’ rounds', async () => {
  const zip = await downloadPack();
  const wb = await workbook(zip.get('04-承办单位办理情况-2026.xlsx')!);
  const [summary, detail] = wb.worksheets.map(rowsOf) as [unknown[][], unknown[][]];
  expect(summary[0]).toEqual([
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
  // Figures only (the working-day average is the unit records' own test's, test/units/unit-records.spec.ts).
  expect(summary.slice(1).map((r) => [...r.slice(0, 7), ...r.slice(8)])).toEqual([
    ['城管执法中队', 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, '100.0%', '100.0%', '100.0%'],
    ['环卫所', 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '100.0%', '100.0%', '—'],
  ]);
  expect(detail.slice(1).map((r) => [r[0], r[1], r[7], r[9] ?? null])).toEqual([
    ['城管执法中队', 'YJ2026-001', '按期', '满意'],
    ['环卫所', 'YJ2026-002', '按期', null],
  ]);
});

it('is the office’s alone, and the same pack comes from npm run export -- pack', async () => {
  const deputy = await signIn(h, 'zhangsan');
  expect((await deputy.get('/api/console/exports/pack.zip?year=2026')).status).toBe(403);
  expect((await h.request.get('/api/console/exports/pack.zip?year=2026')).status).toBe(401);
  const out: string[] = [];
  const err: string[] = [];
  const run = (argv: string[]) =>
    main(argv, {
      env: { NODE_ENV: 'test', OFFICE_USERIDS: 'office1', LOG_LEVEL: 'silent' },
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      openDatabase: async () => ({ connection: h.db.connection, close: async () => undefined }),
      clock: h.clock,
    });
  const file = path.join(dir, 'pack.zip');
  expect(await run(['pack', '--year', '2026', '--out', file])).toBe(0);
  expect(out.join('\n')).toContain('已导出年度资料包');
  expect([...readZip(await readFile(file)).keys()]).toHaveLength(11);
  expect(await run(['pack', '--year', '2026', '--out', path.join(dir, 'pack.xlsx')])).toBe(2);
  expect(err.join('\n')).toContain('应以 .zip 结尾');
});
