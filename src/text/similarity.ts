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
  return diceOfSets(bigramSet(a), bigramSet(b));
}

function diceOfSets(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Items whose text scores at least threshold against text, best first (ties keep input order), at most limit. */
export function rankSimilar<T>(
  text: string,
  items: T[],
  getText: (item: T) => string,
  opts: { threshold: number; limit: number; grams?: (item: T) => Set<string> },
): Array<{ item: T; score: number }> {
  const target = bigramSet(text);
  const gramsOf = opts.grams ?? ((item: T) => bigramSet(getText(item)));
  return items
    .map((item) => ({ item, score: diceOfSets(target, gramsOf(item)) }))
    .filter((entry) => entry.score > 0 && entry.score >= opts.threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, opts.limit));
}
