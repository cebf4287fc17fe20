/** MongoDB's code for a write a unique index refused. Read only here: everything else asks the functions below. */
const DUPLICATE_KEY = 11000;

/** MongoDB's duplicate-key error: a unique index refused an insert (usually a retry meeting its own earlier write). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === DUPLICATE_KEY;
}

/**
 * A bulk write (insertMany, bulkWrite, unordered) whose every refused item met a unique index: what was new
 * went in, the rest was already there. A single write's duplicate-key error counts too.
 */
export function isOnlyDuplicateKeys(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: Array<{ code?: number }> } | null;
  const errors = e?.writeErrors ?? (e?.code === undefined ? [] : [e]);
  return errors.length > 0 && errors.every(isDuplicateKey);
}
