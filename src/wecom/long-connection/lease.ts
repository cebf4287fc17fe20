import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { LinkStatus } from './keeper';
import type { TimerHandle, Timers } from './timers';
import { acquireLease, releaseLease, reportLease } from './lease-row';

export interface LeaseOptions {
  models: Models;
  /** The lease document's id: one connection per bot. */
  botId: string;
  /** This process, as other instances see it (host:pid:random). */
  instanceId: string;
  clock: Clock;
  timers: Timers;
  log: Logger;
  /** How long a lease lasts without renewal; a dead holder is replaced after at most this plus renewMs. */
  leaseMs: number;
  /** How often the holder renews and the others try to take over. */
  renewMs: number;
  /** Called when this instance starts or stops holding the lease. */
  onChange(holding: boolean): Promise<void>;
}

export interface Lease {
  start(): void;
  /** Stops renewing and hands the lease back so another instance may take over at once. */
  stop(): Promise<void>;
  holding(): boolean;
  /** Records the connection's state on the lease document, for every instance to read. */
  report(status: LinkStatus): Promise<void>;
  /** One acquire-or-renew round now, after those already queued (tests). */
  tick(): Promise<void>;
}

/**
 * Exactly one instance holds the long connection: a MongoDB document whose holder renews
 * `expiresAt`; one guarded findOneAndUpdate decides (the filter is "mine, or expired": lease-row.ts).
 */
export function createLease(o: LeaseOptions): Lease {
  const { ConnectionLease } = o.models;
  let held = false;
  let heldUntil = 0;
  let timer: TimerHandle | undefined;
  let running = false;
  let round: Promise<void> = Promise.resolve();

  async function tick(at?: Date): Promise<void> {
    const now = at ?? o.clock.now();
    let mine: boolean;
    try {
      mine = await acquireLease(ConnectionLease, o, now, held);
      if (mine) heldUntil = now.getTime() + o.leaseMs;
    } catch (err) {
      // Database unreachable: keep the connection only while the last renewal still covers us.
      mine = held && now.getTime() < heldUntil;
      o.log.warn({ err, holding: mine }, 'long connection lease: renewal failed');
    }
    if (mine !== held) {
      held = mine;
      o.log.info({ instance: o.instanceId }, mine ? 'long connection lease: acquired' : 'long connection lease: lost');
      await o.onChange(mine);
    }
  }

  /** Rounds run one after another, each with the time its timer fired (a slow database delays, never reorders). */
  function enqueue(at: Date): void {
    round = round
      .then(() => tick(at))
      .catch((err: unknown) => o.log.error({ err }, 'long connection lease: round failed'));
  }

  function schedule(): void {
    if (!running) return;
    timer = o.timers.setTimeout(() => {
      enqueue(o.clock.now());
      schedule();
    }, o.renewMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      enqueue(o.clock.now());
      schedule();
    },
    async stop() {
      running = false;
      o.timers.clearTimeout(timer);
      await round;
      if (!held) return;
      held = false;
      await o.onChange(false);
      await releaseLease(ConnectionLease, o, o.clock.now()).catch((err: unknown) =>
        o.log.warn({ err }, 'long connection lease: release failed'),
      );
    },
    holding: () => held,
    async report(status) {
      if (held) await reportLease(ConnectionLease, o, status);
    },
    tick() {
      // Behind any rounds already queued, so an older round never overwrites a newer renewal.
      enqueue(o.clock.now());
      return round;
    },
  };
}
