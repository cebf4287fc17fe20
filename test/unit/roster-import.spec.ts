import { defaults } from '../../config/defaults';
import { mapHeader, normalizeHeader, parseRosterSheets, readDate } from '../../src/services/roster';
import { planImport, type StoredDeputy } from '../../src/services/roster';
import { formatImportReport } from '../../src/services/roster';
import { decodeText, readSheetFile, type Sheet } from '../../src/services/roster';
import { checkDeputyFields, normalizeGroup, normalizeLevel, normalizePhone } from '../../src/services/roster';

const TZ = 'Asia/Shanghai';
const rules = {
  levels: ['镇', '县', '市'],
  groups: ['社会治理', '财政经济', '城建环资', '农村农业', '科教文卫'],
  timezone: TZ,
};

function sheet(rows: Array<Array<string | Date | undefined>>, firstRow = 1): Sheet {
  return { name: 'Sheet1', rows: rows.map((cells, i) => ({ rowNumber: firstRow + i, cells })) };
}

describe('header recognition', () => {
  it.each([
    ['  姓 名 ', 'name'],
    ['企业微信账号*', 'userid'],
    ['UserID', 'userid'],
    ['企业微信ID', 'userid'],
    ['手机（仅办公室）', 'phone'],
    ['联系电话', 'phone'],
    ['ｕｓｅｒｉｄ', 'userid'],
    ['任期开始', 'termStart'],
    ['专业小组', 'group'],
  ])('%s → %s', (header, field) => {
    expect([...mapHeader([header]).columns.keys()]).toEqual([field]);
  });

  it('ignores unknown columns and reports duplicated ones', () => {
    const m = mapHeader(['序号', '姓名', '账号', '企业微信账号', '备注']);
    expect(m.ignored).toEqual(['序号', '备注']);
    expect(m.duplicated).toEqual(['userid']);
    expect(normalizeHeader('【必填】姓名')).toBe('姓名');
  });
});

