import type WebSocket from 'ws';
import type { OutFrame } from './frames';
import { type Ack, LinkDown, writeFrame } from './link-types';
import type { TimerHandle, Timers } from './timers';

interface Pending {
  resolve(ack: Ack): void;
  reject(err: Error): void;
  timer: TimerHandle;
}

/** Requests waiting for their acknowledgement (subscribe, proactive sends), each within the request timeout. */
export function createAcks(timers: Timers, timeoutMs: number) {
  const pending = new Map<string, Pending>();

  function wait(reqId: string): Promise<Ack> {
    return new Promise((resolve, reject) => {
      const timer = timers.setTimeout(() => {
        pending.delete(reqId);
        reject(new LinkDown(`no acknowledgement within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(reqId, { resolve, reject, timer });
    });
  }

  return {
    wait,
    /** Hands an acknowledgement to its request; false when none waits for it (a reply's). */
    settle(ack: Ack): boolean {
      const p = pending.get(ack.reqId);
      if (!p) return false;
      pending.delete(ack.reqId);
      timers.clearTimeout(p.timer);
      p.resolve(ack);
      return true;
    },
    /** The connection closed: nothing waiting will be acknowledged. */
    failAll(reason: string): void {
      for (const [id, p] of pending) {
        timers.clearTimeout(p.timer);
        p.reject(new LinkDown(reason));
        pending.delete(id);
      }
    },
    /** Writes a frame and waits for its acknowledgement; a failed write waits for nothing. */
    async request(ws: WebSocket, frame: OutFrame): Promise<Ack> {
      const ack = wait(frame.headers.req_id);
      try {
        await writeFrame(ws, frame);
      } catch (err) {
        const p = pending.get(frame.headers.req_id);
        timers.clearTimeout(p?.timer);
        pending.delete(frame.headers.req_id);
        ack.catch(() => undefined);
        throw err;
      }
      return ack;
    },
  };
}

export type Acks = ReturnType<typeof createAcks>;
