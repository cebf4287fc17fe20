import type { Models } from '../../models';
import { counters } from '../../repositories';
import { toHalfWidth } from '../../text/normalize';

export type CodePrefix = 'YJ' | 'HD' | 'HY' | 'XX' | 'GG' | 'PJ' | 'SS';

export interface Code {
  prefix: CodePrefix;
  year: number;
  seq: number;
}

export function formatCode(c: Code): string {
  return `${c.prefix}${c.year}-${String(c.seq).padStart(3, '0')}`;
}

/**
 * Reads a code as people type it: `YJ2026-007`, `yj2026-7`, `YJ 2026 7`, full-width forms, or a bare
 * number meaning the current year. Returns undefined for anything else.
 */
export function parseCode(input: string, prefix: CodePrefix, currentYear: number): Code | undefined {
  const s = toHalfWidth(input).trim().toUpperCase().replace(/\s+/g, '');
  const bare = /^0*(\d{1,6})$/.exec(s);
  if (bare) {
    const seq = Number(bare[1]);
    return seq > 0 ? { prefix, year: currentYear, seq } : undefined;
  }
  const full = new RegExp(`^${prefix}-?(\\d{4})[-_.]?0*(\\d{1,6})$`).exec(s);
  if (!full) return undefined;
  const seq = Number(full[2]);
  return seq > 0 ? { prefix, year: Number(full[1]), seq } : undefined;
}

/** Next number in a kind's yearly sequence; never shared, even between instances. */
export function nextSeq(models: Models, prefix: CodePrefix, year: number): Promise<number> {
  return counters(models.Counter).next(`${prefix}:${year}`);
}

export async function nextCode(models: Models, prefix: CodePrefix, year: number): Promise<Code> {
  return { prefix, year, seq: await nextSeq(models, prefix, year) };
}

/** The code the next `nextCode` would give, without taking it (previews; another request may take it first). */
export async function peekCode(models: Models, prefix: CodePrefix, year: number): Promise<Code> {
  return { prefix, year, seq: (await counters(models.Counter).last(`${prefix}:${year}`)) + 1 };
}
