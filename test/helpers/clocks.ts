import type { Clock } from '../../src/clock';
import type { TimerHandle, Timers } from '../../src/wecom/long-connection/timers';

/** A clock that only moves when told to, so tests assert on time without sleeping. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date | string): void {
    this.t = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Timers driven by a manual clock: `advance(ms)` moves the clock and fires what fell due, in order. */
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
