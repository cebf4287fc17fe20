import { extractOptions } from '../../src/commands/args';
import { parseCount, splitList } from '../../src/text/list';
import { createCommandTable, parseCommandLine } from '../../src/commands/parse';
import type { Command } from '../../src/commands/types';
import { formatCode, parseCode } from '../../src/services/codes';

const cmd = (name: string, aliases: string[] = []): Command => ({
  name,
  aliases,
  role: 'deputy',
  summary: '',
  example: '',
  run: async () => '',
});
const table = createCommandTable([
  cmd('帮助', ['help', '?']),
  cmd('会议'),
  cmd('会议通知'),
  cmd('建议', ['提建议']),
  cmd('取消报名', ['取消']),
  cmd('报名'),
]);

describe('parseCommandLine', () => {
  it.each([
    ['@代表助手 帮助', '帮助', ''],
    ['＠代表助手\u2005帮助', '帮助', ''],
    ['/帮助', '帮助', ''],
    ['#help', '帮助', ''],
    ['ＨＥＬＰ', '帮助', ''],
    ['？', '帮助', ''],
    ['会议通知 人代会 时间：明天', '会议通知', '人代会 时间：明天'],
    ['会议 HY2026-001', '会议', 'HY2026-001'],
    ['建议村口路灯坏了', '建议', '村口路灯坏了'],
    ['提建议\u3000修路', '建议', '修路'],
    ['取消报名 1', '取消报名', '1'],
    ['取消 1', '取消报名', '1'],
  ])('%s → %s', (input, name, args) => {
    const r = parseCommandLine(input, table, '代表助手');
    expect(r.kind).toBe('command');
    if (r.kind === 'command') {
      expect(r.command.name).toBe(name);
      expect(r.args).toBe(args);
    }
  });

  it('keeps the user punctuation in arguments', () => {
    const r = parseCommandLine('建议 路灯坏了，请修（急）', table);
    expect(r.kind === 'command' && r.args).toBe('路灯坏了，请修（急）');
  });

  it('needs a word boundary after ASCII command words', () => {
    expect(parseCommandLine('helpme', table).kind).toBe('unknown');
  });

  it('reports empty and unknown input', () => {
    expect(parseCommandLine('@代表助手 ', table, '代表助手').kind).toBe('empty');
    expect(parseCommandLine('今天天气', table)).toEqual({ kind: 'unknown', input: '今天天气' });
  });

  it('fails at start-up on a duplicate command word', () => {
    expect(() => createCommandTable([cmd('帮助'), cmd('其他', ['帮助'])])).toThrow('帮助');
  });
});

describe('extractOptions', () => {
  it('reads options in any order with either colon and leaves the rest', () => {
    const r = extractOptions('视察敬老院 地点：镇敬老院，时间:11月25日 14:30 名额：１０');
    expect(r.rest).toBe('视察敬老院');
    expect(r.options).toEqual({ 地点: '镇敬老院', 时间: '11月25日 14:30', 名额: '１０' });
  });

  it('reports repeated keys', () => {
    expect(extractOptions('x 时间：a 时间：b').repeated).toEqual(['时间']);
  });

  it('only recognises the keys asked for', () => {
    expect(extractOptions('标题 时间：明天 地点：会议室', ['时间'])).toEqual({
      options: { 时间: '明天 地点：会议室' },
      rest: '标题',
      repeated: [],
    });
  });
});

describe('small parsers', () => {
  it('parseCount accepts full-width digits and a unit, refuses zero and words', () => {
    expect(parseCount('１０')).toBe(10);
    expect(parseCount('5人')).toBe(5);
    expect(parseCount('0')).toBeUndefined();
    expect(parseCount('十')).toBeUndefined();
  });
  it('splitList splits on spaces, commas and 、', () => {
    expect(splitList('张三、李四,王五， 赵六')).toEqual(['张三', '李四', '王五', '赵六']);
  });
});

describe('codes', () => {
  it.each([
    ['YJ2026-007', { year: 2026, seq: 7 }],
    ['yj2026-7', { year: 2026, seq: 7 }],
    ['ＹＪ２０２６－００７', { year: 2026, seq: 7 }],
    ['7', { year: 2026, seq: 7 }],
    ['００７', { year: 2026, seq: 7 }],
    ['YJ2025-12', { year: 2025, seq: 12 }],
  ])('parses %s', (input, expected) => {
    expect(parseCode(input, 'YJ', 2026)).toEqual({ prefix: 'YJ', ...expected });
  });

  it.each(['HD2026-001', '0', 'YJ2026', 'abc', ''])('refuses %s as an opinion code', (input) => {
    expect(parseCode(input, 'YJ', 2026)).toBeUndefined();
  });

  it('formats with three digits at least', () => {
    expect(formatCode({ prefix: 'YJ', year: 2026, seq: 7 })).toBe('YJ2026-007');
    expect(formatCode({ prefix: 'HD', year: 2026, seq: 1234 })).toBe('HD2026-1234');
  });
});
