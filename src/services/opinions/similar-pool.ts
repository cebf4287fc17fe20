import type { BigramKeys } from '../../text/similarity';

/** An open opinion as the similarity hint compares it. */
export interface PoolItem {
  code: string;
  title: string;
  content: string;
  /** Its bigram keys, once a comparison has worked them out (the text never changes). */
  grams?: BigramKeys;
}

/** How long an instance trusts its copy of the newest open opinions; another instance's filings show after this. */
export const SIMILAR_POOL_TTL_MS = 60_000;

/**
 * The newest open opinions each filing is compared with (建议 / 民意 say "these look alike"), kept per
 * instance instead of read from the database on every filing (500 opinions' text each time).
 *
 * The comparison is a hint, never a rule, so the copy may be stale across instances: what another
 * instance files or closes shows here within `ttlMs`. This instance's own filings are added at once
 * (`add`), and its own state changes drop the copy (`forget`), so one instance is always exact. Ages by the
 * business time the caller passes (the injected clock in tests); a time before the load counts as expired.
 */
export function createSimilarPool(read: () => Promise<PoolItem[]>, size: number, ttlMs = SIMILAR_POOL_TTL_MS) {
  let cached: { at: number; items: PoolItem[] } | undefined;
  let loading: { generation: number; promise: Promise<PoolItem[]>; added: PoolItem[] } | undefined;
  // Bumped by every forget: a load that started before a state change must not be kept.
  let generation = 0;

  /** Newest first, no code twice, at most `size`. */
  const withNewest = (items: PoolItem[], newest: PoolItem[]): PoolItem[] => {
    const codes = new Set(newest.map((o) => o.code));
    return [...newest, ...items.filter((o) => !codes.has(o.code))].slice(0, size);
  };

  return {
    async get(now: Date): Promise<PoolItem[]> {
      const t = now.getTime();
      if (cached && t >= cached.at && t - cached.at < ttlMs) return cached.items;
      if (loading?.generation !== generation) loading = { generation, promise: read(), added: [] };
      const mine = loading;
      try {
        const items = await mine.promise;
        // Filings by this instance while the read was on the way may be missing from it.
        const merged = withNewest(items, [...mine.added].reverse());
        if (mine.generation === generation && loading === mine) cached = { at: t, items: merged };
        return merged;
      } finally {
        if (loading === mine) loading = undefined;
      }
    },
    /** This instance filed an opinion: it joins the copy (and a read in flight) as the newest. */
    add(item: PoolItem): void {
      if (cached && !cached.items.some((o) => o.code === item.code))
        cached = { at: cached.at, items: [item, ...cached.items.slice(0, size - 1)] };
      loading?.added.push(item);
    },
    /** This instance changed an opinion's state (it may have left the open ones): read afresh next time. */
    forget(): void {
      generation += 1;
      cached = undefined;
    },
  };
}

export type SimilarPool = ReturnType<typeof createSimilarPool>;
