import { toHalfWidth } from '../../text/normalize';

export interface CategoryPick {
  category: string;
  /** given: from `#类别`; suggested: from keywords; default: nothing matched. */
  how: 'given' | 'suggested' | 'default';
  /** A `#标签` that named no known category (the user is told). */
  unknownTag?: string;
  /** suggested: the category's keywords found in the text (what the office is shown as the reason). */
  keywords?: string[];
}

const FALLBACK = '其他';

/**
 * Finds a `#类别` tag: a known category anywhere (`路灯坏了#公共交通`), or any short tag at the very end.
 * Returns the text without the tag.
 */
export function extractCategoryTag(text: string, categories: readonly string[]): { text: string; tag?: string } {
  const folded = toHalfWidth(text);
  for (const name of [...categories].sort((a, b) => b.length - a.length)) {
    const at = folded.indexOf(`#${name}`);
    if (at === -1) continue;
    const after = folded.charAt(at + name.length + 1);
    if (after !== '' && !/[\s,，。;；!！]/.test(after)) continue;
    return { text: tidy(text.slice(0, at) + text.slice(at + name.length + 1)), tag: name };
  }
  const tail = /#\s*([^\s#]{1,10})\s*$/.exec(folded);
  if (tail) return { text: tidy(text.slice(0, tail.index)), tag: tail[1] };
  return { text: text.trim() };
}

function tidy(s: string): string {
  return s.replace(/[ \t]{2,}/g, ' ').trim();
}

/** The category whose keywords cover most of the text (longer keywords weigh more); ties keep config order. */
export function suggestCategory(
  text: string,
  keywords: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  return suggestWithKeywords(text, keywords)?.name;
}

/** suggestCategory, with the keywords that chose it. */
function suggestWithKeywords(
  text: string,
  keywords: Readonly<Record<string, readonly string[]>>,
): { name: string; found: string[] } | undefined {
  const lower = toHalfWidth(text).toLowerCase();
  let best: { name: string; score: number; found: string[] } | undefined;
  for (const [name, words] of Object.entries(keywords)) {
    const found = words.filter((w) => w && lower.includes(w.toLowerCase()));
    const score = found.reduce((sum, w) => sum + [...w].length, 0);
    if (score > 0 && (!best || score > best.score)) best = { name, score, found };
  }
  return best;
}

/** Category for a new opinion: a known `#tag` wins, else keywords, else 其他 (or the last configured). */
export function pickCategory(
  text: string,
  tag: string | undefined,
  keywords: Readonly<Record<string, readonly string[]>>,
): CategoryPick {
  const names = Object.keys(keywords);
  const given = tag ? names.find((n) => n === tag.trim()) : undefined;
  if (given) return { category: given, how: 'given' };
  const unknownTag = tag?.trim() || undefined;
  const suggested = suggestWithKeywords(text, keywords);
  if (suggested) return { category: suggested.name, how: 'suggested', unknownTag, keywords: suggested.found };
  const fallback = names.includes(FALLBACK) ? FALLBACK : (names[names.length - 1] ?? FALLBACK);
  return { category: fallback, how: 'default', unknownTag };
}
