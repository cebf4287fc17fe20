import { type Harness, createHarness } from '../helpers/harness';
import { nextCode, formatCode } from '../../src/services/codes';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('codes');
});
afterAll(async () => h.close());

it('hands out gap-free, unique codes under concurrency, per kind and year', async () => {
  const codes = await Promise.all(Array.from({ length: 30 }, () => nextCode(h.models, 'YJ', 2026)));
  const seqs = codes.map((c) => c.seq).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(formatCode(await nextCode(h.models, 'YJ', 2027))).toBe('YJ2027-001');
  expect(formatCode(await nextCode(h.models, 'HD', 2026))).toBe('HD2026-001');
});
