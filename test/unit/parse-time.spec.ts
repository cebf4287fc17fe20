import { findWhen, parseChineseNumber, parseWhen, type ParsedWhen } from '../../src/time/parse-time';

const tz = 'Asia/Shanghai';
const now = new Date('2026-11-22T10:00:00+08:00'); // a Sunday
const at = (local: string): string => new Date(`${local}+08:00`).toISOString();

function ok(text: string, opts = { now, tz }): { date: string; hasTime: boolean; matched: string } {
  const r: ParsedWhen = parseWhen(text, opts);
  if (!r.ok) throw new Error(`expected "${text}" to parse, got ${r.reason}`);
  return { date: r.date.toISOString(), hasTime: r.hasTime, matched: r.matched };
}

describe('parseWhen: absolute dates', () => {
  it.each([
    ['2026-12-01 09:00', '2026-12-01T09:00:00', true],
    ['2026/12/1 9:00', '2026-12-01T09:00:00', true],
    ['2026.12.1', '2026-12-01T00:00:00', false],
    ['2026-12-01T09:30', '2026-12-01T09:30:00', true],
    ['2026年12月1日 9点', '2026-12-01T09:00:00', true],
    ['2026年12月1号下午2点半', '2026-12-01T14:30:00', true],
    ['12月1日', '2026-12-01T00:00:00', false],
    ['12月1日14:30', '2026-12-01T14:30:00', true],
    ['11月25日 14:30', '2026-11-25T14:30:00', true],
    ['12-01 09:00', '2026-12-01T09:00:00', true],
    ['十二月一日', '2026-12-01T00:00:00', false],
    ['明年1月5日', '2027-01-05T00:00:00', false],
    ['下个月5号', '2026-12-05T00:00:00', false],
    ['2026年11月25日（周三）14:30', '2026-11-25T14:30:00', true],
  ])('%s', (text, local, hasTime) => {
    expect(ok(text)).toEqual({ date: at(local), hasTime, matched: text });
  });

  it('accepts full-width digits, colon and spaces', () => {
    expect(ok('２０２６年１２月１日　１４：３０')).toEqual({
      date: at('2026-12-01T14:30:00'),
      hasTime: true,
      matched: '２０２６年１２月１日　１４：３０',
    });
    expect(ok('明天\u2005９：００').date).toBe(at('2026-11-23T09:00:00'));
    expect(ok('12月1日\u00a014:30').date).toBe(at('2026-12-01T14:30:00'));
  });

  it('rolls a month/day that has passed to next year, but keeps today and later', () => {
    expect(ok('11月21日').date).toBe(at('2027-11-21T00:00:00'));
    expect(ok('1月5日 9:00').date).toBe(at('2027-01-05T09:00:00'));
    expect(ok('11月22日 8:00').date).toBe(at('2026-11-22T08:00:00'));
    expect(ok('11月23日').date).toBe(at('2026-11-23T00:00:00'));
  });

  it('rolls a day-of-month that has passed to next month', () => {
    expect(ok('5号').date).toBe(at('2026-12-05T00:00:00'));
    expect(ok('28号').date).toBe(at('2026-11-28T00:00:00'));
  });
});

