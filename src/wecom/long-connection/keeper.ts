import WebSocket from 'ws';
import type { OutFrame } from './frames';
import { createLinkSocket, type LinkSocketOptions } from './link-socket';
import { type Ack, LinkDown, type LinkStatus, createStatusBox, writeFrame } from './link-types';

export { eventTypeOf } from './frame-routing';
export { type Ack, type Callback, LinkDown, type LinkState, type LinkStatus } from './link-types';

export interface KeeperOptions extends LinkSocketOptions {
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

/**
 * Keeps one long connection: subscribe once per socket, heartbeat, reconnect with backoff, stay down when kicked.
 * The sockets' life is link-socket.ts (with heartbeat.ts, reconnect.ts, acks.ts and frame-routing.ts); this is
 * the keeper's face: start, stop, and writes on the live socket.
 */
export function createKeeper(o: KeeperOptions): Keeper {
  const status = createStatusBox(o.clock, o.onStatus);
  const link = createLinkSocket(o, status);

  return {
    start() {
      const state = status.get().state;
      if (state !== 'idle' && state !== 'stopped') return;
      link.resetBackoff();
      status.reset();
      link.connect();
    },
    async stop() {
      link.halt();
      const kicked = status.get().state === 'kicked';
      if (!kicked) status.set({ state: 'stopped' });
      const ws = link.current();
      if (ws) {
        ws.close(1000, 'bye');
        // A peer that never answers the close handshake must not hold shutdown.
        const force = setTimeout(() => ws.terminate(), 2_000);
        await link.closed();
        clearTimeout(force);
      }
      if (kicked) status.set({ state: 'stopped', detail: status.get().detail });
    },
    status: () => status.get(),
    async send(frame) {
      const ws = link.current();
      if (!ws || status.get().state === 'stopped' || ws.readyState !== WebSocket.OPEN)
        throw new LinkDown('long connection is not open');
      await writeFrame(ws, frame);
    },
    async request(frame) {
      const ws = link.current();
      if (!ws || status.get().state !== 'up' || ws.readyState !== WebSocket.OPEN)
        throw new LinkDown('long connection is not up');
      return link.request(ws, frame);
    },
  };
}
