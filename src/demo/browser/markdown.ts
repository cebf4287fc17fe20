// WeCom markdown on the simulator page (browser code; see page-state.ts for how the page's scripts fit together).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// WeCom markdown, the subset the bot uses; the text is escaped first, so nothing else renders.
function renderMarkdown(s: string): string {
  let h = escapeHtml(s);
  h = h.replace(
    /&lt;font color=(?:&quot;|&#39;)?(info|comment|warning)(?:&quot;|&#39;)?&gt;([\s\S]*?)&lt;\/font&gt;/g,
    '<span class="c-$1">$2</span>',
  );
  h = h.replace(
    /&lt;@([A-Za-z0-9._@-]+)&gt;/g,
    (_m, id: string) => '<span class="at">@' + escapeHtml(state.names[id] || id) + '</span>',
  );
  h = h.replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>');
  h = h.replace(/^#{1,6} (.*)$/gm, '<b class="h">$1</b>');
  h = h.replace(/^&gt; ?(.*)$/gm, '<span class="quote">$1</span>');
  return linkify(h);
}

// Links as WeCom shows them, clickable: `[words](https://…)` and bare addresses such as the sign-in
// link. Runs on escaped text: an address cannot carry a quote or a tag, and `&amp;` is what an href wants.
const LINKS =
  /\[([^\]\n]+)\]\((https?:\/\/[A-Za-z0-9\-._~:/?#@!$&;%+,=*]+)\)|(https?:\/\/[A-Za-z0-9\-._~:/?#@!$&;%+,=*]+)/g;
function linkify(h: string): string {
  return h.replace(LINKS, (_m, words: string | undefined, href: string | undefined, bare: string | undefined) => {
    if (words !== undefined && href !== undefined) return anchor(href, words);
    // A sentence's full stop or comma after a bare address is not part of it.
    const url = (bare ?? '').replace(/[.,;:!?]+$/, '');
    return anchor(url, url) + (bare ?? '').slice(url.length);
  });
}
function anchor(href: string, words: string): string {
  return '<a href="' + href + '" target="_blank" rel="noopener noreferrer">' + words + '</a>';
}
