// CJK ideographs, letters and digits carry meaning; punctuation and spacing do not.
const MEANINGFUL = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Character bigrams of the meaningful characters; a single character yields itself. */
export function bigramSet(s: string): Set<string> {
  const chars = [...s.toLowerCase()].filter((ch) => MEANINGFUL.test(ch));
  if (chars.length === 1) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Dice coefficient of the two bigram sets: 1 for the same words, 0 when nothing is shared or a side is empty. */
export function similarity(a: string, b: string): number {
  return diceOfKeys(bigramKeys(a), bigramKeys(b));
}

/**
 * The same bigrams as `bigramSet`, each as one number (its two code points), sorted and distinct: a filing is
 * compared with hundreds of open opinions, and a merge of two short number arrays is much cheaper than
 * string-set lookups. A single character's key is its code point, below every pair's.
 */
export type BigramKeys = Float64Array;

const PAIR = 0x110000; // one past the last code point

export function bigramKeys(s: string): BigramKeys {
  const points: number[] = [];
  for (const ch of s.toLowerCase()) if (MEANINGFUL.test(ch)) points.push(ch.codePointAt(0)!);
  if (points.length === 1) return Float64Array.of(points[0]!);
  const keys = new Float64Array(Math.max(0, points.length - 1));
  for (let i = 0; i + 1 < points.length; i += 1) keys[i] = points[i]! * PAIR + points[i + 1]!;
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i += 1) if (i === 0 || keys[i] !== keys[n - 1]) keys[n++] = keys[i]!;
  return keys.subarray(0, n);
}

function diceOfKeys(a: BigramKeys, b: BigramKeys): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * sharedKeys(a, b, 0)) / (a.length + b.length);
}

/**
 * How many keys the two sorted lists share, merging them; or -1 as soon as fewer than `floor` could still be
 * shared (each step that advances one side alone lowers what the rest can add; a match lowers nothing).
 */
function sharedKeys(a: BigramKeys, b: BigramKeys, floor: number): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
      continue;
    }
    if (x < y) i += 1;
    else j += 1;
    if (shared + Math.min(a.length - i, b.length - j) < floor) return -1;
  }
  return shared;
}

/**
 * Items whose text scores at least threshold against text, best first (ties keep input order), at most limit.
 * A filing is compared with hundreds of open opinions: an item that cannot reach the threshold (or, once `limit`
 * are kept, the weakest of them), by its size or part-way through the merge, is left early, and only the best
 * `limit` are kept (no sort of every hit).
 */
export function rankSimilar<T>(
  text: string,
  items: readonly T[],
  getText: (item: T) => string,
  opts: { threshold: number; limit: number; grams?: (item: T) => BigramKeys; skip?: (item: T) => boolean },
): Array<{ item: T; score: number }> {
  const limit = Math.max(0, opts.limit);
  const target = bigramKeys(text);
  if (target.length === 0 || limit === 0) return [];
  const gramsOf = opts.grams ?? ((item: T) => bigramKeys(getText(item)));
  // The keys an item must share to score the threshold, less a hair so rounding never drops a true hit.
  const slack = 1e-9;
  const best: Array<{ item: T; score: number }> = [];
  for (const item of items) {
    if (opts.skip?.(item)) continue;
    const keys = gramsOf(item);
    const total = target.length + keys.length;
    // Once `limit` are kept, an item must also beat the weakest of them: most stop a few keys into the merge.
    const bar = best.length === limit ? Math.max(opts.threshold, best[limit - 1]!.score) : opts.threshold;
    const floor = (bar * total) / 2 - slack;
    if (keys.length === 0 || Math.min(target.length, keys.length) < floor) continue;
    const shared = sharedKeys(target, keys, floor);
    if (shared <= 0) continue;
    const score = (2 * shared) / total;
    if (score < opts.threshold) continue;
    if (best.length === limit && score <= best[limit - 1]!.score) continue;
    // After every equal score: ties keep input order.
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at -= 1;
    best.splice(at, 0, { item, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
