import { readArgs, usageLine } from '../../src/commands/read-args';
import { type Command, defineCommand } from '../../src/commands/types';
import { UserError } from '../../src/errors';

const now = new Date('2026-06-01T02:00:00Z');
const env = {
  now,
  timezone: 'Asia/Shanghai',
  opinionCode: (input: string, command: string) => {
    if (!input) throw new UserError('opinionCodeMissing', { command, example: 'YJ2026-001' });
    return `YJ2026-${input.padStart(3, '0')}`;
  },
};

const cmd = (args: Command['args']): Command =>
  defineCommand({
    name: '测试',
    role: 'deputy',
    summary: '',
    example: '测试 HD2026-001 原因',
    args,
    uses: [],
    run: async () => '',
  });

describe('readArgs', () => {
  it('takes a code, then the rest as text', () => {
    const c = cmd({
      params: [
        { kind: 'code', name: 'code', of: 'HD', required: true },
        { kind: 'text', name: 'reason', label: '原因' },
      ],
    });
    expect(readArgs(c, 'HD2026-001 下雨 顺延', env)).toEqual({
      ok: true,
      params: { code: 'HD2026-001', reason: '下雨 顺延' },
      options: {},
    });
  });

  it('answers the declared usage line when a required part is missing', () => {
    const c = cmd({ params: [{ kind: 'code', name: 'code', of: 'HD', required: true }], usage: 'activitySignupUsage' });
    const r = readArgs(c, '', env);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reply).toContain('请写上活动编号');
  });

  it('builds the usage line from the declaration when there is no hand-written one', () => {
    const c = cmd({
      options: ['时间', '地点'],
      requiredOptions: ['时间'],
      params: [
        { kind: 'code', name: 'code', of: 'HY', required: true },
        { kind: 'text', name: 'reason', label: '原因' },
      ],
    });
    expect(usageLine(c)).toBe('格式：测试 <编号> [原因] 时间：… [地点：…]\n例：测试 HD2026-001 原因');
    expect(readArgs(c, 'HY2026-001', env)).toEqual({ ok: false, reply: usageLine(c) });
  });

  it('reads options anywhere before the positional parts', () => {
    const c = cmd({
      options: ['单位', '期限'],
      params: [
        { kind: 'code', name: 'code', of: 'YJ' },
        { kind: 'text', name: 'unit', label: '单位' },
      ],
    });
    expect(readArgs(c, '7 期限：10个工作日 单位：交通局', env)).toEqual({
      ok: true,
      params: { code: 'YJ2026-007', unit: undefined },
      options: { 单位: '交通局', 期限: '10个工作日' },
    });
  });

  it('lets alternatives stand for each other (a title or a 时间)', () => {
    const c = cmd({
      options: ['时间'],
      requiredOptions: ['时间'],
      anyOf: true,
      params: [{ kind: 'text', name: 'title', label: '标题', required: true }],
    });
    expect(readArgs(c, '时间：明天9点', env).ok).toBe(true);
    expect(readArgs(c, '视察', env).ok).toBe(true);
    expect(readArgs(c, '', env).ok).toBe(false);
  });

  it('normalises an opinion code and lets its refusal name the command', () => {
    const c = cmd({ params: [{ kind: 'code', name: 'code', of: 'YJ' }] });
    expect(() => readArgs(c, '', env)).toThrow('请写上建议编号，例如：测试 YJ2026-001');
  });

  it('picks a year out of any position, defaulting to this year', () => {
    const c = cmd({
      params: [
        { kind: 'year', name: 'year' },
        { kind: 'text', name: 'who', label: '姓名' },
      ],
    });
    expect(readArgs(c, '张三 ２０２５年', env)).toEqual({ ok: true, params: { year: 2025, who: '张三' }, options: {} });
    expect(readArgs(c, '去年', env)).toEqual({ ok: true, params: { year: 2025, who: undefined }, options: {} });
    expect(readArgs(c, '', env)).toEqual({ ok: true, params: { year: 2026, who: undefined }, options: {} });
    expect(() => readArgs(c, '26年', env)).toThrow('「26年」不是可查询的年份');
  });
});
