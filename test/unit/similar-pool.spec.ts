import { createSimilarPool, type PoolItem } from '../../src/services/opinions/similar-pool';

const item = (n: number): PoolItem => ({
  code: `YJ2026-${String(n).padStart(3, '0')}`,
  title: `t${n}`,
  content: `c${n}`,
});
const at = (s: number) => new Date(Date.UTC(2026, 10, 2, 1, 0, s));

/** A database read the test finishes by hand. */
function manualReads(rows: () => PoolItem[]) {
  const pending: Array<() => void> = [];
  let reads = 0;
  const read = () =>
    new Promise<PoolItem[]>((resolve) => {
      reads += 1;
      const snapshot = rows();
      pending.push(() => resolve(snapshot));
    });
  return { read, finish: () => pending.splice(0).forEach((f) => f()), reads: () => reads };
}

it('reads once for concurrent callers, keeps the copy for its lifetime, and reads again after it', async () => {
  const db = manualReads(() => [item(2), item(1)]);
  const pool = createSimilarPool(db.read, 500, 60_000);
  const both = Promise.all([pool.get(at(0)), pool.get(at(1))]);
  db.finish();
  expect((await both).map((p) => p.map((o) => o.code))).toEqual([
    ['YJ2026-002', 'YJ2026-001'],
    ['YJ2026-002', 'YJ2026-001'],
  ]);
  expect(db.reads()).toBe(1);
  await pool.get(at(59));
  expect(db.reads()).toBe(1);
  // Expired, and a clock set back before the read, both read again.
  const later = pool.get(at(60));
  db.finish();
  await later;
  const earlier = pool.get(at(-5));
  db.finish();
  await earlier;
  expect(db.reads()).toBe(3);
});

it('puts this instance’s filings first, once, within the bound, including one made while a read is on the way', async () => {
  const db = manualReads(() => [item(2), item(1)]);
  const pool = createSimilarPool(db.read, 3, 60_000);
  const loading = pool.get(at(0));
  pool.add(item(3)); // filed after the read left: the read may not have it
  db.finish();
  expect((await loading).map((o) => o.code)).toEqual(['YJ2026-003', 'YJ2026-002', 'YJ2026-001']);
  pool.add(item(4));
  pool.add(item(4));
  expect((await pool.get(at(1))).map((o) => o.code)).toEqual(['YJ2026-004', 'YJ2026-003', 'YJ2026-002']);
  expect(db.reads()).toBe(1);
});

it('after forget, reads afresh, and does not keep a read that started before it', async () => {
  let rows = [item(1)];
  const db = manualReads(() => rows);
  const pool = createSimilarPool(db.read, 500, 60_000);
  const old = pool.get(at(0));
  rows = []; // item 1 is withdrawn meanwhile, by this instance
  pool.forget();
  db.finish();
  expect((await old).map((o) => o.code)).toEqual(['YJ2026-001']); // the caller already waiting gets what it read
  const next = pool.get(at(1));
  db.finish();
  expect(await next).toEqual([]);
  expect(db.reads()).toBe(2);
  await pool.get(at(2));
  expect(db.reads()).toBe(2);
});
