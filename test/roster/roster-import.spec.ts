import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../scripts/roster-import';
import type { CliDeps } from '../../scripts/cli-runtime';
import { createModels, ensureIndexes, type Models } from '../../src/models';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

let db: TestDatabase;
let models: Models;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase('roster-import');
  models = createModels(db.connection);
  await ensureIndexes(models);
  dir = await mkdtemp(path.join(os.tmpdir(), 'roster-import-'));
  await models.Deputy.create([
    { userid: 'clerk', name: '办事员', isOffice: true },
    { userid: 'gone', name: '钱十' },
    { userid: 'lisi', name: '李四', active: false },
  ]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.drop();
});

/** Runs the CLI in-process on the test database; returns its exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runIn({}, ...argv);
}

async function runIn(
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env: { NODE_ENV: 'test', OFFICE_USERIDS: 'office1', LOG_LEVEL: 'silent', ...env },
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    openDatabase: async () => ({ connection: db.connection, close: async () => undefined }),
  };
  const code = await main(argv, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The office's sheet: a title row, messy headers in their own order, a notes column, blank rows. */
async function writeRoster(file: string, rows: Array<Array<string | number | Date | null>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(['东风镇第十九届人大代表名册']);
  ws.addRow([
    '序号',
    ' 姓　名 ',
    '手机号码',
    '企业微信账号*',
    '层级',
    '专业小组',
    '联络站',
    '选区',
    '任期开始',
    '备注',
  ]);
  for (const r of rows) ws.addRow(r);
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

const good: Array<Array<string | number | Date | null>> = [
  [
    1,
    '张三',
    13800138000,
    'zhangsan',
    '镇级',
    '农村农业组',
    '东村联络站',
    '第一选区',
    new Date(Date.UTC(2021, 10, 1)),
    '',
  ],
  [],
  [2, '李四', '139 0013 9000', 'lisi', '县', '', '西村联络站', '第二选区', '2021/11/1', '重新当选'],
  [3, '王五', null, 'wangwu', '', '科教文卫', '', '', null, ''],
  [null, null, null, null, null, null, null, null, null, '以下空白'],
];

async function roster() {
  const docs = await models.Deputy.find({}).sort({ userid: 1 }).lean();
  return docs.map((d) => ({ ...d, _id: String(d._id) }));
}

it('a file with a bad row and duplicates writes nothing and names every row', async () => {
  const file = await writeRoster('bad.xlsx', [
    ...good,
    [4, '赵六', '', 'zhao liu', '', '', '', '', '', ''],
    [5, '张三', '', 'zhangsan3', '', '', '', '', '', ''],
    [6, '孙七', '', 'zhangsan', '', '', '', '', '', ''],
  ]);
  const before = await roster();
  const { code, out } = await run(file, '--apply');
  expect(code).toBe(1);
  expect(out).toContain('第8行：企业微信账号「zhao liu」不合规');
  expect(out).toContain('第9行：姓名「张三」与第3行重复');
  expect(out).toContain('第10行：企业微信账号「zhangsan」与第3行重复');
  expect(out).toContain('未写入：请先改正以上错误。');
  expect(await roster()).toEqual(before);
});

it('a dry run shows adds, field changes and who is missing, and writes nothing', async () => {
  const file = await writeRoster('good.xlsx', good);
  const before = await roster();
  const { code, out } = await run(file);
  expect(code).toBe(0);
  expect(out).toContain('代表名册导入（试运行，未写入）：good.xlsx，工作表「代表名册」');
  expect(out).toContain('未使用的列：序号、备注');
  expect(out).toContain('新增 2 人：');
  expect(out).toMatch(
    /\+ 第3行 张三（zhangsan） 层级：镇，专业小组：农村农业，联络站：东村联络站，选区：第一选区，手机：138\*\*\*\*8000，任期开始：2021-11-01/,
  );
  expect(out).toContain(
    '~ 第5行 李四（lisi）：层级 镇 → 县；联络站 （空） → 西村联络站；选区 （空） → 第二选区；手机 （空） → 139****9000；任期开始 （空） → 2021-11-01；状态 已停用 → 在册',
  );
  expect(out).toContain(
    '名册中在册、但文件中没有的 1 人（保留不动；如需停用，加 --deactivate-missing）：\n  - 钱十（gone）',
  );
  expect(out).toContain('人大办工作人员 1 人不在文件中，保留不动：\n  - 办事员（clerk）');
  expect(out).toContain('加 --apply 写入');
  expect(await roster()).toEqual(before);
});

it('--apply writes the roster; re-importing the same file changes nothing', async () => {
  const file = path.join(dir, 'good.xlsx');
  const applied = await run(file, '--apply');
  expect(applied.code).toBe(0);
  expect(applied.out).toContain('已写入：新增 2 人，修改 1 人，停用 0 人。');
  const zhang = await models.Deputy.findOne({ userid: 'zhangsan' }).lean();
  expect(zhang).toMatchObject({
    name: '张三',
    level: '镇',
    group: '农村农业',
    station: '东村联络站',
    district: '第一选区',
    phone: '13800138000',
    active: true,
    isOffice: false,
  });
  expect(zhang?.termStart?.toISOString()).toBe('2021-10-31T16:00:00.000Z');
  expect(await models.Deputy.findOne({ userid: 'lisi' }).lean()).toMatchObject({
    level: '县',
    active: true,
    phone: '13900139000',
  });

  const snapshot = await roster();
  const again = await run(file, '--apply');
  expect(again.code).toBe(0);
  expect(again.out).toContain('不变 3 人');
  expect(again.out).toContain('名册与文件一致，没有需要写入的变化。');
  expect(await roster()).toEqual(snapshot);
});

it('--deactivate-missing deactivates deputies not in the file but never office staff', async () => {
  const file = path.join(dir, 'good.xlsx');
  const dry = await run(file, '--deactivate-missing');
  expect(dry.out).toContain('停用 1 人（在册但不在文件中；历史记录保留）：\n  - 钱十（gone）');
  expect(await models.Deputy.countDocuments({ userid: 'gone', active: true })).toBe(1);
  const done = await run(file, '--deactivate-missing', '--apply');
  expect(done.out).toContain('停用 1 人。');
  expect(await models.Deputy.findOne({ userid: 'gone' }).lean()).toMatchObject({ active: false });
  expect(await models.Deputy.findOne({ userid: 'clerk' }).lean()).toMatchObject({ active: true, isOffice: true });
});

it('an emptied cell clears the field; a crash half-way is finished by running again', async () => {
  const file = await writeRoster('edit.xlsx', [
    [1, '张三', '', 'zhangsan', '镇', '农村农业', '东村联络站', '第一选区', '2021-11-01', ''],
    [2, '李四', '13900139000', 'lisi', '县', '', '西村联络站', '第二选区', '2021-11-01', ''],
    [3, '王五', null, 'wangwu', '', '科教文卫', '', '', null, ''],
    [4, '周八', null, 'zhouba', '', '', '', '', null, ''],
  ]);
  const dry = await run(file);
  expect(dry.out).toContain('~ 第3行 张三（zhangsan）：手机 138****8000 → （空）');
  expect(dry.out).toContain('+ 第6行 周八（zhouba）');
  // A crash after the first write: only that write (clearing the phone) reached the database.
  await models.Deputy.updateOne({ userid: 'zhangsan' }, { $unset: { phone: '' } });
  const { code, out } = await run(file, '--apply');
  expect(code).toBe(0);
  expect(out).toContain('新增 1 人');
  expect(out).toContain('不变 3 人');
  expect(await models.Deputy.findOne({ userid: 'zhangsan' }).lean()).not.toHaveProperty('phone');
  expect((await run(file, '--apply')).out).toContain('没有需要写入的变化');
});

it('explains usage, unknown formats and missing files', async () => {
  expect(await run()).toMatchObject({ code: 2, err: expect.stringContaining('用法：npm run roster:import') });
  expect(await run('x.xlsx', '--force')).toMatchObject({
    code: 2,
    err: expect.stringContaining('不认识的参数「--force」'),
  });
  expect(await run(path.join(dir, 'nope.xlsx'))).toMatchObject({ code: 2, err: expect.stringContaining('找不到文件') });
  // `npm run` moves to the project root: a relative name is read from where the user was (INIT_CWD).
  expect(await runIn({ INIT_CWD: dir }, 'good.xlsx')).toMatchObject({
    code: 0,
    out: expect.stringContaining('good.xlsx'),
  });
  const xls = path.join(dir, 'old.xls');
  await writeFile(xls, 'x');
  expect(await run(xls)).toMatchObject({ code: 2, err: expect.stringContaining('另存为 Excel 工作簿（.xlsx）') });
});

it('reads a UTF-8 CSV with BOM the same way', async () => {
  const csv = path.join(dir, 'roster.csv');
  await writeFile(
    csv,
    '\ufeff姓名,企业微信账号,层级,专业小组\r\n张三,zhangsan,镇,农村农业\r\n李四,lisi,县,\r\n王五,wangwu,,科教文卫\r\n周八,zhouba,,\r\n',
  );
  const { code, out } = await run(csv);
  expect(code).toBe(0);
  expect(out).toContain('不变 4 人');
  expect(out).toContain('文件中没有这些列，名册中对应信息保持不变：联络站、选区、手机、任期开始、任期结束');
});
