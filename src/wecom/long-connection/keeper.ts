import WebSocket from 'ws';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import { CMD, type InFrame, type OutFrame, pingFrame, readFrame, subscribeFrame } from './frames';
import type { TimerHandle, Timers } from './timers';

/**
 * idle: never started; connecting/subscribing: on the way up; up: subscribed and heartbeating;
 * backoff: waiting to reconnect; refused: WeCom said no to the subscribe (waiting to retry);
 * kicked: another connection took over (disconnected_event), so this one stays down;
 * stopped: shut down (process stopping, or the lease went to another instance).
 */
export type LinkState = 'idle' | 'connecting' | 'subscribing' | 'up' | 'backoff' | 'refused' | 'kicked' | 'stopped';

export interface LinkStatus {
  state: LinkState;
  since: Date;
  /** When the current connection was subscribed (state 'up' only). */
  upSince?: Date;
  /** Why it is not up (an errmsg, "two pings unanswered", …); never a secret. */
  detail?: string;
  /** When the next connection attempt is due (backoff/refused). */
  retryAt?: Date;
}

export type Callback = Extract<InFrame, { type: 'callback' }>;
export type Ack = Extract<InFrame, { type: 'ack' }>;

export interface KeeperOptions {
  url: string;
  botId: string;
  secret: string;
  clock: Clock;
  timers: Timers;
  log: Logger;
  heartbeatMs: number;
  /** Unanswered pings in a row that mean the connection is dead. */
  maxMissedPings: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** How long subscribe and proactive sends wait for their acknowledgement. */
  requestTimeoutMs: number;
  /** Every callback frame (messages and events), disconnected_event included. */
  onCallback(frame: Callback): void;
  onStatus?(status: LinkStatus): void;
}

export interface Keeper {
  start(): void;
  stop(): Promise<void>;
  status(): LinkStatus;
  /** Writes a frame on the live connection (a reply); throws when there is none. */
  send(frame: OutFrame): Promise<void>;
  /** Writes a frame and waits for its acknowledgement (proactive sends). */
  request(frame: OutFrame): Promise<Ack>;
}

export class LinkDown extends Error {}

interface Pending {
  resolve(ack: Ack): void;
  reject(err: Error): void;
  timer: TimerHandle;
}

