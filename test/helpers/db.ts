import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

export interface TestDatabase {
  connection: mongoose.Connection;
  dbName: string;
  /** Drops the database and closes the connection; call in afterAll. */
  drop(): Promise<void>;
}

/**
 * Only [A-Za-z0-9_-] and fewer than 64 chars in a database name (MongoDB forbids
 * `/\. "$`, < 64 bytes); 38 keeps us inside Atlas's stricter limit too.
 */
const MAX_DB_NAME = 38;

/** A private database for one test file in one jest worker, on the server from global setup. */
export async function openTestDatabase(tag: string): Promise<TestDatabase> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run tests through jest (its global setup starts a server)');
  const worker = (process.env.JEST_WORKER_ID ?? '0').replace(/[^0-9]/g, '');
  const random = randomBytes(4).toString('hex');
  const suffix = `_${worker}_${random}`;
  const safeTag = tag.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
  const dbName = `t_${safeTag.slice(0, MAX_DB_NAME - 2 - suffix.length)}${suffix}`;

  // A connection of its own: the global mongoose connection belongs to the app code under test.
  // Command monitoring lets a test count the database commands a chat command costs. Indexes as in production:
  // created once by the app's start (ensureIndexes), not a second time by mongoose's autoIndex.
  const connection = mongoose.createConnection(uri, {
    dbName,
    autoIndex: false,
    serverSelectionTimeoutMS: 10_000,
    monitorCommands: true,
  });
  await connection.asPromise();
  return {
    connection,
    dbName,
    drop: async () => {
      try {
        await connection.dropDatabase();
      } finally {
        await connection.close();
      }
    },
  };
}
