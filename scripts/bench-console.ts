import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import pino from 'pino';
import { loadConfig } from '../config';
import { readEmbeddedDbSettings } from '../config/embedded-db';
import { composeApp } from '../src/compose';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { FakeWecom } from '../src/demo/fake-wecom';
import { createLogger } from '../src/logger';

// `npm run bench:console`: the console's opinion list API over HTTP with 10,000 opinions in the
// database (the test database unless MONGODB_URI is set), signed in as office staff; prints latency
// percentiles per query shape and overall against the 200 ms p95 target.

interface Options {
  opinions: number;
  requests: number;
  mongodbUri?: string;
}

function readOptions(env: NodeJS.ProcessEnv): Options {
  const int = (name: string, fallback: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  return {
    opinions: int('BENCH_OPINIONS', 10_000, 200_000),
    requests: int('BENCH_REQUESTS', 60, 10_000),
    mongodbUri: env.MONGODB_URI || undefined,
  };
}

const STATUSES = ['待交办', '已交办', '已交办', '已答复', '已办结', '已办结', '已退回'] as const;
const CATEGORIES = ['社会保障', '文化教育', '公共交通', '医疗卫生', '环境整治', '乡村振兴', '安全生产'];
const UNITS = ['住建局', '交通运输局', '教育管理中心', '卫健办', '环卫所', '农业农村办', '派出所', '市场监管分局'];
const NOW = new Date('2026-11-22T10:00:00+08:00');

/** n opinions spread over 2025–2026 with every status, written straight to the collection. */
async function seed(connection: mongoose.Connection, n: number): Promise<void> {
  const docs = [];
  for (let i = 1; i <= n; i++) {
    const year = i % 5 === 0 ? 2025 : 2026;
    // Filing order is code order, as in production.
    const filedAt = new Date(Date.UTC(year, 0, 1) + Math.floor((i / n) * (year === 2026 ? 320 : 364) * 86_400_000));
    const status = STATUSES[i % STATUSES.length]!;
    const unit = status === '待交办' ? undefined : UNITS[i % UNITS.length];
    const deadline = unit ? new Date(filedAt.getTime() + ((i % 40) + 5) * 86_400_000) : undefined;
    const filer = `bench-d-${(i % 120) + 1}`;
    const title = `第${i}号：${CATEGORIES[i % CATEGORIES.length]}方面的建议，村口道路需要修缮`;
    const timeline = [
      { at: filedAt, action: 'filed', by: filer, byName: `代表${(i % 120) + 1}`, origin: `seed-${i}`, note: '代表' },
    ];
    if (unit)
      timeline.push({
        at: new Date(filedAt.getTime() + 86_400_000),
        action: 'assigned',
        by: 'bench-office',
        byName: '办公室',
        origin: `seed-${i}-a`,
        note: '',
      });
    docs.push({
      code: `YJ${year}-${String(i).padStart(5, '0')}`,
      year,
      seq: i,
      origin: `seed-${i}`,
      source: i % 4 === 0 ? '群众反映' : '代表',
      filer,
      filerName: `代表${(i % 120) + 1}`,
      cosigners: i % 3 === 0 ? ['bench-d-1'] : [],
      title,
      content: `${title}。详细情况：路面破损严重，雨天积水，群众出行不便，希望尽快安排维修。联系电话 138${String(i).padStart(8, '0')}`,
      category: CATEGORIES[i % CATEGORIES.length],
      status,
      round: unit ? 1 : 0,
      unit,
      deadline,
      filedAt,
      assignedAt: unit ? new Date(filedAt.getTime() + 86_400_000) : undefined,
      lastEventAt: timeline[timeline.length - 1]!.at,
      rounds:
        unit && deadline ? [{ round: 1, unit, deadline, assignedAt: new Date(filedAt.getTime() + 86_400_000) }] : [],
      timeline,
      origins: timeline.map((e) => e.origin),
    });
    if (docs.length === 1000) await connection.collection('opinions').insertMany(docs.splice(0));
  }
  if (docs.length) await connection.collection('opinions').insertMany(docs);
}

const SHAPES: Array<[name: string, query: string]> = [
  ['this year, newest first', 'year=2026'],
  ['page 200', 'year=2026&page=200'],
  ['by status', `year=2026&status=${encodeURIComponent('已交办')}`],
  ['by unit, by deadline', `year=2026&unit=${encodeURIComponent('住建局')}&sort=deadline&order=asc`],
  ['overdue', 'year=2026&due=overdue'],
  ['keyword', `year=2026&q=${encodeURIComponent('第77')}`],
  ['by filer, code order', 'year=2026&filer=bench-d-7&sort=code'],
  ['every year', 'pageSize=50'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const o = readOptions(process.env);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const projectRoot = path.resolve(__dirname, '..', '..');
  const embedded = o.mongodbUri
    ? undefined
    : await startEmbeddedDatabase({
        projectRoot,
        dataDir: os.tmpdir(),
        persistent: false,
        settings: readEmbeddedDbSettings(process.env),
      });
  const uri = o.mongodbUri ?? embedded!.uri;
  const connection = await mongoose
    .createConnection(uri, { dbName: `bench_console_${process.pid}`, autoIndex: false })
    .asPromise();
  const wecom = new FakeWecom(100);
  const fake = await wecom.listen();
  const server = http.createServer();
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      WECOM_TOKEN: 'bench',
      WECOM_ENCODING_AES_KEY: 'a'.repeat(43),
      WECOM_CORP_ID: 'bench',
      WECOM_API_BASE: fake.baseUrl,
      OFFICE_USERIDS: 'bench-office',
      JOBS_ENABLED: 'false',
    });
    const log = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: false }) });
    const composed = await composeApp({ config, connection, log, clock: { now: () => new Date(NOW) } });
    out(`seeding ${o.opinions} opinions on ${o.mongodbUri ? 'MONGODB_URI' : (embedded?.kind ?? '')} …`);
    await seed(connection, o.opinions);
    const session = await composed.services.consoleAuth.startSession('bench-office', 'link', NOW);
    server.on('request', composed.app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/console/opinions?`;
    const headers = { cookie: `console_sid=${session!.token}` };
    const get = async (q: string): Promise<number> => {
      const started = performance.now();
      const res = await fetch(base + q, { headers });
      const body = (await res.json()) as { total?: number };
      if (res.status !== 200 || typeof body.total !== 'number') throw new Error(`list answered ${res.status}`);
      return performance.now() - started;
    };
    // Warm-up: the first requests pay for JIT compilation (ours and the Java test server's) and connection set-up.
    for (let i = 0; i < 15; i++) for (const [, q] of SHAPES) await get(q);
    const all: number[] = [];
    out(`\n${o.requests} sequential requests per query shape`);
    out(`${'query'.padEnd(26)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
    for (const [name, q] of SHAPES) {
      const times: number[] = [];
      for (let i = 0; i < o.requests; i++) times.push(await get(q));
      times.sort((a, b) => a - b);
      all.push(...times);
      out(
        `${name.padEnd(26)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}`,
      );
    }
    all.sort((a, b) => a - b);
    const p95 = percentile(all, 95);
    const load = os.loadavg()[0]!.toFixed(1);
    out(`\nmachine: ${os.cpus().length} cores, load average ${load} during the run`);
    out(
      `overall: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${all.length} requests — target p95 ≤ 200 ms: ${p95 <= 200 ? 'met' : 'NOT met'}`,
    );
    await composed.stop();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fake.close();
    await connection.dropDatabase();
    await connection.close();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
