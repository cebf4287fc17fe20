import { ManualClock } from './clocks';
import mongoose from 'mongoose';
import { loadConfig } from '../../config';
import { composeApp } from '../../src/compose';
import { createLogger } from '../../src/logger';

// Runs in a child process (see test/helpers/ts-register.cjs): one outbox drain against the test's
// database and fake WeCom, so the test can kill -9 it while a push is at the API.

async function run(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  const dbName = process.env.TEST_DB_NAME;
  const at = process.env.TEST_CLOCK;
  if (!uri || !dbName || !at) throw new Error('MONGODB_URI, TEST_DB_NAME and TEST_CLOCK are required');
  const config = loadConfig(process.env);
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  const composed = await composeApp({
    config,
    connection,
    log: createLogger({ level: 'silent' }),
    clock: new ManualClock(at),
  });
  const result = await composed.sender.drainOnce();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await connection.close();
}

run().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