describe('shared roster rules', () => {
  it('normalises what people type', () => {
    expect(normalizeLevel('县级')).toBe('县');
    expect(normalizeLevel('市人大代表')).toBe('市');
    expect(normalizeGroup('农村农业组', rules.groups)).toBe('农村农业');
    expect(normalizeGroup('文体', rules.groups)).toBe('文体');
    expect(normalizePhone('138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('+86-13800138000')).toBe('13800138000');
    expect(normalizePhone('(0571)88886666')).toBe('0571-88886666');
  });

  it('finds the first problem', () => {
    expect(checkDeputyFields({ userid: 'bad id', name: '张三' }, rules)).toEqual({ field: 'userid', value: 'bad id' });
    expect(checkDeputyFields({ userid: 'a', name: '张三', level: '省' }, rules)).toEqual({
      field: 'level',
      value: '省',
    });
    expect(checkDeputyFields({ userid: 'a', name: '张三', phone: '12345' }, rules)).toEqual({
      field: 'phone',
      value: '12345',
    });
    expect(
      checkDeputyFields({ userid: 'a', name: '张三', level: '镇', group: '农村农业', phone: '13800138000' }, rules),
    ).toBeUndefined();
  });
});

describe('dates', () => {
  it.each(['2021-11-01', '2021/11/1', '2021.11.01', '2021年11月1日', '44501'])('%s is 2021-11-01 in Beijing', (s) => {
    expect(readDate(s, TZ)?.toISOString()).toBe('2021-10-31T16:00:00.000Z');
  });
  it('reads an Excel date cell by its wall-clock day, and refuses nonsense', () => {
    expect(readDate(new Date(Date.UTC(2021, 10, 1)), TZ)?.toISOString()).toBe('2021-10-31T16:00:00.000Z');
    expect(readDate('2021-02-30', TZ)).toBeNull();
    expect(readDate('明年', TZ)).toBeNull();
    expect(readDate(undefined, TZ)).toBeUndefined();
  });
});

describe('parseRosterSheets', () => {
  const messy = sheet([
    ['东风镇人大代表名册（2026年）'],
    ['序号', ' 姓名 ', '企业微信账号', '层级', '专业小组', '手机号', '备注'],
    ['1', '张三', 'zhangsan', '镇级', '农村农业组', '138 0013 8000', ''],
    [],
    ['2', '李四', 'lisi', '', '', '', '新任'],
    ['3', '王五', 'bad id', '镇', '', '', ''],
    ['4', '赵六', 'zhangsan', '镇', '', '', ''],
    ['5', '张三', 'zhangsan2', '镇', '', '', ''],
    ['6', '', 'noname', '', '', '', ''],
    ['7', '孙七', 'sunqi', '省', '', '', ''],
    ['8', '周八', 'zhouba', '', '文体', '', ''],
    ['9', '吴九', 'wujiu', '', '', '12345', ''],
  ]);

  it('finds the header under a title row, skips blank rows, and numbers errors by sheet row', () => {
    const p = parseRosterSheets([messy], rules);
    expect(p.columns).toEqual(['name', 'userid', 'level', 'group', 'phone']);
    expect(p.ignoredHeaders).toEqual(['序号', '备注']);
    expect(p.rows.map((r) => [r.row, r.userid, r.level, r.group, r.phone])).toEqual([
      [3, 'zhangsan', '镇', '农村农业', '13800138000'],
      [5, 'lisi', '镇', undefined, undefined],
    ]);
    expect(p.errors.map((e) => e.row)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(p.errors[0]!.message).toContain('企业微信账号「bad id」不合规');
    expect(p.errors[1]!.message).toBe('企业微信账号「zhangsan」与第3行重复。');
    expect(p.errors[2]!.message).toContain('姓名「张三」与第3行重复');
    expect(p.errors[3]!.message).toBe('缺少姓名。');
    expect(p.errors[4]!.message).toContain('层级「省」无法识别');
    expect(p.errors[5]!.message).toContain('专业小组「文体」无法识别');
    expect(p.errors[6]!.message).toContain('手机「12345」不是有效号码');
  });

  it('says what header it needs when there is none', () => {
    const p = parseRosterSheets([sheet([['名字呢'], ['张三']])], rules);
    expect(p.errors).toEqual([{ row: 0, message: expect.stringContaining('同时包含「姓名」和「企业微信账号」') }]);
  });
});

describe('planImport', () => {
  const stored: StoredDeputy[] = [
    {
      userid: 'zhangsan',
      name: '张三',
      level: '镇',
      group: '社会治理',
      phone: '13800138000',
      active: true,
      isOffice: false,
    },
    { userid: 'lisi', name: '李四', level: '镇', active: false, isOffice: false },
    { userid: 'gone', name: '钱十', level: '镇', active: true, isOffice: false },
    { userid: 'clerk', name: '办事员', level: '镇', active: true, isOffice: true },
  ];
  const parsed = parseRosterSheets(
    [
      sheet([
        ['姓名', '账号', '专业小组', '手机'],
        ['张三', 'zhangsan', '农村农业', ''],
        ['李四', 'lisi', '', ''],
        ['新人', 'xinren', '', '13900139000'],
      ]),
    ],
    rules,
  );

  it('lists added, changed field by field, reactivated, and who is not in the file', () => {
    const plan = planImport(parsed, stored, { deactivateMissing: false, officeUserIds: [] });
    expect(plan.added.map((a) => a.userid)).toEqual(['xinren']);
    expect(plan.changed.map((c) => [c.userid, c.changes.map((x) => x.field)])).toEqual([
      ['zhangsan', ['group', 'phone']],
      ['lisi', ['active']],
    ]);
    expect(plan.missingKept.map((d) => d.userid)).toEqual(['gone']);
    expect(plan.officeKept.map((d) => d.userid)).toEqual(['clerk']);
    expect(plan.deactivate).toEqual([]);
    const report = formatImportReport({ file: 'x.xlsx', parsed, plan, apply: false, timezone: TZ });
    expect(report).toContain('专业小组 社会治理 → 农村农业；手机 138****8000 → （空）');
    expect(report).toContain('状态 已停用 → 在册');
    expect(report).toContain('保留不动；如需停用，加 --deactivate-missing');
    expect(report).toContain('加 --apply 写入');
    expect(report).not.toContain('13900139000');
  });

  it('deactivates the missing only when asked, never office staff', () => {
    const plan = planImport(parsed, stored, { deactivateMissing: true, officeUserIds: [] });
    expect(plan.deactivate.map((d) => d.userid)).toEqual(['gone']);
    expect(plan.officeKept.map((d) => d.userid)).toEqual(['clerk']);
  });

  it('refuses a name that an active deputy outside the file keeps', () => {
    const p = parseRosterSheets(
      [
        sheet([
          ['姓名', '账号'],
          ['钱十', 'qianshi'],
        ]),
      ],
      rules,
    );
    const plan = planImport(p, stored, { deactivateMissing: false, officeUserIds: [] });
    expect(plan.errors).toEqual([{ row: 2, message: expect.stringContaining('已被名册中的另一位代表（gone）使用') }]);
    expect(planImport(p, stored, { deactivateMissing: true, officeUserIds: [] }).errors).toEqual([]);
  });
});

describe('reading files', () => {
  it('decodes UTF-8 with a BOM and GBK from Chinese Excel', async () => {
    expect(decodeText(Buffer.from('\ufeff姓名,账号', 'utf8'))).toEqual({ text: '姓名,账号', encoding: 'utf-8' });
    // 姓名,账号 / 张三,zhangsan in GBK.
    const gbk = Buffer.from([
      0xd0,
      0xd5,
      0xc3,
      0xfb,
      0x2c,
      0xd5,
      0xcb,
      0xba,
      0xc5,
      0x0d,
      0x0a,
      0xd5,
      0xc5,
      0xc8,
      0xfd,
      0x2c,
      ...Buffer.from('zhangsan'),
    ]);
    const read = await readSheetFile(gbk, 'roster.csv', defaults.rosterFile);
    expect(read).toMatchObject({ ok: true, encoding: 'gb18030' });
    if (!read.ok) return;
    expect(read.sheets[0]!.rows.map((r) => r.cells)).toEqual([
      ['姓名', '账号'],
      ['张三', 'zhangsan'],
    ]);
  });

  it('keeps CSV values as typed (no number guessing) and refuses other formats', async () => {
    const read = await readSheetFile(
      Buffer.from('姓名,账号,手机\n张三,007,13800138000\n'),
      'r.csv',
      defaults.rosterFile,
    );
    expect(read.ok && read.sheets[0]!.rows[1]!.cells).toEqual(['张三', '007', '13800138000']);
    expect(await readSheetFile(Buffer.from('x'), 'r.xls', defaults.rosterFile)).toEqual({
      ok: false,
      problem: 'unsupported',
      detail: 'xls',
    });
  });
});
