import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../config';
import type { Clock } from '../../src/clock';
import { composeDemoApp } from '../../src/demo/compose-demo';
import { TS_WORKER_ARGV } from './child';
import { createLogger } from '../../src/logger';
import { openTestDatabase, type TestDatabase } from './db';

export interface DemoApp {
  db: TestDatabase;
  composed: Awaited<ReturnType<typeof composeDemoApp>>;
  server: http.Server;
  base: string;
  close(): Promise<void>;
}

/**
 * The bot as `npm start` runs it without WeCom settings (demo mode), listening on loopback. The outbox's
 * background loop is stopped again so a test drains it itself, deterministically.
 */
export async function startDemoApp(
  tag: string,
  o: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<DemoApp> {
  const db = await openTestDatabase(tag);
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ...o.env,
  });
  if (!config.demo) throw new Error('expected demo mode without WeCom settings');
  const composed = await composeDemoApp({
    config,
    connection: db.connection,
    log: createLogger({ level: 'silent' }),
    workerExecArgv: TS_WORKER_ARGV,
    ...(o.clock ? { clock: o.clock } : {}),
  });
  const server = http.createServer(composed.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await composed.start(port);
  await composed.sender.stop();
  return {
    db,
    composed,
    server,
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composed.stop();
      await db.drop();
    },
  };
}
