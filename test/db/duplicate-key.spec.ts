import { isDuplicateKey, isOnlyDuplicateKeys } from '../../src/models/duplicate-key';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

// The one duplicate-key check, read from the errors the real driver throws against the test server.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase('duplicate_key');
  await db.connection.collection('keys').createIndex({ k: 1 }, { unique: true });
  await db.connection.collection('keys').insertMany([{ k: 1 }, { k: 2 }]);
});
afterAll(async () => db.drop());

const errorOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (err: unknown) => err,
  );

it('a single insert refused by a unique index', async () => {
  const err = await errorOf(db.connection.collection('keys').insertOne({ k: 1 }));
  expect(isDuplicateKey(err)).toBe(true);
  expect(isOnlyDuplicateKeys(err)).toBe(true);
});

it('an unordered bulk insert whose refused items all met the unique index; the new ones went in', async () => {
  const err = await errorOf(
    db.connection.collection('keys').insertMany([{ k: 1 }, { k: 3 }, { k: 2 }], { ordered: false }),
  );
  expect(isOnlyDuplicateKeys(err)).toBe(true);
  expect(await db.connection.collection('keys').countDocuments({ k: 3 })).toBe(1);
});

it('anything else is not a duplicate key', async () => {
  const err = await errorOf(db.connection.collection('keys').updateOne({ k: 1 }, { $inc: { k: 'x' as never } }));
  expect(err).toBeDefined();
  expect(isDuplicateKey(err)).toBe(false);
  expect(isOnlyDuplicateKeys(err)).toBe(false);
  expect(isOnlyDuplicateKeys(new Error('socket closed'))).toBe(false);
  expect(isOnlyDuplicateKeys({ writeErrors: [] })).toBe(false);
  expect(isOnlyDuplicateKeys(null)).toBe(false);
});