/** Keeps one long connection: subscribe once per socket, heartbeat, reconnect with backoff, stay down when kicked. */
export function createKeeper(o: KeeperOptions): Keeper {
  const log = o.log;
  let status: LinkStatus = { state: 'idle', since: o.clock.now() };
  let socket: WebSocket | undefined;
  let generation = 0;
  let attempts = 0;
  let missed = 0;
  let heartbeat: TimerHandle | undefined;
  let reconnect: TimerHandle | undefined;
  const pending = new Map<string, Pending>();
  const pings = new Set<string>();
  let closed: Promise<void> = Promise.resolve();

  function setStatus(next: Omit<LinkStatus, 'since'>): void {
    status = { ...next, since: o.clock.now() };
    o.onStatus?.(status);
  }

  function write(ws: WebSocket, frame: OutFrame): Promise<void> {
    return new Promise((resolve, reject) => ws.send(JSON.stringify(frame), (err) => (err ? reject(err) : resolve())));
  }

  function failPending(reason: string): void {
    for (const [id, p] of pending) {
      o.timers.clearTimeout(p.timer);
      p.reject(new LinkDown(reason));
      pending.delete(id);
    }
  }

  function awaitAck(reqId: string): Promise<Ack> {
    return new Promise((resolve, reject) => {
      const timer = o.timers.setTimeout(() => {
        pending.delete(reqId);
        reject(new LinkDown(`no acknowledgement within ${o.requestTimeoutMs} ms`));
      }, o.requestTimeoutMs);
      pending.set(reqId, { resolve, reject, timer });
    });
  }

  function beat(ws: WebSocket, gen: number): void {
    heartbeat = o.timers.setTimeout(() => {
      if (gen !== generation) return;
      if (missed >= o.maxMissedPings) {
        log.warn({ missed }, 'long connection: pings unanswered, reconnecting');
        drop(ws, `${missed} pings unanswered`);
        return;
      }
      missed++;
      const ping = pingFrame();
      // Any ping's acknowledgement, even a late one, proves the connection alive and resets the count.
      pings.add(ping.headers.req_id);
      write(ws, ping).catch(() => undefined);
      beat(ws, gen);
    }, o.heartbeatMs);
  }

  async function subscribe(ws: WebSocket, gen: number): Promise<void> {
    setStatus({ state: 'subscribing' });
    const frame = subscribeFrame(o.botId, o.secret);
    const ack = awaitAck(frame.headers.req_id);
    try {
      await write(ws, frame);
      const answer = await ack;
      if (gen !== generation) return;
      if (answer.errcode !== 0) {
        const detail = `subscribe refused: ${answer.errcode} ${answer.errmsg}`.slice(0, 200);
        log.error(
          { errcode: answer.errcode, errmsg: answer.errmsg },
          'long connection: subscribe refused (check WECOM_BOT_ID and WECOM_BOT_SECRET)',
        );
        drop(ws, detail, 'refused');
        return;
      }
      attempts = 0;
      missed = 0;
      pings.clear();
      const now = o.clock.now();
      status = { state: 'up', since: now, upSince: now };
      o.onStatus?.(status);
      log.info('long connection: subscribed');
      beat(ws, gen);
    } catch (err) {
      if (gen !== generation) return;
      drop(ws, `subscribe failed: ${(err as Error).message}`.slice(0, 200));
    }
  }

  /** Ends this socket; the close handler decides what comes next. */
  function drop(ws: WebSocket, detail: string, as: 'backoff' | 'refused' = 'backoff'): void {
    dropReason = { detail, as };
    ws.terminate();
  }
  let dropReason: { detail: string; as: 'backoff' | 'refused' } | undefined;

  function onFrame(data: WebSocket.RawData, gen: number): void {
    if (gen !== generation) return;
    const frame = readFrame(data.toString());
    if (frame.type === 'invalid') {
      log.warn({ reason: frame.reason }, 'long connection: ignored a frame');
      return;
    }
    if (frame.type === 'ack') {
      if (pings.delete(frame.reqId)) {
        missed = 0;
        pings.clear();
        return;
      }
      const p = pending.get(frame.reqId);
      if (p) {
        pending.delete(frame.reqId);
        o.timers.clearTimeout(p.timer);
        p.resolve(frame);
      } else if (frame.errcode !== 0) {
        log.warn(
          { reqId: frame.reqId, errcode: frame.errcode, errmsg: frame.errmsg },
          'long connection: a reply was refused',
        );
      }
      return;
    }
    if (frame.cmd === CMD.eventCallback && eventTypeOf(frame.body) === 'disconnected_event') {
      // Another connection subscribed with these credentials: fighting back would only kick it in turn.
      log.error(
        'long connection: disconnected_event received: another connection for this bot took over; not reconnecting',
      );
      setStatus({ state: 'kicked', detail: 'disconnected_event: another connection for this bot took over' });
    }
    o.onCallback(frame);
  }

  function onClose(gen: number, code: number): void {
    if (gen !== generation) return;
    generation++;
    socket = undefined;
    o.timers.clearTimeout(heartbeat);
    failPending('connection closed');
    const reason = dropReason;
    dropReason = undefined;
    if (status.state === 'kicked' || status.state === 'stopped') return;
    const delay = Math.min(o.backoffMaxMs, o.backoffInitialMs * 2 ** attempts);
    attempts++;
    const detail = reason?.detail ?? `connection closed (${code})`;
    log.warn({ detail, retryInMs: delay }, 'long connection: down, reconnecting after backoff');
    setStatus({ state: reason?.as ?? 'backoff', detail, retryAt: new Date(o.clock.now().getTime() + delay) });
    reconnect = o.timers.setTimeout(connect, delay);
  }

  function connect(): void {
    reconnect = undefined;
    if (status.state === 'kicked' || status.state === 'stopped') return;
    const gen = ++generation;
    setStatus({ state: 'connecting' });
    let ws: WebSocket;
    try {
      ws = new WebSocket(o.url, { handshakeTimeout: o.requestTimeoutMs, maxPayload: 4 * 1024 * 1024 });
    } catch (err) {
      // A malformed URL fails here, synchronously; treat it like any other failed attempt.
      generation = gen;
      dropReason = { detail: `cannot connect: ${(err as Error).message}`.slice(0, 200), as: 'backoff' };
      onClose(gen, 0);
      return;
    }
    socket = ws;
    let done: () => void = () => undefined;
    closed = new Promise((r) => (done = r));
    ws.on('open', () => void subscribe(ws, gen));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) onFrame(data, gen);
    });
    ws.on('error', (err) => {
      if (gen === generation && !dropReason)
        dropReason = { detail: `socket error: ${err.message}`.slice(0, 200), as: 'backoff' };
    });
    ws.on('close', (code) => {
      onClose(gen, code);
      done();
    });
  }

  return {
    start() {
      if (status.state !== 'idle' && status.state !== 'stopped') return;
      attempts = 0;
      status = { state: 'idle', since: o.clock.now() };
      connect();
    },
    async stop() {
      o.timers.clearTimeout(reconnect);
      o.timers.clearTimeout(heartbeat);
      const kicked = status.state === 'kicked';
      if (!kicked) setStatus({ state: 'stopped' });
      const ws = socket;
      if (ws) {
        ws.close(1000, 'bye');
        // A peer that never answers the close handshake must not hold shutdown.
        const force = setTimeout(() => ws.terminate(), 2_000);
        await closed;
        clearTimeout(force);
      }
      if (kicked) setStatus({ state: 'stopped', detail: status.detail });
    },
    status: () => status,
    async send(frame) {
      const ws = socket;
      if (!ws || status.state === 'stopped' || ws.readyState !== WebSocket.OPEN)
        throw new LinkDown('long connection is not open');
      await write(ws, frame);
    },
    async request(frame) {
      const ws = socket;
      if (!ws || status.state !== 'up' || ws.readyState !== WebSocket.OPEN)
        throw new LinkDown('long connection is not up');
      const ack = awaitAck(frame.headers.req_id);
      try {
        await write(ws, frame);
      } catch (err) {
        const p = pending.get(frame.headers.req_id);
        o.timers.clearTimeout(p?.timer);
        pending.delete(frame.headers.req_id);
        ack.catch(() => undefined);
        throw err;
      }
      return ack;
    },
  };
}

export function eventTypeOf(body: Record<string, unknown>): string | undefined {
  const event = body.event;
  if (event && typeof event === 'object' && typeof (event as { eventtype?: unknown }).eventtype === 'string')
    return (event as { eventtype: string }).eventtype;
  return undefined;
}