describe('parseWhen: relative days and parts of the day', () => {
  it.each([
    ['今天', '2026-11-22T00:00:00', false],
    ['明天', '2026-11-23T00:00:00', false],
    ['后天', '2026-11-24T00:00:00', false],
    ['大后天', '2026-11-25T00:00:00', false],
    ['明天上午9点', '2026-11-23T09:00:00', true],
    ['明天早上8点', '2026-11-23T08:00:00', true],
    ['明天中午12点', '2026-11-23T12:00:00', true],
    ['明天中午1点', '2026-11-23T13:00:00', true],
    ['明天下午3点', '2026-11-23T15:00:00', true],
    ['明天下午3点半', '2026-11-23T15:30:00', true],
    ['明天下午3点15分', '2026-11-23T15:15:00', true],
    ['明天下午三点一刻', '2026-11-23T15:15:00', true],
    ['明天傍晚6点', '2026-11-23T18:00:00', true],
    ['后天晚上8点', '2026-11-24T20:00:00', true],
    ['大后天晚上8:30', '2026-11-25T20:30:00', true],
    ['明天9时', '2026-11-23T09:00:00', true],
    ['明天 14:30', '2026-11-23T14:30:00', true],
    ['明天上午九点', '2026-11-23T09:00:00', true],
    ['明天十点', '2026-11-23T10:00:00', true],
    ['今晚8点', '2026-11-22T20:00:00', true],
    ['今晚12点', '2026-11-23T00:00:00', true],
    ['明天凌晨2点', '2026-11-23T02:00:00', true],
    ['12月1日晚8点', '2026-12-01T20:00:00', true],
    ['今天下午三点钟', '2026-11-22T15:00:00', true],
    ['明早9点', '2026-11-23T09:00:00', true],
  ])('%s', (text, local, hasTime) => {
    expect(ok(text)).toEqual({ date: at(local), hasTime, matched: text });
  });

  it('a part of the day without an hour gets its conventional hour', () => {
    expect(ok('明天下午')).toEqual({ date: at('2026-11-23T15:00:00'), hasTime: true, matched: '明天下午' });
    expect(ok('明天上午')).toEqual({ date: at('2026-11-23T09:00:00'), hasTime: true, matched: '明天上午' });
    expect(ok('今晚')).toEqual({ date: at('2026-11-22T19:00:00'), hasTime: true, matched: '今晚' });
  });

  it('a time alone means today, even if it has passed (the caller refuses past times)', () => {
    expect(ok('下午3点')).toEqual({ date: at('2026-11-22T15:00:00'), hasTime: true, matched: '下午3点' });
    expect(ok('上午8点').date).toBe(at('2026-11-22T08:00:00'));
    expect(ok('15:30').date).toBe(at('2026-11-22T15:30:00'));
    expect(ok('下午三点').date).toBe(at('2026-11-22T15:00:00'));
    expect(ok('中午')).toEqual({ date: at('2026-11-22T12:00:00'), hasTime: true, matched: '中午' });
  });

  it('N days / weeks / hours later', () => {
    expect(ok('3天后')).toEqual({ date: at('2026-11-25T00:00:00'), hasTime: false, matched: '3天后' });
    expect(ok('两天后').date).toBe(at('2026-11-24T00:00:00'));
    expect(ok('十天以后').date).toBe(at('2026-12-02T00:00:00'));
    expect(ok('一周后').date).toBe(at('2026-11-29T00:00:00'));
    expect(ok('3天后上午9点')).toEqual({ date: at('2026-11-25T09:00:00'), hasTime: true, matched: '3天后上午9点' });
    expect(ok('2小时后')).toEqual({ date: at('2026-11-22T12:00:00'), hasTime: true, matched: '2小时后' });
    expect(ok('半小时后').date).toBe(at('2026-11-22T10:30:00'));
    expect(ok('30分钟后').date).toBe(at('2026-11-22T10:30:00'));
  });
});

describe('parseWhen: weekdays (weeks start on Monday)', () => {
  it.each([
    ['本周三', '2026-11-18'],
    ['这周三', '2026-11-18'],
    ['这个星期三', '2026-11-18'],
    ['本周日', '2026-11-22'],
    ['周三', '2026-11-25'],
    ['星期三', '2026-11-25'],
    ['礼拜三', '2026-11-25'],
    ['周日', '2026-11-22'],
    ['星期天', '2026-11-22'],
    ['周一', '2026-11-23'],
    ['下周三', '2026-11-25'],
    ['下星期三', '2026-11-25'],
    ['下个星期三', '2026-11-25'],
    ['下周日', '2026-11-29'],
    ['下下周三', '2026-12-02'],
    ['上周五', '2026-11-13'],
  ])('%s on Sunday 2026-11-22', (text, day) => {
    expect(ok(text)).toEqual({ date: at(`${day}T00:00:00`), hasTime: false, matched: text });
  });

  it('a bare weekday is today when today is that weekday', () => {
    const wednesday = new Date('2026-11-25T08:00:00+08:00');
    expect(ok('周三', { now: wednesday, tz }).date).toBe(at('2026-11-25T00:00:00'));
    expect(ok('周二', { now: wednesday, tz }).date).toBe(at('2026-12-01T00:00:00'));
    expect(ok('本周二', { now: wednesday, tz }).date).toBe(at('2026-11-24T00:00:00'));
    expect(ok('下周一', { now: wednesday, tz }).date).toBe(at('2026-11-30T00:00:00'));
  });

  it('weekday with a time', () => {
    expect(ok('下周三上午9点')).toEqual({ date: at('2026-11-25T09:00:00'), hasTime: true, matched: '下周三上午9点' });
    expect(ok('周五 14:30').date).toBe(at('2026-11-27T14:30:00'));
    expect(ok('下星期一下午2点半').date).toBe(at('2026-11-23T14:30:00'));
  });
});

