/** MongoDB's duplicate-key error: a unique index refused an insert (usually a retry meeting its own earlier write). */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}
