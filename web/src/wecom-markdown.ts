import { defineComponent, h, type PropType, type VNode } from 'vue';

// The part of WeCom's markdown a group robot message renders (headings, bold, links, inline code, quotes,
// <font color="info|comment|warning">), drawn as the group shows it. Every piece of text becomes a text
// node (Vue escapes it): no v-html, so nothing typed into the composer can become markup on this page.

export type Inline =
  | { t: 'text'; s: string }
  | { t: 'bold'; children: Inline[] }
  | { t: 'font'; color: 'info' | 'comment' | 'warning'; children: Inline[] }
  | { t: 'link'; text: string; href: string }
  | { t: 'code'; s: string };

export type Block =
  | { kind: 'heading'; level: number; inline: Inline[] }
  | { kind: 'quote'; inline: Inline[] }
  | { kind: 'line'; inline: Inline[] }
  | { kind: 'blank' };

const INLINE =
  /\*\*(.+?)\*\*|<font color="(info|comment|warning)">([\s\S]*?)<\/font>|\[([^\]\n]*)\]\((https?:\/\/[^)\s]+)\)|`([^`\n]+)`/g;

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    if (m.index > last) out.push({ t: 'text', s: s.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ t: 'bold', children: parseInline(m[1]) });
    else if (m[2] !== undefined)
      out.push({ t: 'font', color: m[2] as 'info' | 'comment' | 'warning', children: parseInline(m[3] ?? '') });
    else if (m[5] !== undefined) out.push({ t: 'link', text: m[4] ?? '', href: m[5] });
    else out.push({ t: 'code', s: m[6] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ t: 'text', s: s.slice(last) });
  return out;
}

/** The words of some inline markdown, without its marks (for one-line summaries in lists). */
export function inlineText(parts: Inline[]): string {
  return parts
    .map((p) => (p.t === 'text' || p.t === 'code' ? p.s : p.t === 'link' ? p.text : inlineText(p.children)))
    .join('');
}

/** The first non-blank line of a message as the group reads it: no #, >, ** or <font> marks. */
export function firstLineText(text: string): string {
  const first = parseWecomMarkdown(text).find((b) => b.kind !== 'blank');
  return first ? inlineText(first.inline).trim() : '';
}

export function parseWecomMarkdown(text: string): Block[] {
  return text.split('\n').map((line): Block => {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) return { kind: 'heading', level: heading[1]!.length, inline: parseInline(heading[2]!) };
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) return { kind: 'quote', inline: parseInline(quote[1]!) };
    if (!line.trim()) return { kind: 'blank' };
    return { kind: 'line', inline: parseInline(line) };
  });
}

function inlineNodes(items: Inline[]): Array<VNode | string> {
  return items.map((i) => {
    switch (i.t) {
      case 'text':
        return i.s;
      case 'bold':
        return h('strong', inlineNodes(i.children));
      case 'font':
        return h('span', { class: `wx-${i.color}` }, inlineNodes(i.children));
      case 'link':
        return h('a', { href: i.href, target: '_blank', rel: 'noopener noreferrer' }, i.text);
      case 'code':
        return h('code', i.s);
    }
  });
}

/** One message as the group shows it: `markdown` (robot markdown) or `text` (shown as typed). */
export const WecomMessage = defineComponent({
  name: 'WecomMessage',
  props: {
    text: { type: String, required: true },
    format: { type: String as PropType<'markdown' | 'text'>, default: 'markdown' },
  },
  setup(props) {
    return () => {
      if (props.format === 'text') return h('div', { class: 'wx-msg wx-text' }, props.text);
      const blocks = parseWecomMarkdown(props.text).map((b) => {
        if (b.kind === 'blank') return h('div', { class: 'wx-blank' });
        if (b.kind === 'heading') return h('div', { class: `wx-h wx-h${b.level}` }, inlineNodes(b.inline));
        if (b.kind === 'quote') return h('div', { class: 'wx-quote' }, inlineNodes(b.inline));
        return h('div', { class: 'wx-line' }, inlineNodes(b.inline));
      });
      return h('div', { class: 'wx-msg' }, blocks);
    };
  },
});
