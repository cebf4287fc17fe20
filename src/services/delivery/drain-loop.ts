import type { Logger } from 'pino';

/**
 * One drain at a time per process: explicit calls and the background loop queue behind each other, a kick
 * during a drain asks for another pass instead of a second loop, and stop() lets a long drain end after its
 * current item (`halting`) rather than hold shutdown.
 */
export function createDrainLoop<T>(o: {
  drain: () => Promise<T>;
  pollMs: number;
  log: Logger;
  /** While false the loop skips its passes quietly (database outage) instead of logging failures. */
  databaseAvailable?: () => boolean;
}) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let halting = false;
  // Every drain runs after the previous one: the background loop and explicit calls never overlap.
  let tail: Promise<unknown> = Promise.resolve();
  let loopBusy = false;
  let again = false;

  function drainOnce(): Promise<T> {
    const run = tail.then(o.drain);
    tail = run.catch(() => undefined);
    return run;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref?.();
  }

  async function tick(): Promise<void> {
    if (loopBusy) {
      again = true;
      return;
    }
    if (o.databaseAvailable && !o.databaseAvailable()) {
      schedule(o.pollMs);
      return;
    }
    loopBusy = true;
    again = false;
    try {
      await drainOnce();
    } catch (err) {
      o.log.error({ err }, 'outbox drain failed');
    } finally {
      loopBusy = false;
    }
    schedule(again ? 0 : o.pollMs);
  }

  return {
    drainOnce,
    /** True while stop() waits: a drain stops taking items. */
    halting: () => halting,
    kick() {
      if (loopBusy) again = true;
      else schedule(0);
    },
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      halting = true;
      clearTimeout(timer);
      await tail;
      halting = false;
    },
  };
}
