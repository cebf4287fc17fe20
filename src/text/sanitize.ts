// Replacements are visible full-width look-alikes, so Chinese readers still see what was typed.

/** Defuses @all / @所有人 (any case, half- or full-width @) by using the full-width ＠. */
function neutralizeMentionAll(s: string): string {
  return s.replace(/[@＠](all|所有人)/gi, '＠$1');
}

/**
 * User text echoed into a group push (markdown or text): it can mention nobody and inject no markup.
 * Tags (<@id>, <font>, any HTML), entities, links/images, and line-start headings/quotes are defused.
 */
export function neutralizeUserText(s: string): string {
  // One pass (every listed title of a reply goes through here): <, >, an entity's &, [, ], a line-start #.
  // &lt;@id&gt; could be decoded back into a mention by a renderer, hence the entity's &.
  const defused = s.replace(USER_TEXT_MARKUP, (m, indent: string | undefined) =>
    indent !== undefined ? `${indent}＃` : (FULL_WIDTH[m] ?? m),
  );
  return neutralizeMentionAll(defused);
}

const USER_TEXT_MARKUP = /[<>[\]]|&(?=#?[a-z0-9]+;)|^([ \t]*)#/gim;
const FULL_WIDTH: Record<string, string> = { '<': '＜', '>': '＞', '&': '＆', '[': '［', ']': '］' };

/** Office announcements keep their markdown (bold, headings, links, colours) but mention nobody. */
export function neutralizeOfficeMarkdown(s: string): string {
  const defused = s
    // Entities for <, > and @ (named or numeric) could be decoded back into a mention: spell them out first.
    .replace(/&(lt|#0*60|#x0*3c);/gi, '<')
    .replace(/&(gt|#0*62|#x0*3e);/gi, '>')
    .replace(/&(commat|#0*64|#x0*40);/gi, '@')
    .replace(/<@([^<>]*)>/g, '＜@$1＞');
  return neutralizeMentionAll(defused);
}
