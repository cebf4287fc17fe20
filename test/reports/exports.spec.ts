import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../scripts/export';
import { formatRate } from '../../src/services/opinions';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { seedPerformanceYear } from '../helpers/performance-year';

let h: Harness;
let dir: string;
let codes: Awaited<ReturnType<typeof seedPerformanceYear>>;

beforeAll(async () => {
  h = await createHarness('exports', { officeUserIds: ['office1'] });
  codes = await seedPerformanceYear(h);
  // An opinion with a constituent's phone number in it: the ledger masks it unless --full-text.
  h.clock.set('2026-11-20T09:00:00+08:00');
  await h.say('wangwu', '民意 西村张大爷反映低保没有按时发放，联系电话13812345678');
  h.clock.set('2026-11-22T10:00:00+08:00');
  dir = await mkdtemp(path.join(os.tmpdir(), 'exports-'));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await h.close();
});

async function exportRun(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return exportIn({}, ...argv);
}

async function exportIn(
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env: { NODE_ENV: 'test', OFFICE_USERIDS: 'office1', LOG_LEVEL: 'silent', ...env },
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    openDatabase: async () => ({ connection: h.db.connection, close: async () => undefined }),
    clock: h.clock,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet as objects keyed by its header row. */
function records(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((hd, i) => [hd, values[i] ?? null])));
  });
  return out;
}

/** Beijing wall-clock time as exported (Excel has no zones): the cell's UTC fields read the wall clock. */
const wall = (iso: string) => new Date(`${iso}Z`);

function expectFrozenHeader(ws: ExcelJS.Worksheet): void {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.getRow(1).font?.bold).toBe(true);
  expect(ws.getColumn(1).width).toBeGreaterThan(5);
}

/** The figures of a 履职 reply, by the register's column names. */
function figuresOfReply(reply: string): Record<string, number> {
  const n = (re: RegExp) => Number(re.exec(reply)?.[1] ?? 0);
  return {
    提出建议: n(/提出 (\d+) 件/),
    其中群众反映: n(/群众反映 (\d+) 件/),
    附议: n(/附议 (\d+) 件/),
    已答复: n(/已答复 (\d+) 件/),
    已办结: n(/已办结 (\d+) 件/),
    活动报名: n(/报名 (\d+) 次/),
    活动参加: n(/参加 (\d+) 次/),
    活动请假: n(/参加 \d+ 次，请假 (\d+) 次/),
    会议应到: n(/应到 (\d+) 次/),
    会议出席: n(/出席 (\d+) 次/),
    会议请假: n(/出席 \d+ 次，请假 (\d+) 次/),
    会议缺席: n(/缺席 (\d+) 次/),
    值班安排: n(/安排 (\d+) 次/),
    值班到岗: n(/到岗 (\d+) 次/),
    学习已学: n(/已学 (\d+) 份/),
    本年推送学习: n(/推送 (\d+) 份/),
  };
}

describe('register', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const res = await exportRun('register', '--year', '2026', '--out', path.join(dir, 'register.xlsx'));
    expect(res).toMatchObject({ code: 0, out: expect.stringContaining('已导出代表履职登记册') });
    wb = await open(path.join(dir, 'register.xlsx'));
  });

  it('has one summary row per deputy with the same figures as 履职', async () => {
    const ws = wb.getWorksheet('履职汇总')!;
    expectFrozenHeader(ws);
    const rows = records(ws);
    expect(rows.map((r) => r.姓名)).toEqual(['李四', '王五', '张三']);
    for (const row of rows) {
      const reply = await h.say('office1', `履职 ${String(row.姓名)} 2026`);
      const fromReply = figuresOfReply(reply);
      const fromSheet = Object.fromEntries(Object.keys(fromReply).map((k) => [k, row[k]]));
      expect(fromSheet).toEqual(fromReply);
    }
    const zhang = rows.find((r) => r.姓名 === '张三')!;
    expect(zhang).toMatchObject({
      企业微信账号: 'zhangsan',
      专业小组: '农村农业',
      名册状态: '在册',
      提出建议: 2,
      附议: 1,
      视察参加: 1,
      培训参加: 1,
      调研参加: 0,
      会议出席: 1,
      值班到岗: 1,
      学习已学: 1,
    });
  });

  it("adds up to the digest: the year's answered and closed opinions, and so its rates", async () => {
    const rows = records(wb.getWorksheet('履职汇总')!);
    const sum = (column: string) => rows.reduce((n, r) => n + Number(r[column]), 0);
    expect([sum('提出建议'), sum('已答复'), sum('已办结')]).toEqual([4, 2, 1]);
    // The digest's year line is computed by the opinions service: its numerators are the register's sums.
    const year = await h.services.opinions.yearRates(2026);
    expect([year.answeredOrClosed, year.closed]).toEqual([sum('已答复'), sum('已办结')]);
    const digest = (await h.services.digest.build(h.clock.now())).join('\n');
    expect(digest).toContain(
      `答复率 ${formatRate(sum('已答复'), year.assignedOrLater)}，办结率 ${formatRate(sum('已办结'), year.assignedOrLater)}`,
    );
  });

  it('has an itemised sheet per deputy: what, when, result, with real dates', () => {
    const ws = wb.getWorksheet('张三')!;
    expectFrozenHeader(ws);
    const rows = records(ws);
    expect(Object.keys(rows[0]!)).toEqual(['时间', '类别', '编号', '事项', '说明', '结果']);
    expect(rows[0]).toEqual({
      时间: wall('2026-01-05T10:00:00'),
      类别: '提出意见建议',
      编号: 'YJ2026-001',
      事项: expect.stringContaining('路灯'),
      说明: '代表',
      结果: '已办结',
    });
    expect(rows.find((r) => r.编号 === codes.meeting)).toMatchObject({
      类别: '会议',
      时间: wall('2026-05-06T14:30:00'),
      结果: '出席',
    });
    expect(rows.map((r) => r.类别)).toEqual([
      '提出意见建议',
      '提出意见建议',
      '附议',
      '代表活动',
      '代表活动',
      '会议',
      '联络站值班',
      '学习',
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['履职汇总', '李四', '王五', '张三']);
  });
});

