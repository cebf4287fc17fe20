import { toHalfWidth } from './normalize';

/** Splits on spaces and Chinese/ASCII commas and 、. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A positive whole number typed with half- or full-width digits (e.g. `名额：１０`, `10人`). */
export function parseCount(text: string): number | undefined {
  const m = /^(\d{1,5})\s*(人|个|名)?$/.exec(toHalfWidth(text).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}
