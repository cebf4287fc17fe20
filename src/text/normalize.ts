// Space-like characters WeCom clients insert (the @-mention separator is U+2005).
const SPACE_LIKE = /[\u3000\u2005\u00a0\u2002-\u200a\u202f\u205f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
// Whitespace that may follow an @-mention.
const MENTION_GAP = '[\\s\\u00a0\\u2005\\u3000]';
// One @-token up to the next space (a display name without spaces).
const ANY_MENTION = '[@＠][^\\s\\u00a0\\u2005\\u3000]+';

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms; length-preserving. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Unifies space variants, drops zero-width characters, collapses runs of spaces/tabs (not newlines), trims. */
export function normalizeSpaces(s: string): string {
  return s
    .replace(SPACE_LIKE, ' ')
    .replace(ZERO_WIDTH, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** For parsing command words, codes and options; never for content that is stored. */
export function normalizeCommandText(s: string): string {
  return toHalfWidth(normalizeSpaces(s));
}

/**
 * Removes the bot's @-mentions, then one leading `/` or `#`.
 * With botName, only that exact name counts (it may contain spaces): a leading run of mentions that
 * includes it is dropped whole (`@张三 @助手 帮助`), and a mention of it typed elsewhere as its own word
 * (`建议 修路 @助手`) is removed. Without botName, any leading @word tokens are dropped.
 */
export function stripMentions(s: string, botName?: string): string {
  const name = botName?.trim();
  let rest = s.replace(new RegExp(`^${MENTION_GAP}+`), '');
  if (name) {
    const bot = `[@＠]${escapeName(name)}`;
    const run = new RegExp(`^(?:(?:${bot}|${ANY_MENTION})(?:${MENTION_GAP}+|$))+`).exec(rest);
    if (run && new RegExp(`(?:^|${MENTION_GAP})${bot}(?:${MENTION_GAP}|$)`).test(run[0]))
      rest = rest.slice(run[0].length);
    rest = rest.replace(new RegExp(`(^|${MENTION_GAP})${bot}(?=${MENTION_GAP}|$)`, 'g'), '$1');
  } else {
    const mention = new RegExp(`^${ANY_MENTION}(?:${MENTION_GAP}+|$)`);
    for (let m = mention.exec(rest); m; m = mention.exec(rest)) rest = rest.slice(m[0].length);
  }
  return rest
    .trim()
    .replace(/^[/#／＃]/, '')
    .trim();
}

/** Escapes text for use inside a RegExp (or a MongoDB $regex) as a literal. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeName(name: string): string {
  // Spaces inside a display name may arrive as any space variant.
  return name
    .split(new RegExp(`${MENTION_GAP}+`))
    .map(escapeRegex)
    .join(`${MENTION_GAP}+`);
}
