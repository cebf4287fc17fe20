import { toHalfWidth } from './normalize';

type Hit = { start: number; end: number; masked: string };

// Boundaries keep codes (YJ2026-001), dates and amounts from being read as numbers to hide.
const MOBILE = /(?<![\dA-Za-z-])((?:\+?86[ -]?)?)(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\dA-Za-z])/g;
const LANDLINE = /(?<![\dA-Za-z-])(\(0\d{2,3}\)|0\d{2,3})([ -]?)([2-9]\d{6,7})(?![\dA-Za-z-])/g;
const ID_18 =
  /(?<![\dA-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![\dA-Za-z])/g;
const ID_15 = /(?<![\dA-Za-z])([1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![\dA-Za-z])/g;

const MATCHERS: Array<{ re: RegExp; mask: (m: RegExpMatchArray) => string }> = [
  { re: ID_18, mask: (m) => maskMiddle(m[1] ?? '', 4, 4) },
  { re: ID_15, mask: (m) => maskMiddle(m[1] ?? '', 4, 4) },
  { re: MOBILE, mask: (m) => `${m[1]}${m[2]}****${m[4]}` },
  { re: LANDLINE, mask: (m) => `${m[1]}${m[2]}****${(m[3] ?? '').slice(-4)}` },
];

/** Hides phone and ID numbers: 138****5678, 0571-****4321 (area code kept), 3301**********1234. */
export function maskSensitive(text: string): string {
  const hits = findHits(text);
  let out = '';
  let last = 0;
  for (const hit of hits) {
    out += text.slice(last, hit.start) + hit.masked;
    last = hit.end;
  }
  return out + text.slice(last);
}

export function containsSensitive(text: string): boolean {
  return findHits(text).length > 0;
}

/** Every number hidden here has ten digits or more (a landline with its area code); most texts have fewer in all. */
const FEWEST_DIGITS = 10;

function hasDigits(text: string, atLeast: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // ASCII and full-width digits (toHalfWidth turns the latter into the former).
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) if (++n >= atLeast) return true;
  }
  return false;
}

function findHits(text: string): Hit[] {
  if (!hasDigits(text, FEWEST_DIGITS)) return [];
  // Length-preserving, so positions found in the normalised copy apply to the original.
  const norm = toHalfWidth(text).replace(/[\u00a0\u2005]/g, ' ');
  const hits: Hit[] = [];
  for (const { re, mask } of MATCHERS) {
    for (const m of norm.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      hits.push({ start, end, masked: mask(m) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function maskMiddle(s: string, head: number, tail: number): string {
  return s.slice(0, head) + '*'.repeat(Math.max(0, s.length - head - tail)) + s.slice(-tail);
}
