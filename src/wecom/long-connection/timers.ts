import type { Clock } from '../../clock';

/** Timers as a dependency, so tests move time by hand and assert reconnection delays without sleeping. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** The real thing; timers are unref'd so a pending reconnect never keeps the process alive. */
export function systemTimers(): Timers {
  let next = 0;
  const live = new Map<number, NodeJS.Timeout>();
  return {
    setTimeout(fn, ms) {
      const id = ++next;
      const t = setTimeout(() => {
        live.delete(id);
        fn();
      }, ms);
      t.unref?.();
      live.set(id, t);
      return { id };
    },
    clearTimeout(handle) {
      if (!handle) return;
      clearTimeout(live.get(handle.id));
      live.delete(handle.id);
    },
  };
}

/**
 * Timers driven by a manual clock: `advance(ms)` moves the clock and fires what fell due, in order.
 * Used by tests and by nothing in production.
 */
export class ManualTimers implements Timers {
  private next = 0;
  private pending: Array<{ id: number; at: number; fn: () => void }> = [];

  constructor(private readonly clock: Clock & { set(to: Date): void }) {}

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.next;
    this.pending.push({ id, at: this.clock.now().getTime() + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle) this.pending = this.pending.filter((p) => p.id !== handle.id);
  }

  /** Milliseconds until each pending timer fires, soonest first. */
  dueIn(): number[] {
    const now = this.clock.now().getTime();
    return this.pending.map((p) => p.at - now).sort((a, b) => a - b);
  }

  /** Moves the clock by `ms`, firing every timer that falls due on the way (at its own time). */
  advance(ms: number): void {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      if (due.at > this.clock.now().getTime()) this.clock.set(new Date(due.at));
      due.fn();
    }
    this.clock.set(new Date(end));
  }
}