describe('opinions ledger', () => {
  it('has a sheet per year with every step dated, days taken, overdue flag, and masked text', async () => {
    const file = path.join(dir, 'opinions.xlsx');
    expect((await exportRun('opinions', '--out', file)).code).toBe(0);
    const wb = await open(file);
    // Each year's opinions, then each year's units' records (their figures: test/units/unit-records.spec.ts).
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '2025年',
      '2026年',
      '2025年承办单位办理情况',
      '2026年承办单位办理情况',
    ]);
    const ws = wb.getWorksheet('2026年')!;
    expectFrozenHeader(ws);
    const rows = records(ws);
    expect(rows.map((r) => r.编号)).toEqual(['YJ2026-001', 'YJ2026-002', 'YJ2026-003', 'YJ2026-004', 'YJ2026-005']);
    expect(rows[0]).toMatchObject({
      提出人: '张三',
      来源: '代表',
      附议人: '王五、李四',
      状态: '已办结',
      承办单位: '城管执法中队',
      答复: '三盏路灯均已修复',
      满意度: '满意',
      提出时间: wall('2026-01-05T10:00:00'),
      交办时间: wall('2026-01-05T10:00:00'),
      答复时间: wall('2026-01-12T10:00:00'),
      办结时间: wall('2026-01-12T10:00:00'),
      办理天数: 7,
      是否逾期: '否',
    });
    expect(rows[0]!.办理期限).toBeInstanceOf(Date);
    expect(rows[3]).toMatchObject({ 状态: '已撤回', 办理天数: 0 });
    expect(rows[4]).toMatchObject({ 来源: '群众反映', 内容: expect.stringContaining('138****5678') });
    expect(JSON.stringify(rows)).not.toContain('13812345678');
  });

  it('keeps the full text when asked, and filters by year', async () => {
    const file = path.join(dir, 'opinions-2026.xlsx');
    expect((await exportRun('opinions', '--year', '2026', '--out', file, '--full-text')).code).toBe(0);
    const wb = await open(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2026年', '2026年承办单位办理情况']);
    expect(records(wb.worksheets[0]!)[4]!.内容).toContain('13812345678');
  });
});

describe('activities ledger', () => {
  it('lists activities and meetings with attendance, a per-person sheet and shifts', async () => {
    const file = path.join(dir, 'activities.xlsx');
    expect((await exportRun('activities', '--year', '2026', '--out', file)).code).toBe(0);
    const wb = await open(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['代表活动', '会议', '出勤明细', '联络站值班']);
    const acts = records(wb.getWorksheet('代表活动')!);
    expect(acts.find((a) => a.编号 === codes.inspection)).toMatchObject({
      类型: '视察',
      开始时间: wall('2026-04-10T09:00:00'),
      报名人数: 2,
      签到人数: 1,
      报名名单: '张三、李四',
      签到名单: '张三',
      名额: '不限',
    });
    const meeting = records(wb.getWorksheet('会议')!)[0]!;
    expect(meeting).toMatchObject({
      编号: codes.meeting,
      应到: 3,
      出席: 1,
      请假: 1,
      缺席: 1,
      出席名单: '张三',
      '请假名单（原因）': '李四（外出学习）',
      缺席名单: '王五',
    });
    const detail = records(wb.getWorksheet('出勤明细')!);
    expect(detail.filter((r) => r.编号 === codes.inspection).map((r) => [r.代表, r.结果])).toEqual([
      ['李四', '未签到'],
      ['张三', '出席'],
    ]);
    expect(records(wb.getWorksheet('联络站值班')!)).toEqual([
      { 值班时间: wall('2026-06-06T00:00:00'), 联络站: '东村联络站', 代表: '张三', 是否到岗: '已到岗' },
    ]);
  });
});

