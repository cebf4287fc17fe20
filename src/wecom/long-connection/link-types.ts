import type WebSocket from 'ws';
import type { InFrame, OutFrame } from './frames';

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

/** No live connection (or it closed before the acknowledgement). */
export class LinkDown extends Error {}

/** Writes one frame on a socket; resolves once it is handed to the network. */
export function writeFrame(ws: WebSocket, frame: OutFrame): Promise<void> {
  return new Promise((resolve, reject) => ws.send(JSON.stringify(frame), (err) => (err ? reject(err) : resolve())));
}

/** The link's status, shared by the keeper and the socket's life; every change is told to `onStatus`. */
export interface StatusBox {
  get(): LinkStatus;
  /** A new state from now. */
  set(next: Omit<LinkStatus, 'since'>): void;
  /** A status with its own `since` (up: since = upSince). */
  put(status: LinkStatus): void;
  /** Back to idle before a start, untold (no state was reached). */
  reset(): void;
}

export function createStatusBox(clock: { now(): Date }, onStatus?: (status: LinkStatus) => void): StatusBox {
  let status: LinkStatus = { state: 'idle', since: clock.now() };
  const put = (next: LinkStatus) => {
    status = next;
    onStatus?.(status);
  };
  return {
    get: () => status,
    set: (next) => put({ ...next, since: clock.now() }),
    put,
    reset: () => {
      status = { state: 'idle', since: clock.now() };
    },
  };
}
