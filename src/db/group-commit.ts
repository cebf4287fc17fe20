import { AsyncResource } from 'node:async_hooks';

/** One item's outcome in a group's write: its own value, or its own error (the others may still have succeeded). */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** The most items one database command carries. */
  maxItems: number;
}

/**
 * Group commit: writes of one kind from concurrent requests go to the database together. The first write is
 * sent on the next turn of the event loop; whatever arrives while it is on the way waits, and goes as one
 * command as soon as it returns. One request alone pays one round trip, as before; under load many
 * requests share one, which is what the database server's and the driver's per-command cost needed.
 *
 * Each caller still gets its own outcome (a duplicate key refuses one insert, not its neighbours), and is
 * answered only once its write is acknowledged: nothing is held in memory past a reply.
 */
export function groupCommit<I, R>(
  write: (items: I[]) => Promise<Array<Outcome<R>>>,
  options: GroupCommitOptions,
): (item: I) => Promise<R> {
  type Waiting = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };
  let queue: Waiting[] = [];
  let busy = false;
  // A command serves many requests and belongs to none: it runs in the context the batcher was made in, not in
  // that of whichever request happened to start it (its AsyncLocalStorage stores, e.g. the operation log's).
  const start = AsyncResource.bind(() => void flush());

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, options.maxItems);
      queue = queue.slice(batch.length);
      try {
        const outcomes = await write(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          const o = outcomes[i];
          if (!o) w.reject(new Error('group commit: no outcome for an item'));
          else if (o.ok) w.resolve(o.value);
          else w.reject(o.error);
        });
      } catch (err) {
        // The command as a whole failed (connection lost, server down): every item in it failed.
        for (const w of batch) w.reject(err);
      }
    }
    busy = false;
  }

  return (item: I) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (busy) return;
      busy = true;
      setImmediate(start);
    });
}

/** Where a bulk write's per-item errors are, as the driver reports them (MongoBulkWriteError). */
interface BulkErrors {
  writeErrors?: Array<{ index: number; code?: number; errmsg?: string }> | { index: number };
}

/**
 * The outcomes of an unordered bulk write of `count` items: the ones the driver names in `writeErrors` failed
 * (each with an error of its own code, so `isDuplicateKey` reads it as for a single insert), the rest succeeded.
 * An error without per-item detail failed them all.
 */
export async function unorderedOutcomes(count: number, run: () => Promise<unknown>): Promise<Array<Outcome<void>>> {
  const all: Array<Outcome<void>> = Array.from({ length: count }, () => ({ ok: true, value: undefined }));
  try {
    await run();
    return all;
  } catch (err) {
    const raw = (err as BulkErrors | null)?.writeErrors;
    if (raw === undefined) throw err;
    const list = (Array.isArray(raw) ? raw : [raw]) as Array<{ index: number; code?: number; errmsg?: string }>;
    for (const w of list) {
      const e = Object.assign(new Error(w.errmsg ?? 'write failed'), { code: w.code });
      all[w.index] = { ok: false, error: e };
    }
    return all;
  }
}