describe('the command line', () => {
  it.each([
    [['payroll'], '不认识的导出类型「payroll」'],
    [['register', '--year', '26'], '「26」不是年份'],
    [['register', '--out', 'x.csv'], '应以 .xlsx 结尾'],
    [['register', '--year'], '参数 --year 后面需要一个值'],
    [['register', '--year', '2030', '--out', 'never.xlsx'], '「2030」不是可查询的年份'],
    [
      ['opinions', '--year', '2030', '--out', 'never.xlsx'],
      '「2030」不是可查询的年份：请写 2000 到 2026 之间的年份。例：--year 2026',
    ],
    [['activities', '--year', '1999', '--out', 'never.xlsx'], '「1999」不是可查询的年份'],
  ])('%j is refused with a line that says what to do', async (argv, expected) => {
    const res = await exportRun(...argv.map((a) => (a === 'never.xlsx' ? path.join(dir, a) : a)));
    expect(res.code).toBe(2);
    expect(res.err).toContain(expected);
    expect(existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  it('writes a relative --out where the user ran npm, not in the project root', async () => {
    // `npm run` changes to the project root and leaves the user's directory in INIT_CWD.
    const res = await exportIn({ INIT_CWD: dir }, 'register', '--out', 'relative.xlsx');
    expect(res).toMatchObject({ code: 0, out: expect.stringContaining(path.join(dir, 'relative.xlsx')) });
    expect(existsSync(path.join(dir, 'relative.xlsx'))).toBe(true);
  });

  it('without --out, writes into the files folder (FILES_DIR), creating it', async () => {
    const files = path.join(dir, 'files-folder');
    const res = await exportIn({ FILES_DIR: files, INIT_CWD: dir }, 'register', '--year', '2026');
    expect(res.code).toBe(0);
    expect(existsSync(path.join(files, '代表履职登记册-2026.xlsx'))).toBe(true);
  });

  it('leaves no partial files behind', async () => {
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('formulas', () => {
  /** A download from the console, as bytes. */
  const download = (c: ConsoleClient, url: string) =>
    c
      .get(url)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  /** Every text cell that a spreadsheet would run, and every formula cell, in a workbook. */
  function liveFormulas(wb: ExcelJS.Workbook): string[] {
    const found: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) found.push(`${ws.name}!${cell.address}: formula`);
          else if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value))
            found.push(`${ws.name}!${cell.address}: ${cell.value}`);
        }),
      );
    return found;
  }

  it('typed text that a spreadsheet would run stays text, in every export (a leading apostrophe)', async () => {
    const office = await signIn(h, 'office1');
    // A roster upload brings the values in (station and district typed by whoever made the file).
    const csv =
      '企业微信账号,姓名,联络站,选区\nformula1,赵六,"=HYPERLINK(""http://evil.example"",""点我"")",@SUM(1+1)\n';
    const uploaded = await office
      .post('/api/console/roster/import/apply?file=r.csv')
      .set('content-type', 'application/octet-stream')
      .send(Buffer.from(csv));
    expect(uploaded.status).toBe(200);
    const filed = await h.say('formula1', '建议 =1+2 北街路灯坏了很久没有人修');
    const code = /YJ\d{4}-\d{3}/.exec(filed)![0];

    const books: Array<[string, ExcelJS.Workbook]> = [];
    for (const kind of ['opinions', 'register', 'activities']) {
      const file = path.join(dir, `formulas-${kind}.xlsx`);
      expect((await exportRun(kind, '--year', '2026', '--out', file)).code).toBe(0);
      books.push([kind, await open(file)]);
    }
    for (const url of ['/api/console/opinions/export.xlsx', `/api/console/events/${codes.inspection}/export.xlsx`]) {
      const res = await download(office, url);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as never);
      books.push([url, wb]);
    }
    for (const [name, wb] of books) expect([name, liveFormulas(wb)]).toEqual([name, []]);

    const opinions = records(books[0]![1].getWorksheet('2026年')!);
    expect(opinions.find((r) => r.编号 === code)!.内容).toBe("'=1+2 北街路灯坏了很久没有人修");
    const register = records(books[1]![1].worksheets[0]!);
    expect(register.find((r) => r.姓名 === '赵六')).toMatchObject({
      联络站: '\'=HYPERLINK("http://evil.example","点我")',
    });
  });
});
