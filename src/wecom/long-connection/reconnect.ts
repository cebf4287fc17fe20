import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { LinkStatus } from './link-types';
import type { TimerHandle, Timers } from './timers';

/** Why a socket was ended by us (the close handler reads it); a close without one is the peer's or the network's. */
export type DropReason = { detail: string; as: 'backoff' | 'refused' };

/** Reconnection after a drop: the delay doubles from backoffInitialMs up to backoffMaxMs, reset once subscribed. */
export function createReconnect(o: {
  timers: Timers;
  clock: Clock;
  log: Logger;
  backoffInitialMs: number;
  backoffMaxMs: number;
}) {
  let attempts = 0;
  let timer: TimerHandle | undefined;
  return {
    /** Schedules the next attempt after the backoff; the status to show until then. */
    retry(connect: () => void, reason: DropReason | undefined, code: number): Omit<LinkStatus, 'since'> {
      const delay = Math.min(o.backoffMaxMs, o.backoffInitialMs * 2 ** attempts);
      attempts++;
      const detail = reason?.detail ?? `connection closed (${code})`;
      o.log.warn({ detail, retryInMs: delay }, 'long connection: down, reconnecting after backoff');
      timer = o.timers.setTimeout(connect, delay);
      return { state: reason?.as ?? 'backoff', detail, retryAt: new Date(o.clock.now().getTime() + delay) };
    },
    reset(): void {
      attempts = 0;
    },
    cancel(): void {
      o.timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
