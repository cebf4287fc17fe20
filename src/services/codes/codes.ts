import type { Models } from '../../models';
import { toHalfWidth } from '../../text/normalize';
import { isDuplicateKey } from '../../models/duplicate-key';

export type CodePrefix = 'YJ' | 'HD' | 'HY' | 'XX' | 'GG';

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

/** Next number in a kind's yearly sequence: one atomic $inc, so concurrent requests never share one. */
export async function nextSeq(models: Models, prefix: CodePrefix, year: number): Promise<number> {
  const id = `${prefix}:${year}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await models.Counter.findOneAndUpdate(
        { _id: id },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      return (doc as { seq: number }).seq;
    } catch (err) {
      // Two first-ever upserts can race on the insert; the loser simply retries the $inc.
      if (isDuplicateKey(err) && attempt < 3) continue;
      throw err;
    }
  }
}

export async function nextCode(models: Models, prefix: CodePrefix, year: number): Promise<Code> {
  return { prefix, year, seq: await nextSeq(models, prefix, year) };
}

/** The code the next `nextCode` would give, without taking it (previews; another request may take it first). */
export async function peekCode(models: Models, prefix: CodePrefix, year: number): Promise<Code> {
  const doc = await models.Counter.findById(`${prefix}:${year}`).lean<{ seq?: number }>();
  return { prefix, year, seq: (doc?.seq ?? 0) + 1 };
}
