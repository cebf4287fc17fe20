import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import pino from 'pino';
import { type Config, ConfigError, loadConfig } from '../config';
import { readEmbeddedDbSettings } from '../config/embedded-db';
import { connectionOptions } from '../src/db/connect';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { createLogger, type Logger } from '../src/logger';

// What the office's command-line tools share: configuration, the database, output, exit codes.

export interface CliDatabase {
  connection: Connection;
  close(): Promise<void>;
}

export interface CliDeps {
  env: NodeJS.ProcessEnv;
  /** Report lines for the user (stdout). */
  out(text: string): void;
  /** Problems (stderr). */
  err(text: string): void;
  /** Tests pass their own connection; otherwise MONGODB_URI or the embedded database. */
  openDatabase?: (config: Config, log: Logger, env: NodeJS.ProcessEnv) => Promise<CliDatabase>;
}

/** Same database as `npm start`: MONGODB_URI, else the embedded one with its data under DATA_DIR. */
export async function openCliDatabase(config: Config, log: Logger, env: NodeJS.ProcessEnv): Promise<CliDatabase> {
  let uri = config.mongodbUri;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!uri) {
    const projectRoot = path.resolve(__dirname, '..', '..');
    const embedded = await startEmbeddedDatabase({
      projectRoot,
      dataDir: path.resolve(config.dataDir),
      persistent: true,
      settings: readEmbeddedDbSettings(env),
      log,
    });
    uri = embedded.uri;
    stopEmbedded = () => embedded.stop();
  }
  const connection = await mongoose
    .createConnection(
      uri,
      connectionOptions(uri.match(/\/([^/?]+)(\?|$)/)?.[1] ?? 'deputies', config.tunables.database),
    )
    .asPromise();
  return {
    connection,
    close: async () => {
      try {
        await connection.close();
      } finally {
        await stopEmbedded?.();
      }
    },
  };
}

/** A path the user typed, from the directory they ran npm in (`npm run` itself moves to the project root). */
export function userPath(deps: Pick<CliDeps, 'env'>, file: string): string {
  return path.resolve(deps.env.INIT_CWD ?? process.cwd(), file);
}

/** Loads config and opens the database around `work`; config problems become one line and exit code 2. */
export async function withDatabase(
  deps: CliDeps,
  work: (ctx: { config: Config; connection: Connection; log: Logger }) => Promise<number>,
): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(deps.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    deps.err(err.message);
    return 2;
  }
  // Logs go to stderr so stdout holds only the report.
  const log = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: pino.destination(2),
  });
  const db = await (deps.openDatabase ?? openCliDatabase)(config, log, deps.env);
  try {
    return await work({ config, connection: db.connection, log });
  } finally {
    await db.close();
  }
}

/** Entry point for `node dist/scripts/<tool>.js`: runs main with the real process and exits with its code. */
export function runFromCommandLine(main: (argv: string[], deps: CliDeps) => Promise<number>): void {
  const deps: CliDeps = {
    env: process.env,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  main(process.argv.slice(2), deps).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
