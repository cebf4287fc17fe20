import type WebSocket from 'ws';
import type { Logger } from 'pino';
import { pingFrame } from './frames';
import { writeFrame } from './link-types';
import type { TimerHandle, Timers } from './timers';

/**
 * Pings the subscribed socket every heartbeatMs; `maxMissedPings` unanswered in a row mean it is dead.
 * Any ping's acknowledgement, even a late one, proves the connection alive and resets the count.
 */
export function createHeartbeat(
  o: { timers: Timers; log: Logger; heartbeatMs: number; maxMissedPings: number },
  onDead: (ws: WebSocket, detail: string) => void,
) {
  let timer: TimerHandle | undefined;
  let current: WebSocket | undefined;
  let missed = 0;
  const pings = new Set<string>();

  function beat(ws: WebSocket): void {
    timer = o.timers.setTimeout(() => {
      if (ws !== current) return;
      if (missed >= o.maxMissedPings) {
        o.log.warn({ missed }, 'long connection: pings unanswered, reconnecting');
        onDead(ws, `${missed} pings unanswered`);
        return;
      }
      missed++;
      const ping = pingFrame();
      pings.add(ping.headers.req_id);
      writeFrame(ws, ping).catch(() => undefined);
      beat(ws);
    }, o.heartbeatMs);
  }

  return {
    /** A socket was subscribed: count afresh and start pinging it. */
    start(ws: WebSocket): void {
      missed = 0;
      pings.clear();
      current = ws;
      beat(ws);
    },
    stop(): void {
      o.timers.clearTimeout(timer);
      current = undefined;
    },
    /** Whether the acknowledgement answers a ping (then the connection is alive). */
    answered(reqId: string): boolean {
      if (!pings.delete(reqId)) return false;
      missed = 0;
      pings.clear();
      return true;
    },
  };
}

export type Heartbeat = ReturnType<typeof createHeartbeat>;
