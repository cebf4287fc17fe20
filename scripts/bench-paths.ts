import type { ChildProcess } from 'node:child_process';
import { type BenchKeys, drive, signedRequest } from './bench-requests';
import type { FromServer, ToServer } from './bench-server';
import type { Row } from './bench-table';

// The command paths under load, each measured in rounds that alternate with the bare floor, so that a machine whose
// speed drifts during the run (another process, a CPU's clock) moves both sides of a ratio alike.

/** `writes`: each answered request should file one opinion (checked and printed). */
export type Scenario = { name: string; url: string; text: string; writes?: boolean };

export interface PathOptions {
  /** Measured seconds per path, split over the rounds. */
  seconds: number;
  rounds: number;
  connections: number;
  deputies: number;
}

/** Before the bare floor, not measured: the bot's JIT settles. */
const WARM_UP_SECONDS = 3;
/**
 * Before each command path, not measured: the embedded test server's JVM compiles that path's queries and writes
 * over tens of thousands of commands, and a fresh one runs them a fifth slower (MongoDB itself has no JIT to warm).
 */
const PATH_WARM_UP_SECONDS = 12;

type Sample = Extract<FromServer, { type: 'sample' }>;

/** What the slices of one path add up to. */
interface Tally {
  requests: number;
  seconds: number;
  errors: number;
  answered: number;
  latencies: number[];
  dbCommands: number;
  dbMs: number;
  cpuMs: number;
  opinionsCreated: number;
  peakRssBytes: number;
}

const emptyTally = (): Tally => ({
  requests: 0,
  seconds: 0,
  errors: 0,
  answered: 0,
  latencies: [],
  dbCommands: 0,
  dbMs: 0,
  cpuMs: 0,
  opinionsCreated: 0,
  peakRssBytes: 0,
});

function addInto(into: Tally, from: Tally): void {
  into.requests += from.requests;
  into.seconds += from.seconds;
  into.errors += from.errors;
  into.answered += from.answered;
  // Not push(...): a slice has more answers than a call may have arguments.
  for (const ms of from.latencies) into.latencies.push(ms);
  into.dbCommands += from.dbCommands;
  into.dbMs += from.dbMs;
  into.cpuMs += from.cpuMs;
  into.opinionsCreated += from.opinionsCreated;
  into.peakRssBytes = Math.max(into.peakRssBytes, from.peakRssBytes);
}

const rate = (t: Tally) => t.requests / Math.max(t.seconds, 1e-9);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
}

function rowOf(path: string, t: Tally, vsBare: number | undefined): Row {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  return {
    path,
    reqPerSec: rate(t),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    peakRssMb: t.peakRssBytes / 1024 / 1024,
    vsBare,
    requests: t.requests,
    errors: t.errors,
    dbPerReq: t.dbCommands / Math.max(1, t.requests),
    dbMs: t.dbMs / Math.max(1, t.dbCommands),
    cpuMsPerReq: t.cpuMs / Math.max(1, t.requests),
  };
}

/** Sends the bench server a message and waits for its answer of the given type. */
export function ask<K extends FromServer['type']>(
  child: ChildProcess,
  message: ToServer,
  answer: K,
): Promise<Extract<FromServer, { type: K }>> {
  return new Promise((resolve) => {
    const on = (m: FromServer) => {
      if (m.type !== answer) return;
      child.off('message', on);
      resolve(m as Extract<FromServer, { type: K }>);
    };
    child.on('message', on);
    child.send(message);
  });
}

export const sample = (child: ChildProcess): Promise<Sample> => ask(child, { type: 'sample' }, 'sample');

/**
 * The bare floor (when given) and each path: a warm-up, then `rounds` × (bare slice, path slice). A path's ratio
 * is against the bare slices of its own rounds; the bare row pools them all.
 */
export async function runPaths(
  child: ChildProcess,
  keys: BenchKeys,
  o: PathOptions,
  bare: Scenario | undefined,
  paths: Scenario[],
  out: (line: string) => void,
): Promise<Row[]> {
  let n = 0;
  // Seeded deputies (the last few are inactive), with BENCH_PATH_OPINIONS opinions among them; the bulk comes after the paths.
  const active = Math.max(1, Math.floor(o.deputies * 0.9));
  const load = (s: Scenario, seconds: number) =>
    drive(s.url, seconds, o, () =>
      signedRequest(keys, new URL(s.url).pathname, `seed-d-${(n++ % active) + 1}`, s.text),
    );
  const slice = o.seconds / o.rounds;
  const measure = async (s: Scenario, into: Tally) => {
    const before = await sample(child);
    const { result, latencies } = await load(s, slice);
    const after = await sample(child);
    addInto(into, {
      requests: result.requests.total,
      seconds: result.duration,
      errors: result.errors + result.timeouts + result.non2xx,
      answered: result['2xx'],
      latencies,
      dbCommands: after.dbCommands - before.dbCommands,
      dbMs: after.dbMs - before.dbMs,
      cpuMs: after.cpuMs - before.cpuMs,
      opinionsCreated: after.opinions - before.opinions,
      peakRssBytes: after.peakRssBytes,
    });
  };

  const allBare = emptyTally();
  const rows: Row[] = [];
  if (bare) await load(bare, WARM_UP_SECONDS);
  if (bare && paths.length === 0) {
    out(`running ${bare.name} for ${o.seconds} s at ${o.connections} connections …`);
    for (let r = 0; r < o.rounds; r++) await measure(bare, allBare);
  }
  for (const s of paths) {
    await load(s, PATH_WARM_UP_SECONDS);
    out(
      `running ${s.name} for ${o.seconds} s at ${o.connections} connections, in ${o.rounds} rounds${bare ? ' after the bare floor' : ''} …`,
    );
    const phaseBare = emptyTally();
    const t = emptyTally();
    for (let r = 0; r < o.rounds; r++) {
      if (bare) await measure(bare, phaseBare);
      await measure(s, t);
    }
    addInto(allBare, phaseBare);
    rows.push(rowOf(s.name, t, bare ? rate(t) / rate(phaseBare) : undefined));
    // A sanity check that the write path really wrote: one opinion per answered request.
    if (s.writes)
      out(
        `  ${t.answered} answered in the windows, ${t.opinionsCreated} opinions created (requests in flight at a window's end finish after it)`,
      );
  }
  if (bare) rows.unshift(rowOf(bare.name, allBare, 1));
  return rows;
}
