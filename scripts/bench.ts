import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import type { FromServer, ToServer } from './bench-server';

// `npm run bench`: drives the real callback path on loopback with signed, encrypted smart-bot
// payloads (a read and a write command) and, in the same run, a bare endpoint that only verifies,
// decrypts and encrypts, then prints throughput, latency, memory and each path against the floor.

interface BenchOptions {
  seconds: number;
  connections: number;
  deputies: number;
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
const WARM_UP_SECONDS = 3;
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
    connections: int('BENCH_CONNECTIONS', 20, 1000),
    deputies: int('BENCH_DEPUTIES', 120, 10_000),
    opinions: int('BENCH_OPINIONS', 100_000, 2_000_000),
    pathOpinions: int('BENCH_PATH_OPINIONS', 1_000, 200_000),
    reportRuns: int('BENCH_REPORT_RUNS', 3, 50),
    only: parts(env.BENCH_ONLY),
    mongodbUri: env.MONGODB_URI || undefined,
  };
}

interface Row {
  path: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  peakRssMb: number;
  requests: number;
  errors: number;
  /** Database commands per request, their mean time as the driver saw it, and the bot's CPU per request. */
  dbPerReq: number;
  dbMs: number;
  cpuMsPerReq: number;
}

function startServer(
  keys: { token: string; encodingAesKey: string },
  o: BenchOptions,
): Promise<{ child: ChildProcess; ready: Extract<FromServer, { type: 'ready' }> }> {
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

function seed(child: ChildProcess, opinions: number): Promise<{ opinions: number; seconds: number }> {
  return new Promise((resolve) => {
    const on = (m: FromServer) => {
      if (m.type !== 'seeded') return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send({ type: 'seed', opinions } satisfies ToServer);
  });
}

function sample(child: ChildProcess): Promise<Extract<FromServer, { type: 'sample' }>> {
  return new Promise((resolve) => {
    const on = (m: FromServer) => {
      if (m.type !== 'sample') return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send({ type: 'sample' } satisfies ToServer);
  });
}

/** One request's body and query, built fresh: a distinct msgid, a fresh timestamp and signature. */
function signedRequest(
  keys: { token: string; encodingAesKey: string },
  basePath: string,
  userid: string,
  text: string,
) {
  const msgid = `bench-${randomBytes(8).toString('hex')}`;
  return signedPayload(keys, basePath, {
    msgid,
    aibotid: 'bench-bot',
    chatid: 'wr-bench',
    chattype: 'group',
    from: { userid },
    msgtype: 'text',
    text: { content: text.replace('{id}', msgid.slice(-6)) },
  });
}

/** WeCom's refresh of a stream the bot answered with a placeholder (the command ran past its deadline). */
function streamRefresh(keys: { token: string; encodingAesKey: string }, userid: string, streamId: string) {
  return signedPayload(keys, '/wecom/callback', {
    msgid: `bench-${randomBytes(8).toString('hex')}`,
    aibotid: 'bench-bot',
    chatid: 'wr-bench',
    chattype: 'group',
    from: { userid },
    msgtype: 'stream',
    stream: { id: streamId },
  });
}

function signedPayload(keys: { token: string; encodingAesKey: string }, basePath: string, payload: object) {
  const ciphertext = encrypt(keys.encodingAesKey, JSON.stringify(payload), '');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(1_000_000_000 + randomBytes(4).readUInt32BE(0));
  const query = new URLSearchParams({
    msg_signature: getSignature(keys.token, timestamp, nonce, ciphertext),
    timestamp,
    nonce,
  });
  return { path: `${basePath}?${query.toString()}`, body: JSON.stringify({ encrypt: ciphertext }) };
}

async function drive(url: string, seconds: number, o: BenchOptions, build: () => { path: string; body: string }) {
  const target = new URL(url);
  return autocannon({
    url: target.origin,
    connections: o.connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...build() }) }],
  });
}

function pad(s: string, n: number, right = false): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

