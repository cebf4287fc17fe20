// The 公告 toolbar's edits: each takes the text and the selection and returns the new text and what to
// select afterwards, so a clerk never types markdown marks (the group robot's **, #, [](…)) by hand.

export interface Edit {
  text: string;
  start: number;
  end: number;
}

/** `**…**` around the selection, or around a placeholder to type over. */
export function insertBold(text: string, start: number, end: number): Edit {
  const picked = text.slice(start, end) || '加粗文字';
  const out = `${text.slice(0, start)}**${picked}**${text.slice(end)}`;
  return { text: out, start: start + 2, end: start + 2 + picked.length };
}

/** `## ` at the start of the line the cursor is on (again: back to plain text). */
export function toggleHeading(text: string, start: number): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const mark = /^#{1,6}\s+/.exec(text.slice(lineStart))?.[0];
  if (mark) {
    const out = text.slice(0, lineStart) + text.slice(lineStart + mark.length);
    const at = Math.max(lineStart, start - mark.length);
    return { text: out, start: at, end: at };
  }
  const out = `${text.slice(0, lineStart)}## ${text.slice(lineStart)}`;
  return { text: out, start: start + 3, end: start + 3 };
}

/** `[words](address)`: the selection becomes the words (or a placeholder, selected to type over). */
export function insertLink(text: string, start: number, end: number, href: string): Edit {
  const words =
    text
      .slice(start, end)
      .replace(/[[\]\n]/g, ' ')
      .trim() || '点击查看';
  const out = `${text.slice(0, start)}[${words}](${href})${text.slice(end)}`;
  return { text: out, start: start + 1, end: start + 1 + words.length };
}

/** What the group robot's markdown accepts as a link address. */
export const LINK_ADDRESS = /^https?:\/\/[^\s)]+$/;
