import { splitByBytes, truncateBytes, utf8Bytes } from '../../src/text/split';

/** Rebuilds the text: each part continues where the last ended, after at most one dropped "\n". */
function reassemble(text: string, parts: string[]): boolean {
  let pos = 0;
  for (const part of parts) {
    if (text.startsWith(part, pos)) pos += part.length;
    else if (text[pos] === '\n' && text.startsWith(part, pos + 1)) pos += 1 + part.length;
    else return false;
  }
  return pos === text.length || (pos === text.length - 1 && text[pos] === '\n');
}

function expectValidSplit(text: string, max: number): string[] {
  const parts = splitByBytes(text, max);
  for (const part of parts) {
    expect(part.length).toBeGreaterThan(0);
    expect(utf8Bytes(part)).toBeLessThanOrEqual(max);
    expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  }
  expect(reassemble(text, parts)).toBe(true);
  return parts;
}

describe('utf8Bytes', () => {
  it('counts UTF-8 bytes', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('建议')).toBe(6);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('👍')).toBe(4);
    expect(utf8Bytes('')).toBe(0);
  });
});

describe('splitByBytes', () => {
  it('returns short text unchanged and empty text as no parts', () => {
    expect(splitByBytes('短消息', 4096)).toEqual(['短消息']);
    expect(splitByBytes('', 4096)).toEqual([]);
  });

  it('packs whole lines of Chinese markdown into 4096-byte parts', () => {
    const line = '代'.repeat(99); // 297 bytes; with "\n" 298
    const text = Array.from({ length: 30 }, () => line).join('\n'); // 8939 bytes
    const parts = expectValidSplit(text, 4096);
    // 13 lines = 13*297 + 12 = 3873 bytes; a 14th would make 4171. The last 4 lines: 4*297 + 3.
    expect(parts.map(utf8Bytes)).toEqual([3873, 3873, 1191]);
    expect(parts.map((p) => p.split('\n').length)).toEqual([13, 13, 4]);
    expect(parts.join('\n')).toBe(text);
  });

  it('fills a 2048-byte part exactly with 3-byte characters', () => {
    const text = '字'.repeat(1000); // 3000 bytes, one line
    const parts = expectValidSplit(text, 2048);
    expect(parts.map(utf8Bytes)).toEqual([2046, 954]);
    expect(parts.join('')).toBe(text);
  });

  it('splits a long line at code points, never inside an emoji', () => {
    const text = `a${'👍'.repeat(5)}`; // 1 + 20 bytes
    const parts = expectValidSplit(text, 8);
    expect(parts).toEqual(['a👍', '👍👍', '👍👍']);
  });

  it('uses the whole budget when an emoji fits exactly', () => {
    expect(splitByBytes('abcd👍efgh', 8)).toEqual(['abcd👍', 'efgh']);
    expect(splitByBytes('abcde👍fgh', 8)).toEqual(['abcde', '👍fgh']);
  });

  it('prefers a line boundary over filling the part', () => {
    expect(splitByBytes('aaa\nbbbbbbb', 8)).toEqual(['aaa', 'bbbbbbb']);
    expect(splitByBytes('aaa\nbbb\ncccccc', 8)).toEqual(['aaa\nbbb', 'cccccc']);
  });

  it('continues a too-long line, then packs the following lines', () => {
    const parts = expectValidSplit('xxxxxxxxxxxx\ny\nz', 8);
    expect(parts).toEqual(['xxxxxxxx', 'xxxx\ny\nz']);
  });

  it('never cuts inside a <@userid> mention that fits', () => {
    const text = `${'我'.repeat(3)}<@zhangsan>请参加`; // 9 + 11 + 9 bytes
    const parts = expectValidSplit(text, 16);
    expect(parts).toEqual(['我我我', '<@zhangsan>请', '参加']);
  });

  it('never cuts inside a <font> span that fits, even at a newline', () => {
    // 3 + 42-byte span + 3 = 48 bytes; at 44 a plain line split would cut after 紧急.
    const text = 'ab <font color="warning">紧急\n通知</font> cd';
    expect(expectValidSplit(text, 45)).toEqual(['ab <font color="warning">紧急\n通知</font>', ' cd']);
    expect(expectValidSplit(text, 44)).toEqual(['ab ', '<font color="warning">紧急\n通知</font> c', 'd']);
  });

  it('does cut a mention longer than the limit, on a character boundary', () => {
    const text = '<@averyveryverylonguserid>';
    const parts = expectValidSplit(text, 10);
    expect(parts).toEqual(['<@averyver', 'yverylongu', 'serid>']);
  });

  it('keeps empty lines and whitespace but yields no empty part', () => {
    const text = 'aaaa\n\n\nbbbb\n';
    const parts = expectValidSplit(text, 5);
    expect(parts).toEqual(['aaaa\n', '\nbbbb']);
  });

  it('rejects a budget too small for one character', () => {
    expect(() => splitByBytes('abc', 3)).toThrow(RangeError);
  });
});

describe('truncateBytes', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateBytes('短', 3)).toBe('短');
    expect(truncateBytes('abc', 10)).toBe('abc');
  });

  it('cuts at a character boundary and counts the suffix', () => {
    expect(truncateBytes('建议修路加灯', 12)).toBe('建议修…'); // 9 + 3
    expect(truncateBytes('建议修路加灯', 11)).toBe('建议…'); // 6 + 3; a third char would be 12
    expect(truncateBytes('a👍b', 6)).toBe('a👍b'); // exactly 6 bytes: fits
    expect(truncateBytes('a👍bc', 6)).toBe('a…'); // the emoji would need 4 more bytes
    expect(truncateBytes('abcdef', 5, '..')).toBe('abc..');
  });

  it('drops the suffix when even it does not fit', () => {
    expect(truncateBytes('abcdef', 2)).toBe('ab');
  });
});
