// Below this a suggestion is noise rather than help.
const MIN_SCORE = 0.4;

/** Known names closest to a mistyped command (报民 → 报名), best first; [] when nothing is close. */
export function closestNames(input: string, names: string[], limit = 3): string[] {
  const typed = [...input.trim().toLowerCase()];
  if (typed.length === 0) return [];
  return [...new Set(names)]
    .map((name, order) => ({ name, order, score: scoreName(typed, [...name.toLowerCase()]) }))
    .filter((entry) => entry.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map((entry) => entry.name);
}

/** 0..1 from edit distance, shared characters and common prefix; 0 when no character is shared. */
function scoreName(a: string[], b: string[]): number {
  if (b.length === 0) return 0;
  const longest = Math.max(a.length, b.length);
  const shared = sharedCount(a, b);
  if (shared === 0) return 0;
  const edit = 1 - levenshtein(a, b) / longest;
  const prefix = commonPrefix(a, b) / Math.min(a.length, b.length);
  return 0.5 * edit + 0.3 * (shared / longest) + 0.2 * prefix;
}

function sharedCount(a: string[], b: string[]): number {
  const pool = new Map<string, number>();
  for (const ch of b) pool.set(ch, (pool.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of a) {
    const left = pool.get(ch) ?? 0;
    if (left > 0) {
      shared += 1;
      pool.set(ch, left - 1);
    }
  }
  return shared;
}

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** Edit distance over code points (arrays of characters), two rows of memory. */
export function levenshtein(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
