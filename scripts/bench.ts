import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ask, runPaths, sample, type Scenario } from './bench-paths';
import { type BenchKeys, timeCommand } from './bench-requests';
import type { FromServer, ToServer } from './bench-server';
import { median, pad, renderTable, type Row } from './bench-table';

// `npm run bench`: drives the real callback path on loopback with signed, encrypted smart-bot
// payloads (a read and a write command) and, in the same run, a bare endpoint that only verifies,
// decrypts and encrypts, then prints throughput, latency, memory and each path against the floor.

interface BenchOptions {
  seconds: number;
  /** Each path's seconds are measured in this many slices, each after a slice of the bare floor. */
  rounds: number;
  connections: number;
  deputies: number;
  /** Realistic opinions seeded for the reports (the write path's filings are dropped first). */
  opinions: number;
  /** Opinions in the database before the command paths run (the read path lists a deputy's own). */
  pathOpinions: number;
  /** How often each report command is timed (the median is shown). */
  reportRuns: number;
  /** What to run (all by default): any of the bare floor, the write and read paths, the reports. */
  only: Set<Part>;
  mongodbUri?: string;
}

const PARTS = ['bare', 'write', 'read', 'reports'] as const;
type Part = (typeof PARTS)[number];

/** BENCH_ONLY=bare,read (for profiling one path); the ratio needs `bare` in the same run. */
function parts(raw: string | undefined): Set<Part> {
  if (raw === undefined || raw.trim() === '') return new Set(PARTS);
  const picked = raw.split(',').map((x) => x.trim());
  const wrong = picked.filter((x) => !(PARTS as readonly string[]).includes(x));
  if (wrong.length > 0 || picked.length === 0) throw new Error(`BENCH_ONLY takes a list of ${PARTS.join(', ')}`);
  return new Set(picked as Part[]);
}

/** The script's knobs (an entry point, like src/main.ts, so it reads its own environment). */
function readOptions(env: NodeJS.ProcessEnv): BenchOptions {
  const int = (name: string, fallback: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  return {
    seconds: int('BENCH_SECONDS', 20, 600),
    rounds: int('BENCH_ROUNDS', 4, 20),
    connections: int('BENCH_CONNECTIONS', 20, 1000),
    deputies: int('BENCH_DEPUTIES', 120, 10_000),
    opinions: int('BENCH_OPINIONS', 100_000, 2_000_000),
    pathOpinions: int('BENCH_PATH_OPINIONS', 1_000, 200_000),
    reportRuns: int('BENCH_REPORT_RUNS', 3, 50),
    only: parts(env.BENCH_ONLY),
    mongodbUri: env.MONGODB_URI || undefined,
  };
}

function startServer(keys: BenchKeys, o: BenchOptions): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(path.join(__dirname, 'bench-server.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${String(code)})`)));
    child.on('message', (m: FromServer) => {
      if (m.type === 'ready') resolve({ child, ready: m });
      if (m.type === 'failed') reject(new Error(`bench server failed: ${m.error}`));
    });
    const start: ToServer = {
      type: 'start',
      keys,
      mongodbUri: o.mongodbUri,
      deputies: o.deputies,
      pathOpinions: o.pathOpinions,
    };
    child.send(start);
  });
}

const seed = (child: ChildProcess, opinions: number) => ask(child, { type: 'seed', opinions }, 'seeded');