/** Percent of the floor, with a decimal where small ratios would otherwise all read 0%. */
function ratio(x: number): string {
  const pct = x * 100;
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

function renderTable(rows: Row[]): string {
  // Without the bare floor in this run there is nothing to compare with.
  const floor = rows.find((r) => r.path.startsWith('bare'))?.reqPerSec;
  const head = [
    pad('path', 34),
    pad('req/s', 9, true),
    pad('p50 ms', 8, true),
    pad('p99 ms', 8, true),
    pad('peak RSS MB', 12, true),
    pad('vs bare', 8, true),
    pad('requests', 9, true),
    pad('errors', 7, true),
    pad('db/req', 7, true),
    pad('ms/db', 6, true),
    pad('cpu ms/req', 11, true),
  ].join(' ');
  const lines = rows.map((r) =>
    [
      pad(r.path, 34),
      pad(r.reqPerSec.toFixed(0), 9, true),
      pad(String(r.p50), 8, true),
      pad(String(r.p99), 8, true),
      pad(r.peakRssMb.toFixed(0), 12, true),
      pad(floor ? ratio(r.reqPerSec / floor) : '–', 8, true),
      pad(String(r.requests), 9, true),
      pad(String(r.errors), 7, true),
      pad(r.dbPerReq.toFixed(1), 7, true),
      pad(r.dbMs.toFixed(1), 6, true),
      pad(r.cpuMsPerReq.toFixed(2), 11, true),
    ].join(' '),
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

/**
 * One command through the real callback path, timed from the request to its final answer: past the bot's
 * reply deadline the first answer is a placeholder, and the time runs on until a stream refresh (sent every
 * 20 ms, as WeCom would, only more often) returns the finished reply.
 */
async function timeCommand(
  keys: { token: string; encodingAesKey: string },
  appUrl: string,
  userid: string,
  text: string,
): Promise<number> {
  const started = process.hrtime.bigint();
  const post = async (req: { path: string; body: string }) => {
    const res = await fetch(`${appUrl}${req.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: req.body,
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${text} answered ${res.status}`);
    const { message } = decrypt(keys.encodingAesKey, (JSON.parse(body) as { encrypt: string }).encrypt);
    return JSON.parse(message) as { msgtype: string; stream?: { id: string; finish: boolean } };
  };
  let reply = await post(signedRequest(keys, '/wecom/callback', userid, text));
  while (reply.msgtype === 'stream' && reply.stream && !reply.stream.finish) {
    if (Number(process.hrtime.bigint() - started) / 1e6 > 300_000)
      throw new Error(`${text} did not finish in 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    reply = await post(streamRefresh(keys, userid, reply.stream.id));
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const o = readOptions(process.env);
  const keys = {
    token: randomBytes(12).toString('hex'),
    encodingAesKey: randomBytes(32).toString('base64').slice(0, 43),
  };
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`starting the bot on ${o.mongodbUri ? 'MONGODB_URI' : 'an embedded database'} …`);
  const { child, ready } = await startServer(keys, o);
  let seeded: { opinions: number; seconds: number } | undefined;
  // Everything in the collection when the reports run: the seeded opinions and those the paths filed.
  let reportOver = 0;
  const has = (word: string) => ready.commandWords.includes(word);
  const read = has('我的建议') ? '我的建议' : '帮助';
  const write = has('建议') ? '建议 {id}号村口路灯坏了三个月，晚上出行不便，请尽快维修' : undefined;
  let n = 0;
  // Seeded deputies (the last few are inactive), with BENCH_PATH_OPINIONS opinions among them; the bulk comes after the paths.
  const active = Math.max(1, Math.floor(o.deputies * 0.9));
  const deputy = () => `seed-d-${(n++ % active) + 1}`;

  const scenarios: Array<{ name: string; url: string; text: string }> = [
    ...(o.only.has('bare') ? [{ name: 'bare: verify + decrypt + encrypt', url: ready.bareUrl, text: '帮助' }] : []),
    // The read first, over the seeded opinions only; then the write adds its own.
    ...(o.only.has('read') ? [{ name: `read: ${read}`, url: `${ready.appUrl}/wecom/callback`, text: read }] : []),
    ...(write && o.only.has('write')
      ? [{ name: `write: ${write.split(' ')[0]} …`, url: `${ready.appUrl}/wecom/callback`, text: write }]
      : []),
  ];
  const rows: Row[] = [];
  const reports: Array<{ command: string; runs: number[] }> = [];
  try {
    for (const s of scenarios) {
      const build = () => signedRequest(keys, new URL(s.url).pathname, deputy(), s.text);
      // Warm-up, not measured: the bot's JIT and the database server's JVM settle in the first seconds.
      await drive(s.url, WARM_UP_SECONDS, o, build);
      const before = await sample(child);
      out(`running ${s.name} for ${o.seconds} s at ${o.connections} connections …`);
      const r = await drive(s.url, o.seconds, o, build);
      const mem = await sample(child);
      rows.push({
        path: s.name,
        reqPerSec: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        peakRssMb: mem.peakRssBytes / 1024 / 1024,
        requests: r.requests.total,
        errors: r.errors + r.timeouts + r.non2xx,
        dbPerReq: (mem.dbCommands - before.dbCommands) / Math.max(1, r.requests.total),
        dbMs: (mem.dbMs - before.dbMs) / Math.max(1, mem.dbCommands - before.dbCommands),
        cpuMsPerReq: (mem.cpuMs - before.cpuMs) / Math.max(1, r.requests.total),
      });
      // A sanity check that the write path really wrote: one opinion per answered request.
      if (s.text === write)
        out(
          `  ${r['2xx']} answered in the window, ${mem.opinions - before.opinions} opinions created (requests in flight at the end finish after it)`,
        );
    }
    const commands: Array<[string, string]> = [
      ['统计', ready.office],
      ['周报', ready.office],
      ['督办', ready.office],
      ['履职', ready.deputy],
    ];
    if (o.only.has('reports')) {
      out(`seeding ${o.opinions} opinions with events, attendance and study marks …`);
      seeded = await seed(child, o.opinions);
      out(`seeded ${seeded.opinions} opinions in ${seeded.seconds.toFixed(0)} s`);
      reportOver = (await sample(child)).opinions;
    }
    for (const [text, userid] of o.only.has('reports') ? commands : []) {
      out(`timing ${text} ×${o.reportRuns} …`);
      const runs: number[] = [];
      for (let i = 0; i < o.reportRuns; i++) runs.push(await timeCommand(keys, ready.appUrl, userid, text));
      reports.push({ command: text, runs });
    }
  } finally {
    child.send({ type: 'stop' } satisfies ToServer);
    await new Promise((resolve) => child.once('exit', resolve));
  }

  const cpus = os.cpus();
  out('');
  out(renderTable(rows));
  out('');
  out(
    `machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${os.platform()} ${os.release()}`,
  );
  out('');
  out([pad('report (one request at a time)', 34), pad('median ms', 10, true), pad('runs ms', 40, true)].join(' '));
  for (const r of reports)
    out(
      [
        pad(r.command, 34),
        pad(median(r.runs).toFixed(0), 10, true),
        pad(r.runs.map((x) => x.toFixed(0)).join(' / '), 40, true),
      ].join(' '),
    );
  out('');
  out(
    `database: ${ready.dbKind}; ${o.deputies} deputies, ${o.pathOpinions} opinions before the paths; ${o.connections} connections, ${o.seconds} s per path (after a ${WARM_UP_SECONDS} s warm-up), load generator in a separate process on loopback`,
  );
  out(
    `reports: over ${reportOver} opinions (${seeded?.opinions ?? 0} seeded after the paths ran, the rest filed by them), office and deputy commands through the same callback path`,
  );
  if (!write) out('note: no 建议 command is registered, so the write path was skipped');
  if (read === '帮助') out('note: no 我的建议 command is registered, so the read path used 帮助');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
