import { type BigramKeys, bigramKeys, rankSimilar } from '../../text/similarity';
import { OPEN_STATUSES, type OpinionDeps } from './opinion-steps';
import { createSimilarPool, type PoolItem } from './similar-pool';

// Enough history to catch duplicates without scanning years of closed cases.
const SIMILAR_POOL = 500;
const GRAM_CACHE_MAX = 4 * SIMILAR_POOL;

/**
 * 相近建议: the open opinions a text looks like. A filing compares with this instance's copy of the newest open
 * ones (similar-pool.ts); the console's page reads them fresh.
 */
export function createSimilarity(d: OpinionDeps) {
  const limits = d.config.tunables.opinion;
  const { Opinion } = d.models;

  const poolStages = [
    { $sort: { filedAt: -1 as const, _id: -1 as const } },
    { $limit: SIMILAR_POOL },
    { $project: { code: 1, title: 1, content: 1 } },
  ];

  // An opinion's text never changes once filed: its bigrams are worked out once per instance (bounded), and kept
  // on the pool's own item, so a filing's comparison with hundreds of them looks nothing up.
  const gramCache = new Map<string, BigramKeys>();
  const gramsOf = (o: PoolItem): BigramKeys => {
    if (o.grams) return o.grams;
    let grams = gramCache.get(o.code);
    if (!grams) {
      if (gramCache.size >= GRAM_CACHE_MAX) gramCache.delete(gramCache.keys().next().value as string);
      grams = bigramKeys(`${o.title} ${o.content}`);
      gramCache.set(o.code, grams);
    }
    o.grams = grams;
    return grams;
  };

  function rank(text: string, pool: PoolItem[], excludeCode?: string): Array<{ code: string; title: string }> {
    return rankSimilar(text, pool, (o) => `${o.title} ${o.content}`, {
      threshold: limits.similarThreshold,
      limit: limits.similarLimit,
      grams: gramsOf,
      skip: excludeCode === undefined ? undefined : (o) => o.code === excludeCode,
    }).map(({ item }) => ({
      code: item.code,
      title: item.title,
    }));
  }

  const readPool = () =>
    Opinion.aggregate<PoolItem>([{ $match: { status: { $in: [...OPEN_STATUSES] } } }, ...poolStages]);
  // Filings compare with this instance's copy (a hint, stale across instances for a minute at most).
  const pool = createSimilarPool(readPool, SIMILAR_POOL);

  /** The console's 相近建议: read fresh, a page is shown rarely. */
  async function findSimilar(text: string, excludeCode?: string): Promise<Array<{ code: string; title: string }>> {
    return rank(text, await readPool(), excludeCode);
  }

  return { rank, findSimilar, pool };
}
