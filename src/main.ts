import http from 'node:http';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { readEmbeddedDbSettings } from '../config/embedded-db';
import { startEmbeddedDatabase } from './db/embedded';
import { connectionOptions } from './db/connect';
import { databaseNameOf } from './db/uri';
import { logDeploymentWarnings } from './deployment-checks';
import { localBaseUrl } from './compose/local-address';
import { createLogger } from './logger';
import type { ComposeOptions } from './compose/options';
import { t } from './messages';

/** Process entry: config, database, app, background loops, and an orderly shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    // `npm run demo:long-connection`: the simulator plays WeCom's long-connection server too.
    const demoLong = process.argv.includes('--demo-long-connection');
    config = loadConfig(demoLong ? { ...process.env, DEMO_LONG_CONNECTION: 'true' } : process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel });
  const projectRoot = path.resolve(__dirname, '..', '..');

  let embedded: Awaited<ReturnType<typeof startEmbeddedDatabase>> | undefined;
  let uri = config.mongodbUri;
  // The embedded database boots in its own process while this one loads the app's modules.
  const starting = uri
    ? undefined
    : startEmbeddedDatabase({
        projectRoot,
        dataDir: path.resolve(config.dataDir),
        persistent: true,
        settings: readEmbeddedDbSettings(process.env),
        log,
      });
  const [{ default: mongoose }, compose] = await Promise.all([import('mongoose'), loadComposition(config.demo)]);
  if (starting) {
    embedded = await starting;
    uri = embedded.uri;
    log.info({ kind: embedded.kind, dataDir: config.dataDir }, 'embedded database started');
  }
  if (!uri) throw new Error('no database URI');
  const connection = await mongoose
    .createConnection(uri, connectionOptions(databaseNameOf(uri), config.tunables.database))
    .asPromise();

  const composed: Composed = await compose({ config, connection, log });
  const server = http.createServer(composed.app.callback());
  // WeCom waits 5 s for a passive reply; a hung socket should not hold a worker for longer.
  server.requestTimeout = config.tunables.inbound.requestTimeoutMs;
  server.headersTimeout = config.tunables.inbound.requestTimeoutMs;
  try {
    await listen(server, config.port, config.host);
  } catch (err) {
    // A taken port is an operator's problem with one plain line, not a stack trace.
    const code = (err as NodeJS.ErrnoException).code;
    const line =
      code === 'EADDRINUSE'
        ? t('portInUse', { port: config.port, host: config.host })
        : code === 'EACCES'
          ? t('portNotAllowed', { port: config.port, host: config.host })
          : undefined;
    if (!line) throw err;
    process.stderr.write(`${line}\n`);
    await composed.stop();
    await connection.close();
    await embedded?.stop();
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  await composed.start(port);
  // Before the 'bot listening' line: a stop that follows it (a service manager, a test) is orderly.
  stopOnSignals({ server, composed, connection, embedded, log });
  log.info({ port, demo: config.demo, env: config.env }, 'bot listening');
  await logDeploymentWarnings(composed.checkDeployment, log);
  if (config.demo) {
    const simulator = `${localBaseUrl(config.host, port)}/demo`;
    log.warn(
      { simulator, longConnection: Boolean(config.wecom.longConnection) },
      'demo mode: throwaway WeCom credentials; group pushes go to the local simulator',
    );
    // One plain line a person notices among the JSON logs.
    process.stderr.write(`\n  演示模式 demo mode — 打开本地聊天模拟器 open the chat simulator: ${simulator}\n\n`);
  }
}

type Composed = Awaited<ReturnType<typeof import('./compose').composeApp>>;

/** Production's composition, or in demo mode the demo's, which production never loads (nor may import). */
async function loadComposition(demo: boolean): Promise<(o: ComposeOptions) => Promise<Composed>> {
  if (demo) return (await import('./demo/compose-demo')).composeDemoApp;
  return (await import('./compose')).composeApp;
}

/** SIGTERM / SIGINT: stop accepting, let in-flight callbacks finish, stop loops, close the databases. */
function stopOnSignals(parts: {
  server: http.Server;
  composed: Composed;
  connection: { close(): Promise<void> };
  embedded: { stop(): Promise<void> } | undefined;
  log: ReturnType<typeof createLogger>;
}): void {
  const { server, composed, connection, embedded, log } = parts;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    let code = 0;
    try {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composed.stop();
      await connection.close();
    } catch (err) {
      code = 1;
      log.error({ err }, 'shutdown step failed');
    }
    // The embedded database is a child process: stop it whatever happened above.
    await embedded?.stop().catch((err: unknown) => {
      code = 1;
      log.error({ err }, 'embedded database did not stop cleanly');
    });
    log.info({ code }, 'stopped');
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
