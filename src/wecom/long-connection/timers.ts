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
