import { bigramKeys, bigramSet, rankSimilar, similarity } from '../../src/text/similarity';

describe('bigramSet', () => {
  it('uses CJK and alphanumeric characters, ignoring punctuation, spaces and case', () => {
    expect([...bigramSet('修路，加灯！')].sort()).toEqual(['修路', '加灯', '路加'].sort());
    expect([...bigramSet('A b')]).toEqual(['ab']);
    expect([...bigramSet('路')]).toEqual(['路']);
    expect(bigramSet('，。！ ').size).toBe(0);
  });
});

describe('similarity', () => {
  it('is the Dice coefficient of bigram sets', () => {
    expect(similarity('村口路灯不亮', '村口路灯不亮')).toBe(1);
    // {村口,口路,路灯,灯不,不亮} vs {村口,口路,路灯,灯坏,坏了}: 2*3 / 10
    expect(similarity('村口路灯不亮', '村口路灯坏了')).toBeCloseTo(0.6, 10);
    expect(similarity('修路', '办学')).toBe(0);
    expect(similarity('', '修路')).toBe(0);
    expect(similarity('ABC', 'abc')).toBe(1);
  });
});

describe('rankSimilar', () => {
  const items = [
    { code: 'YJ2026-001', title: '村口路灯坏了' },
    { code: 'YJ2026-002', title: '学校门口交通拥堵' },
    { code: 'YJ2026-003', title: '村口路灯不亮，晚上出行不便' },
    { code: 'YJ2026-004', title: '村口路灯不亮' },
  ];

  it('returns items above the threshold, best first, limited', () => {
    const ranked = rankSimilar('村口路灯不亮', items, (i) => i.title, { threshold: 0.3, limit: 2 });
    expect(ranked.map((r) => r.item.code)).toEqual(['YJ2026-004', 'YJ2026-003']);
    expect(ranked[0]?.score).toBe(1);
  });

  it('drops items below the threshold', () => {
    // Scores: 004 = 1, 003 = 10/16 = 0.625, 001 = 0.6, 002 = 0.
    const ranked = rankSimilar('村口路灯不亮', items, (i) => i.title, { threshold: 0.62, limit: 10 });
    expect(ranked.map((r) => r.item.code)).toEqual(['YJ2026-004', 'YJ2026-003']);
    expect(rankSimilar('完全无关的话题', items, (i) => i.title, { threshold: 0.3, limit: 10 })).toEqual([]);
  });
});

describe('bigramKeys', () => {
  // The reference: Dice over the string bigram sets, as the definition reads.
  const reference = (a: string, b: string): number => {
    const x = bigramSet(a);
    const y = bigramSet(b);
    if (x.size === 0 || y.size === 0) return 0;
    return (2 * [...x].filter((g) => y.has(g)).length) / (x.size + y.size);
  };

  it('has one key per distinct bigram, and a lone character stays apart from every pair', () => {
    for (const s of ['修路，加灯！', '路路路路', 'A b', '路', '，。！ ', '𠀀𠀁𠀀𠀁 ab'])
      expect(bigramKeys(s).length).toBe(bigramSet(s).size);
    expect(similarity('路', '路灯')).toBe(0);
  });

  it('scores exactly as the Dice coefficient of the bigram sets', () => {
    const alphabet = [...'村口路灯坏了不亮学校门口交通aB1𠀀，'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const [a, b] = [text(), text()];
      expect(similarity(a, b)).toBeCloseTo(reference(a, b), 12);
    }
  });
});

describe('rankSimilar against the plain definition', () => {
  // Score every item, keep those at or above the threshold, sort best first (stable), cut to the limit.
  const plain = (text: string, items: string[], threshold: number, limit: number) =>
    items
      .map((item, i) => ({ i, score: similarity(text, item) }))
      .filter((r) => r.score > 0 && r.score >= threshold)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((r) => r.i);

  it('picks the same items in the same order, whatever the threshold and limit', () => {
    const alphabet = [...'村口路灯坏了不亮学校门口交通拥堵'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from({ length: 1 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(
        '',
      );
    // Long lists too, where the kept items' weakest score prunes most of the rest.
    for (let round = 0; round < 1000; round++) {
      const items = Array.from({ length: 1 + Math.floor(next() * (round % 2 ? 25 : 120)) }, text);
      // Some exact copies, so ties and full scores occur.
      if (items.length > 3) items[2] = items[0]!;
      const target = next() < 0.3 ? items[0]! : text();
      const threshold = [0, 0.2, 0.35, 0.5, 0.6, 1][Math.floor(next() * 6)]!;
      const limit = [0, 1, 3, 10][Math.floor(next() * 4)]!;
      const indexed = items.map((t, i) => ({ t, i }));
      const got = rankSimilar(target, indexed, (x) => x.t, { threshold, limit }).map((r) => r.item.i);
      expect(got).toEqual(plain(target, items, threshold, limit));
    }
  });

  it('keeps an item that scores the threshold exactly, though the merge could stop at its last step', () => {
    // 20 bigrams each, 7 shared (the first ones): 14 / 40 = 0.35; the rest of the merge adds nothing.
    const run = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => String.fromCodePoint(from + k)).join('');
    const target = run(0x4e00, 21);
    const item = run(0x4e00, 8) + run(0x5e00, 13);
    expect(similarity(target, item)).toBe(0.35);
    expect(rankSimilar(target, [item], (x) => x, { threshold: 0.35, limit: 3 })).toHaveLength(1);
  });

  it('leaves out the items `skip` names', () => {
    const items = ['村口路灯不亮', '村口路灯坏了', '村口路灯不亮'];
    const ranked = rankSimilar('村口路灯不亮', items, (x) => x, {
      threshold: 0.3,
      limit: 3,
      skip: (x) => x === items[0],
    });
    expect(ranked.map((r) => r.item)).toEqual(['村口路灯坏了']);
  });
});
