import WebSocket from 'ws';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import { type Acks, createAcks } from './acks';
import { subscribeFrame } from './frames';
import { type FrameRoutes, routeFrame } from './frame-routing';
import { createHeartbeat } from './heartbeat';
import { type Callback, type StatusBox, writeFrame } from './link-types';
import { type DropReason, createReconnect } from './reconnect';
import type { Timers } from './timers';

export interface LinkSocketOptions {
  url: string;
  botId: string;
  secret: string;
  clock: Clock;
  timers: Timers;
  log: Logger;
  heartbeatMs: number;
  maxMissedPings: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  requestTimeoutMs: number;
  onCallback(frame: Callback): void;
}

/** Subscribes a fresh socket: ok, or why not (WeCom's refusal, or the write or the acknowledgement failed). */
async function subscribeOn(
  ws: WebSocket,
  o: { botId: string; secret: string; log: Logger },
  acks: Acks,
): Promise<{ ok: true } | ({ ok: false } & DropReason)> {
  const frame = subscribeFrame(o.botId, o.secret);
  const ack = acks.wait(frame.headers.req_id);
  try {
    await writeFrame(ws, frame);
    const answer = await ack;
    if (answer.errcode === 0) return { ok: true };
    o.log.error(
      { errcode: answer.errcode, errmsg: answer.errmsg },
      'long connection: subscribe refused (check WECOM_BOT_ID and WECOM_BOT_SECRET)',
    );
    return { ok: false, detail: `subscribe refused: ${answer.errcode} ${answer.errmsg}`.slice(0, 200), as: 'refused' };
  } catch (err) {
    return { ok: false, detail: `subscribe failed: ${(err as Error).message}`.slice(0, 200), as: 'backoff' };
  }
}

/** What happens on one socket; `gen` tells a live socket's events from a replaced one's. */
interface SocketEvents {
  open(ws: WebSocket, gen: number): void;
  frame(data: WebSocket.RawData, gen: number): void;
  error(err: Error, gen: number): void;
  close(code: number, gen: number): void;
}

/** Opens a socket wired to the events; throws synchronously on a malformed URL. */
function openSocket(o: LinkSocketOptions, gen: number, on: SocketEvents): { ws: WebSocket; closed: Promise<void> } {
  const ws = new WebSocket(o.url, { handshakeTimeout: o.requestTimeoutMs, maxPayload: 4 * 1024 * 1024 });
  let done: () => void = () => undefined;
  const closed = new Promise<void>((r) => (done = r));
  ws.on('open', () => on.open(ws, gen));
  ws.on('message', (data, isBinary) => {
    if (!isBinary) on.frame(data, gen);
  });
  ws.on('error', (err) => on.error(err, gen));
  ws.on('close', (code) => {
    on.close(code, gen);
    done();
  });
  return { ws, closed };
}

/**
 * The sockets' life, one after another: connect, subscribe once per socket, heartbeat, route frames, and on a
 * close reconnect after the backoff, unless kicked or stopped.
 */
export function createLinkSocket(o: LinkSocketOptions, status: StatusBox) {
  let socket: WebSocket | undefined;
  let generation = 0;
  let closed: Promise<void> = Promise.resolve();
  let dropReason: DropReason | undefined;
  const acks = createAcks(o.timers, o.requestTimeoutMs);
  const backoff = createReconnect(o);
  const heartbeat = createHeartbeat(o, (ws, detail) => drop(ws, detail));
  const kicked = 'disconnected_event: another connection for this bot took over';
  const routes: FrameRoutes = {
    log: o.log,
    heartbeat,
    acks,
    onCallback: o.onCallback,
    onKicked: () => status.set({ state: 'kicked', detail: kicked }),
  };
  const stays = () => status.get().state === 'kicked' || status.get().state === 'stopped';

  /** Ends this socket; the close handler decides what comes next. */
  function drop(ws: WebSocket, detail: string, as: DropReason['as'] = 'backoff'): void {
    dropReason = { detail, as };
    ws.terminate();
  }

  const events: SocketEvents = {
    async open(ws, gen) {
      status.set({ state: 'subscribing' });
      const result = await subscribeOn(ws, o, acks);
      if (gen !== generation) return;
      if (!result.ok) return drop(ws, result.detail, result.as);
      backoff.reset();
      const now = o.clock.now();
      status.put({ state: 'up', since: now, upSince: now });
      o.log.info('long connection: subscribed');
      heartbeat.start(ws);
    },
    frame(data, gen) {
      if (gen === generation) routeFrame(data.toString(), routes);
    },
    error(err, gen) {
      if (gen === generation && !dropReason)
        dropReason = { detail: `socket error: ${err.message}`.slice(0, 200), as: 'backoff' };
    },
    close(code, gen) {
      if (gen !== generation) return;
      generation++;
      socket = undefined;
      heartbeat.stop();
      acks.failAll('connection closed');
      const reason = dropReason;
      dropReason = undefined;
      if (!stays()) status.set(backoff.retry(connect, reason, code));
    },
  };

  function connect(): void {
    if (stays()) return;
    const gen = ++generation;
    status.set({ state: 'connecting' });
    try {
      ({ ws: socket, closed } = openSocket(o, gen, events));
    } catch (err) {
      // A malformed URL fails here, synchronously; treat it like any other failed attempt.
      dropReason = { detail: `cannot connect: ${(err as Error).message}`.slice(0, 200), as: 'backoff' };
      events.close(0, gen);
    }
  }

  return {
    connect,
    /** The live socket, if any. */
    current: () => socket,
    /** Settles when the current socket has closed. */
    closed: () => closed,
    /** No more reconnects or pings (shutting down). */
    halt(): void {
      backoff.cancel();
      heartbeat.stop();
    },
    resetBackoff: () => backoff.reset(),
    request: acks.request,
  };
}
