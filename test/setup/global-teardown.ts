import type { BrowserServer } from 'playwright-core';
import type { EmbeddedDatabase } from '../../src/db/embedded';
import { BROWSER_SERVER_KEY, EMBEDDED_DB_KEY } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<symbol, unknown>;
  const browser = store[BROWSER_SERVER_KEY] as BrowserServer | undefined;
  delete store[BROWSER_SERVER_KEY];
  await browser?.close();
  const db = store[EMBEDDED_DB_KEY] as EmbeddedDatabase | undefined;
  if (!db) return; // MONGODB_URI was given: not ours to stop.
  delete store[EMBEDDED_DB_KEY];
  await db.stop();
}
