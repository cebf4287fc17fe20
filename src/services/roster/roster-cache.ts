import type { Clock } from '../../clock';

/** How long this instance trusts its copy of the roster; another instance's change shows after this. */
export const ROSTER_CACHE_MS = 3_000;

export interface RosterSnapshot<E extends { userid: string }> {
  /** By name (then _id), as stored. */
  all: E[];
  byUserid: Map<string, E>;
}

/**
 * Every command resolves its sender, and many name deputies: one read of the whole (small) roster
 * serves them all for a few seconds. Local writes drop it at once (`forget`); writes by another
 * instance are seen when the entry expires, or at once through `reload`, which the roster calls
 * before any answer the copy alone would make a refusal or a gap (someone missing).
 * Time comes from the injected clock, so tests decide.
 */
export function createRosterCache<E extends { userid: string }>(
  read: () => Promise<E[]>,
  clock: Clock,
  ttlMs = ROSTER_CACHE_MS,
) {
  let cached: { at: number; snapshot: RosterSnapshot<E> } | undefined;
  let loading: { generation: number; promise: Promise<RosterSnapshot<E>> } | undefined;
  // Bumped by every forget: a load that started before a write must not store the old roster.
  let generation = 0;

  async function load(): Promise<RosterSnapshot<E>> {
    const all = await read();
    return { all, byUserid: new Map(all.map((e) => [e.userid, e])) };
  }

  const cache = {
    async get(): Promise<RosterSnapshot<E>> {
      const now = clock.now().getTime();
      if (cached && now >= cached.at && now - cached.at < ttlMs) return cached.snapshot;
      if (loading?.generation === generation) return loading.promise;
      const mine = { generation, promise: load() };
      loading = mine;
      try {
        const snapshot = await mine.promise;
        if (mine.generation === generation) cached = { at: now, snapshot };
        return snapshot;
      } finally {
        if (loading === mine) loading = undefined;
      }
    },
    /** Drops the copy: called after every roster write made by this instance. */
    forget(): void {
      generation += 1;
      cached = undefined;
    },
    /** Reads the roster now (what another instance wrote included) and keeps it as the copy. */
    reload(): Promise<RosterSnapshot<E>> {
      cache.forget();
      return cache.get();
    },
  };
  return cache;
}
