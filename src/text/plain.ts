/**
 * Renders the bot's markdown as plain text, for the self-built app's passive reply (a `text`
 * message: markup would show literally). Keeps every word; drops only the markup around them.
 */
export function markdownToPlain(md: string): string {
  return md
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/<font\b[^>]*>([\s\S]*?)<\/font>/g, '$1')
        .replace(/\*\*([^*\n]+)\*\*/g, '$1')
        .replace(/__([^_\n]+)__/g, '$1')
        .replace(/`([^`\n]+)`/g, '$1')
        .replace(/!?\[([^\]\n]*)\]\(([^)\s]+)\)/g, (_m, text: string, url: string) =>
          text ? `${text}（${url}）` : url,
        )
        .replace(/<@([^>\s]+)>/g, '@$1'),
    )
    .join('\n');
}
