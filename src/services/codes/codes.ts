import type { Collection } from 'mongodb';
import type { Models } from '../../models';
import { groupCommit, type Outcome } from '../../db/group-commit';
import { toHalfWidth } from '../../text/normalize';
import { isDuplicateKey } from '../../models/duplicate-key';

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

type Counters = Models['Counter'];
type CounterRow = { _id: string; seq: number };

/** Takes `n` numbers at once: one atomic $inc, so concurrent requests never share one. Returns the last. */
async function take(counters: Counters, id: string, n: number): Promise<number> {
  const rows = counters.collection as unknown as Collection<CounterRow>;
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await rows.findOneAndUpdate(
        { _id: id },
        { $inc: { seq: n } },
        { upsert: true, returnDocument: 'after' },
      );
      return (doc as CounterRow).seq;
    } catch (err) {
      // Two first-ever upserts can race on the insert; the loser simply retries the $inc.
      if (isDuplicateKey(err) && attempt < 3) continue;
      throw err;
    }
  }
}

// Per connection: the requests that want a number while one $inc is on the way share the next one (group commit).
const sequencers = new WeakMap<Counters, (id: string) => Promise<number>>();

function sequencer(counters: Counters): (id: string) => Promise<number> {
  let next = sequencers.get(counters);
  if (!next) {
    next = groupCommit(
      async (ids: string[]) => {
        const wanted = new Map<string, number>();
        for (const id of ids) wanted.set(id, (wanted.get(id) ?? 0) + 1);
        const last = new Map<string, Outcome<number>>();
        await Promise.all(
          [...wanted].map(async ([id, n]) => {
            try {
              last.set(id, { ok: true, value: await take(counters, id, n) });
            } catch (error) {
              last.set(id, { ok: false, error });
            }
          }),
        );
        // Handed out in the order asked: the first request gets the lowest of its kind's new numbers.
        const given = new Map<string, number>();
        return ids.map((id) => {
          const top = last.get(id) as Outcome<number>;
          if (!top.ok) return top;
          const k = given.get(id) ?? 0;
          given.set(id, k + 1);
          return { ok: true, value: top.value - (wanted.get(id) as number) + 1 + k };
        });
      },
      { maxItems: 500 },
    );
    sequencers.set(counters, next);
  }
  return next;
}

/** Next number in a kind's yearly sequence; never shared, even between instances. */
export function nextSeq(models: Models, prefix: CodePrefix, year: number): Promise<number> {
  return sequencer(models.Counter)(`${prefix}:${year}`);
}

export async function nextCode(models: Models, prefix: CodePrefix, year: number): Promise<Code> {
  return { prefix, year, seq: await nextSeq(models, prefix, year) };
}

/** The code the next `nextCode` would give, without taking it (previews; another request may take it first). */
export async function peekCode(models: Models, prefix: CodePrefix, year: number): Promise<Code> {
  const doc = await models.Counter.findById(`${prefix}:${year}`).lean<{ seq?: number }>();
  return { prefix, year, seq: (doc?.seq ?? 0) + 1 };
}