type Ready = Extract<FromServer, { type: 'ready' }>;
const out = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const o = readOptions(process.env);
  const keys = {
    token: randomBytes(12).toString('hex'),
    encodingAesKey: randomBytes(32).toString('base64').slice(0, 43),
  };
  out(`starting the bot on ${o.mongodbUri ? 'MONGODB_URI' : 'an embedded database'} …`);
  const { child, ready } = await startServer(keys, o);
  const has = (word: string) => ready.commandWords.includes(word);
  const read = has('我的建议') ? '我的建议' : '帮助';
  const write = has('建议') ? '建议 {id}号村口路灯坏了三个月，晚上出行不便，请尽快维修' : undefined;
  const bare: Scenario | undefined = o.only.has('bare')
    ? { name: 'bare: verify + decrypt + encrypt', url: ready.bareUrl, text: '帮助' }
    : undefined;
  const callback = `${ready.appUrl}/wecom/callback`;
  const paths: Scenario[] = [
    // The read first, over the seeded opinions only; then the write adds its own.
    ...(o.only.has('read') ? [{ name: `read: ${read}`, url: callback, text: read }] : []),
    ...(write && o.only.has('write')
      ? [{ name: `write: ${write.split(' ')[0]} …`, url: callback, text: write, writes: true }]
      : []),
  ];
  let rows: Row[];
  let reports: Reports = { runs: [], over: 0 };
  try {
    rows = await runPaths(child, keys, o, bare, paths, out);
    if (o.only.has('reports')) reports = await runReports(child, keys, o, ready);
  } finally {
    child.send({ type: 'stop' } satisfies ToServer);
    await new Promise((resolve) => child.once('exit', resolve));
  }
  printSummary(o, ready, rows, reports);
  if (!write) out('note: no 建议 command is registered, so the write path was skipped');
  if (read === '帮助') out('note: no 我的建议 command is registered, so the read path used 帮助');
}

interface Reports {
  runs: Array<{ command: string; runs: number[] }>;
  /** Everything in the collection when the reports ran: the seeded opinions and those the paths filed. */
  over: number;
  seeded?: { opinions: number; dropped: number; seconds: number };
}

/** The bulk seeded, then each report command timed one request at a time. */
async function runReports(child: ChildProcess, keys: BenchKeys, o: BenchOptions, ready: Ready): Promise<Reports> {
  out(`dropping the write path's filings, seeding ${o.opinions} opinions with events, attendance and study marks …`);
  const seeded = await seed(child, o.opinions);
  out(`dropped ${seeded.dropped}, seeded ${seeded.opinions} opinions in ${seeded.seconds.toFixed(0)} s`);
  const over = (await sample(child)).opinions;
  const commands: Array<[string, string]> = [
    ['统计', ready.office],
    ['周报', ready.office],
    ['督办', ready.office],
    ['履职', ready.deputy],
  ];
  const runs: Reports['runs'] = [];
  for (const [text, userid] of commands) {
    out(`timing ${text} ×${o.reportRuns} …`);
    const times: number[] = [];
    for (let i = 0; i < o.reportRuns; i++) times.push(await timeCommand(keys, ready.appUrl, userid, text));
    runs.push({ command: text, runs: times });
  }
  return { runs, over, seeded };
}

function printSummary(o: BenchOptions, ready: Ready, rows: Row[], reports: Reports): void {
  const cpus = os.cpus();
  out('');
  out(renderTable(rows));
  out('');
  out(
    `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${os.platform()} ${os.release()}`,
  );
  out('');
  out([pad('report (one request at a time)', 34), pad('median ms', 10, true), pad('runs ms', 40, true)].join(' '));
  for (const r of reports.runs)
    out(
      [
        pad(r.command, 34),
        pad(median(r.runs).toFixed(0), 10, true),
        pad(r.runs.map((x) => x.toFixed(0)).join(' / '), 40, true),
      ].join(' '),
    );
  out('');
  out(
    `database: ${ready.dbKind}; ${o.deputies} deputies, ${o.pathOpinions} opinions before the paths; ${o.connections} connections, ${o.seconds} s per path in ${o.rounds} rounds, each after an equal slice of the bare floor (warm-ups not measured), load generator in a separate process on loopback`,
  );
  out(
    `reports: over ${reports.over} opinions (${reports.seeded?.opinions ?? 0} seeded after the paths ran, once the write path's ${reports.seeded?.dropped ?? 0} filings were dropped; the rest seeded before them), office and deputy commands through the same callback path`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
