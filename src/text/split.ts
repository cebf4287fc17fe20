// Markup that must stay whole in one message when it can: a mention, a coloured span, a link.
// Matched separately so a mention inside a too-long <font> span is still protected.
const ATOMIC = [/<@[^<>\s]*>/g, /<font\b[^>]*>[\s\S]*?<\/font>/g, /\[[^\]\n]*\]\([^)\s]*\)/g];

type Span = { start: number; end: number };

/** UTF-8 size of s, as WeCom counts its limits (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Byte offsets of every UTF-16 index: offsets[i] = bytes of s.slice(0, i);
 * -1 marks the middle of a surrogate pair, where a cut would break a character.
 */
function byteOffsets(s: string): Int32Array {
  const offsets = new Int32Array(s.length + 1);
  let bytes = 0;
  for (let i = 0; i < s.length;) {
    offsets[i] = bytes;
    const code = s.codePointAt(i) ?? 0;
    const units = code > 0xffff ? 2 : 1;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code > 0xffff ? 4 : 3;
    if (units === 2) offsets[i + 1] = -1;
    i += units;
  }
  offsets[s.length] = bytes;
  return offsets;
}

/** Largest index end ≥ start (on a character boundary) with bytes(start..end) ≤ maxBytes. */
function fitEnd(offsets: Int32Array, start: number, maxBytes: number): number {
  const base = offsets[start] ?? 0;
  let end = start;
  for (let i = start + 1; i < offsets.length; i += 1) {
    const at = offsets[i] ?? -1;
    if (at === -1) continue;
    if (at - base > maxBytes) break;
    end = i;
  }
  return end;
}

/**
 * Splits text into parts of at most maxBytes UTF-8 bytes each, packing whole lines where possible.
 * A line-boundary split drops that one "\n"; a split inside a line drops nothing.
 */
export function splitByBytes(text: string, maxBytes: number): string[] {
  if (!Number.isInteger(maxBytes) || maxBytes < 4)
    throw new RangeError('splitByBytes: maxBytes must be an integer ≥ 4');
  const offsets = byteOffsets(text);
  const spans = ATOMIC.flatMap((re) => [...text.matchAll(re)])
    .map((m): Span => ({ start: m.index, end: m.index + m[0].length }))
    .filter((span) => (offsets[span.end] ?? 0) - (offsets[span.start] ?? 0) <= maxBytes);
  // The outermost fitting span around i, so moving the cut to its start leaves every span whole.
  const insideSpan = (i: number): Span | undefined =>
    spans.filter((span) => span.start < i && i < span.end).sort((a, b) => a.start - b.start)[0];

  const parts: string[] = [];
  let start = 0;
  while ((offsets[text.length] ?? 0) - (offsets[start] ?? 0) > maxBytes) {
    const end = fitEnd(offsets, start, maxBytes);
    const lineCut = lastLineBreak(text, start, end, insideSpan);
    if (lineCut !== -1) {
      parts.push(text.slice(start, lineCut));
      start = lineCut + 1;
      continue;
    }
    const span = insideSpan(end);
    const cut = span && span.start > start ? span.start : end;
    parts.push(text.slice(start, cut));
    start = cut;
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

/** Index of the last "\n" in text[start..end] that leaves a non-empty part and breaks no markup; -1 if none. */
function lastLineBreak(text: string, start: number, end: number, insideSpan: (i: number) => unknown): number {
  for (let i = text.lastIndexOf('\n', end); i > start; i = text.lastIndexOf('\n', i - 1)) {
    if (!insideSpan(i)) return i;
  }
  return -1;
}

/** Cuts s to at most maxBytes including the suffix, on a character boundary; s unchanged if it fits. */
export function truncateBytes(s: string, maxBytes: number, suffix = '…'): string {
  if (utf8Bytes(s) <= maxBytes) return s;
  const suffixBytes = utf8Bytes(suffix);
  const room = suffixBytes <= maxBytes ? maxBytes - suffixBytes : maxBytes;
  const end = fitEnd(byteOffsets(s), 0, room);
  return s.slice(0, end) + (suffixBytes <= maxBytes ? suffix : '');
}