describe('parseWhen: failures', () => {
  it.each(['', '   ', '\u3000'])('empty %j', (text) => {
    expect(parseWhen(text, { now, tz })).toEqual({ ok: false, reason: 'empty' });
  });

  // Month or year alone would need a guessed day: refused rather than filled in from today.
  it.each(['随便什么时候', 'abc', '镇政府三楼', '2026年12月', '十二月', '下周', '月底'])('unrecognized %s', (text) => {
    expect(parseWhen(text, { now, tz })).toEqual({ ok: false, reason: 'unrecognized' });
  });

  it.each([
    '11月31日',
    '2月30日',
    '13月1日',
    '25:00',
    '2026-02-29',
    '2026-13-01',
    '2026年4月31日 9:00',
    '12月0日',
    '明天25点',
    '明天9:75',
    '上午15点',
    '本月31号',
    '2026年11月25日（周四）',
    '2月29日',
  ])('invalid date %s is refused, never shifted', (text) => {
    expect(parseWhen(text, { now, tz })).toEqual({ ok: false, reason: 'invalid_date' });
  });

  it('falls back to chrono for forms it does not handle itself, checking the result', () => {
    expect(ok('二零二六年十二月一日')).toEqual({
      date: at('2026-12-01T00:00:00'),
      hasTime: false,
      matched: '二零二六年十二月一日',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(ok('2028-02-29').date).toBe(at('2028-02-29T00:00:00'));
  });
});

describe('parseWhen: matched and trailing text', () => {
  it('reports the understood prefix so callers can remove it', () => {
    expect(ok('明天上午9点 在镇政府开会')).toEqual({
      date: at('2026-11-23T09:00:00'),
      hasTime: true,
      matched: '明天上午9点',
    });
    expect(ok('  12月1日 内容')).toEqual({ date: at('2026-12-01T00:00:00'), hasTime: false, matched: '12月1日' });
  });
});

describe('parseWhen: time zones', () => {
  it('reads wall times in the zone it is given', () => {
    const r = parseWhen('2026-12-01 09:00', { now, tz: 'America/New_York' });
    expect(r.ok && r.date.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    // 2026-11-22 10:00 Shanghai is still the 21st in New York.
    const t = parseWhen('明天', { now, tz: 'America/New_York' });
    expect(t.ok && t.date.toISOString()).toBe('2026-11-22T05:00:00.000Z');
  });

  it('defaults to Asia/Shanghai', () => {
    const r = parseWhen('明天上午9点', { now });
    expect(r.ok && r.date.toISOString()).toBe(at('2026-11-23T09:00:00'));
  });
});

describe('findWhen', () => {
  it('finds the expression inside a command line with its index', () => {
    const text = '公告 时间：明天上午9点 内容：开会';
    expect(findWhen(text, { now, tz })).toEqual({
      ok: true,
      date: new Date(at('2026-11-23T09:00:00')),
      hasTime: true,
      matched: '明天上午9点',
      index: 6,
    });
  });

  it('finds dates in prose', () => {
    const r = findWhen('会议定于下周三下午2点在镇政府召开', { now, tz });
    expect(r).toEqual({
      ok: true,
      date: new Date(at('2026-11-25T14:00:00')),
      hasTime: true,
      matched: '下周三下午2点',
      index: 4,
    });
    const d = findWhen('请于12月1日前提交', { now, tz });
    expect(d).toEqual({
      ok: true,
      date: new Date(at('2026-12-01T00:00:00')),
      hasTime: false,
      matched: '12月1日',
      index: 2,
    });
  });

  it('reports an impossible date with its position', () => {
    expect(findWhen('定于11月31日召开', { now, tz })).toEqual({ ok: false, reason: 'invalid_date', index: 2 });
  });

  it('does not take numbers in prose for times or days', () => {
    expect(findWhen('提出三点建议', { now, tz })).toEqual({ ok: false, reason: 'unrecognized', index: -1 });
    expect(findWhen('统一时间安排', { now, tz })).toEqual({ ok: false, reason: 'unrecognized', index: -1 });
    expect(findWhen('在3号楼开会', { now, tz })).toEqual({ ok: false, reason: 'unrecognized', index: -1 });
    expect(findWhen('名额 10-20人', { now, tz })).toEqual({ ok: false, reason: 'unrecognized', index: -1 });
    expect(findWhen('下午开会', { now, tz })).toEqual({ ok: false, reason: 'unrecognized', index: -1 });
    expect(findWhen('', { now, tz })).toEqual({ ok: false, reason: 'empty', index: -1 });
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['二〇二六', 2026],
    ['12', 12],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it('rejects non-numbers', () => {
    expect(parseChineseNumber('十十')).toBeNull();
    expect(parseChineseNumber('abc')).toBeNull();
  });
});
