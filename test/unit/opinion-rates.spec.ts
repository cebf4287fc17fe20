import { computeRates, formatRate, ratesFromStatusCounts } from '../../src/services/opinions';

describe('formatRate', () => {
  it.each([
    [0, 0, '—'],
    [3, 0, '—'],
    [0, 5, '0.0%'],
    [5, 5, '100.0%'],
    [2, 3, '66.7%'],
    [1, 3, '33.3%'],
    [1, 8, '12.5%'],
    [3, 5, '60.0%'],
    [11, 11, '100.0%'],
    [25, 28, '89.3%'],
    [1, 200, '0.5%'],
    [1, 2000, '0.1%'],
  ])('%i / %i → %s', (num, den, expected) => {
    expect(formatRate(num, den)).toBe(expected);
  });

  it('shows — for a nonsense denominator', () => {
    expect(formatRate(1, -2)).toBe('—');
    expect(formatRate(1, Number.NaN)).toBe('—');
  });
});

describe('computeRates', () => {
  it('excludes withdrawn and rejected, counts answered-or-closed over assigned-or-later, satisfied over rated', () => {
    const r = computeRates([
      { status: '待交办' },
      { status: '已交办', rating: '不满意' },
      { status: '已答复', rating: '基本满意', resolution: 'B' },
      { status: '已办结', rating: '满意', resolution: 'A' },
      { status: '已办结' },
      { status: '已撤回' },
      { status: '已退回', rating: '不满意' },
    ]);
    expect(r).toEqual({
      assignedOrLater: 4,
      answeredOrClosed: 3,
      closed: 2,
      rated: 3,
      satisfied: 2,
      resolved: 1,
      answerRate: '75.0%',
      closeRate: '50.0%',
      satisfactionRate: '66.7%',
      resolveRate: '33.3%',
    });
  });

  it('gives — for every rate when nothing was assigned or rated', () => {
    expect(computeRates([{ status: '待交办' }, { status: '已撤回' }])).toMatchObject({
      answerRate: '—',
      closeRate: '—',
      satisfactionRate: '—',
      resolveRate: '—',
    });
  });
});

describe('ratesFromStatusCounts (what the database groups)', () => {
  it('gives the same rates as computeRates over the same opinions', () => {
    const statuses = ['待交办', '已交办', '已答复', '已办结', '已撤回', '已退回'];
    const ratings = [undefined, '满意', '基本满意', '不满意'];
    const classes = [undefined, 'A', 'B', 'C', 'D'];
    const items = Array.from({ length: 97 }, (_, i) => ({
      status: statuses[i % 6]!,
      rating: ratings[(i * 7) % 4],
      // A class left on an opinion that is open again (a new round) must not count: only answered ones do.
      resolution: classes[(i * 3) % 5],
    }));
    const rows = statuses.map((status) => {
      const mine = items.filter((o) => o.status === status);
      return {
        status,
        n: mine.length,
        rated: mine.filter((o) => o.rating).length,
        satisfied: mine.filter((o) => o.rating === '满意' || o.rating === '基本满意').length,
        resolved: mine.filter((o) => o.resolution === 'A').length,
      };
    });
    expect(ratesFromStatusCounts(rows)).toEqual(computeRates(items));
  });
});
