import { matchUnit } from '../../src/text/unit-match';

const known = ['公安分局', '市场监管分局', '市场服务中心', '教育管理中心', '城关派出所', '交通运输局'];

describe('matchUnit', () => {
  it('finds an exact name, ignoring spaces and width', () => {
    expect(matchUnit('公安分局', known)).toEqual({ kind: 'exact', name: '公安分局' });
    expect(matchUnit(' 交通 运输局 ', known)).toEqual({ kind: 'exact', name: '交通运输局' });
  });

  it('resolves an abbreviation to the one unit it fits', () => {
    expect(matchUnit('公安', known)).toEqual({ kind: 'matched', name: '公安分局', how: 'abbreviation' });
    expect(matchUnit('市监', known)).toEqual({ kind: 'matched', name: '市场监管分局', how: 'abbreviation' });
    expect(matchUnit('派出所', known)).toEqual({ kind: 'matched', name: '城关派出所', how: 'abbreviation' });
  });

  it('resolves a one-character typo', () => {
    expect(matchUnit('教育管里中心', known)).toEqual({ kind: 'matched', name: '教育管理中心', how: 'typo' });
    expect(matchUnit('交通运输局局', known)).toEqual({ kind: 'matched', name: '交通运输局', how: 'typo' });
  });

  it('does not take a different unit with a similar name for a typo', () => {
    expect(matchUnit('农业服务中心', known)).toEqual({ kind: 'new', name: '农业服务中心' });
    expect(matchUnit('农技站', ['农机站'])).toEqual({ kind: 'new', name: '农技站' });
    expect(matchUnit('城关镇派出所', known)).toEqual({ kind: 'matched', name: '城关派出所', how: 'typo' });
  });

  it('asks when several units fit', () => {
    const m = matchUnit('市场', known);
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && [...m.candidates].sort()).toEqual(['市场服务中心', '市场监管分局']);
  });

  it('treats an unrelated name, or one marked （新）, as a new unit', () => {
    expect(matchUnit('水利站', known)).toEqual({ kind: 'new', name: '水利站' });
    expect(matchUnit('公安局（新）', known)).toEqual({ kind: 'new', name: '公安局' });
    expect(matchUnit('公安局(新)', known)).toEqual({ kind: 'new', name: '公安局' });
    expect(matchUnit('水利站', [])).toEqual({ kind: 'new', name: '水利站' });
  });

  it('does not call a single character an abbreviation', () => {
    expect(matchUnit('局', known)).toEqual({ kind: 'new', name: '局' });
  });
});
