import type { EmbeddedDatabase } from '../../src/db/embedded';
import { EMBEDDED_DB_KEY } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<symbol, unknown>;
  const db = store[EMBEDDED_DB_KEY] as EmbeddedDatabase | undefined;
  if (!db) return; // MONGODB_URI was given: not ours to stop.
  delete store[EMBEDDED_DB_KEY];
  await db.stop();
}
