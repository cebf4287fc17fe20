import { main } from '../../scripts/seed';
import { type Harness, createHarness } from '../helpers/harness';

// `npm run seed`: realistic data that the commands read like any other (and a second run adds, never clashes).

let h: Harness;
beforeAll(async () => {
  h = await createHarness('seed', { now: '2026-11-22T10:00:00+08:00' });
});
afterAll(async () => h.close());

async function seed(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env: { NODE_ENV: 'test' },
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    clock: h.clock,
    openDatabase: async () => ({ connection: h.db.connection, close: async () => undefined }),
  });
  return { code, out, err };
}

it('refuses options it does not know or values out of range, writing nothing', async () => {
  expect((await seed(['--opinions', 'many'])).err.join('\n')).toContain('--opinions must be a whole number');
  expect((await seed(['--colour', 'red'])).code).toBe(2);
  expect(await h.models.Opinion.countDocuments({})).toBe(0);
});

it('fills opinions in every state over the years, with events and study marks, that 统计 and 履职 read', async () => {
  const r = await seed([
    '--opinions',
    '600',
    '--deputies',
    '30',
    '--years',
    '2',
    '--activities',
    '6',
    '--meetings',
    '3',
    '--study',
    '4',
    '--shifts',
    '8',
  ]);
  expect(r.code).toBe(0);
  expect(r.out.at(-1)).toMatch(/600 opinions/);
  expect(await h.models.Opinion.countDocuments({})).toBe(600);
  const statuses = await h.models.Opinion.distinct('status');
  expect(statuses.sort()).toEqual(['已交办', '已办结', '已撤回', '已答复', '已退回', '待交办'].sort());
  expect(await h.models.Opinion.distinct('year')).toEqual([2025, 2026]);
  const filed2026 = await h.models.Opinion.countDocuments({ year: 2026 });
  const stats = await h.say('seed-d-1', '统计 2026');
  expect(stats).toContain(`共 ${filed2026} 件`);
  expect(stats).toMatch(/答复率 \d+\.\d% · 办结率 \d+\.\d% · 满意率 \d+\.\d%/);
  expect(await h.say('seed-d-5', '履职')).toMatch(/建议|活动|会议/);
  // A second run reserves new codes: nothing clashes, everything adds up.
  expect((await seed(['--opinions', '50', '--deputies', '30', '--years', '1'])).code).toBe(0);
  expect(await h.models.Opinion.countDocuments({})).toBe(650);
  expect(await h.models.Deputy.countDocuments({})).toBe(30);
});
