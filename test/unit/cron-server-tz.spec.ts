import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// A jest worker cannot change its own time zone, so the slot arithmetic runs in child processes
// started with different TZ values; Beijing slots must come out identical in each. The children
// load the sources through ts-register (transpiled once, cached), not the TypeScript compiler each.
const root = path.resolve(__dirname, '..', '..');
const script = `
const { parseCron, previousFire, nextFire, slotKey } = require(${JSON.stringify(path.join(root, 'src/time/cron.ts'))});
const tz = 'Asia/Shanghai';
const out = [];
for (const expr of ['* * * * *', '0 9 * * 1', '30 9 * * 1-5', '0 10 * * 3', '0 3 * * *']) {
  const spec = parseCron(expr);
  for (const at of ['2026-11-22T16:30:00Z', '2026-11-23T00:59:59Z', '2026-11-23T01:00:00Z', '2026-03-08T10:00:00Z', '2026-11-01T09:30:00Z']) {
    const prev = previousFire(spec, new Date(at), tz);
    out.push([expr, at, prev.toISOString(), slotKey('j', prev, tz), nextFire(spec, new Date(at), tz).toISOString()]);
  }
}
process.stdout.write(JSON.stringify({ hour: new Date('2026-11-24T04:00:00Z').getHours(), out }));
`;

async function runIn(tzName: string): Promise<{ hour: number; out: string[][] }> {
  const register = path.join(root, 'test/helpers/ts-register.cjs');
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', register, '-e', script], {
    cwd: root,
    env: { ...process.env, TZ: tzName },
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

it('computes the same Beijing slots whatever the server time zone', async () => {
  const [la, utc, beijing] = await Promise.all([runIn('America/Los_Angeles'), runIn('UTC'), runIn('Asia/Shanghai')]);
  // The child processes really ran in different zones.
  expect([la.hour, utc.hour, beijing.hour]).toEqual([20, 4, 12]);
  expect(la.out).toEqual(beijing.out);
  expect(utc.out).toEqual(beijing.out);
  // Monday 23 November 00:30 Beijing is still Sunday in UTC and in Los Angeles.
  expect(la.out).toContainEqual([
    '0 9 * * 1',
    '2026-11-22T16:30:00Z',
    '2026-11-16T01:00:00.000Z',
    'j:2026-11-16T09:00',
    '2026-11-23T01:00:00.000Z',
  ]);
  expect(la.out).toContainEqual([
    '0 9 * * 1',
    '2026-11-23T01:00:00Z',
    '2026-11-23T01:00:00.000Z',
    'j:2026-11-23T09:00',
    '2026-11-30T01:00:00.000Z',
  ]);
  // Daylight saving changes on the server's side (8 March, 1 November 2026 in Los Angeles) do not move Beijing slots.
  expect(la.out).toContainEqual([
    '0 3 * * *',
    '2026-03-08T10:00:00Z',
    '2026-03-07T19:00:00.000Z',
    'j:2026-03-08T03:00',
    '2026-03-08T19:00:00.000Z',
  ]);
});
