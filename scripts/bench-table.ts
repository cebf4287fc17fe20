// The benchmark's printed tables.

export interface Row {
  path: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  peakRssMb: number;
  /** Throughput against the bare floor measured alongside (undefined: no floor in this run). */
  vsBare?: number;
  requests: number;
  errors: number;
  /** Database commands per request, their mean time as the driver saw it, and the bot's CPU per request. */
  dbPerReq: number;
  dbMs: number;
  cpuMsPerReq: number;
}

export function pad(s: string, n: number, right = false): string {
  const width = [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
}

/** Percent of the floor, with a decimal where small ratios would otherwise all read 0%. */
function ratio(x: number): string {
  const pct = x * 100;
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

export function renderTable(rows: Row[]): string {
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
      pad(r.vsBare !== undefined ? ratio(r.vsBare) : '–', 8, true),
      pad(String(r.requests), 9, true),
      pad(String(r.errors), 7, true),
      pad(r.dbPerReq.toFixed(1), 7, true),
      pad(r.dbMs.toFixed(1), 6, true),
      pad(r.cpuMsPerReq.toFixed(2), 11, true),
    ].join(' '),
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
