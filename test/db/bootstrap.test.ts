// The test server is a real MongoDB-wire server and supports the query subset of
// shared/docs/database.md. Doubles as the FerretDB compatibility canary: if this fails after a
// FerretDB or driver upgrade, the app's data layer is at risk.
import { Schema } from 'mongoose';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase('bootstrap');
});

afterAll(async () => {
  await db.drop();
});

const codeOf = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => 'no error',
    (err: { code?: unknown }) => err.code,
  );

test('speaks the MongoDB wire protocol over TCP', async () => {
  const admin = db.connection.db!.admin();
  expect((await admin.command({ ping: 1 })).ok).toBe(1);
  expect(typeof (await admin.command({ buildInfo: 1 })).version).toBe('string');
});

test('unique and compound unique indexes reject duplicates with code 11000', async () => {
  const User = db.connection.model('User', new Schema({ openId: { type: String, unique: true } }));
  const Member = db.connection.model(
    'Member',
    new Schema({ groupId: String, userId: String }).index({ groupId: 1, userId: 1 }, { unique: true }),
  );
  await Promise.all([User.init(), Member.init()]);

  await User.create({ openId: 'a' });
  expect(await codeOf(User.create({ openId: 'a' }))).toBe(11000);

  await Member.create([{ groupId: 'g1', userId: 'u1' }, { groupId: 'g2', userId: 'u1' }]);
  expect(await codeOf(Member.create({ groupId: 'g1', userId: 'u1' }))).toBe(11000);
});

test('guarded findOneAndUpdate, upsert and array operators', async () => {
  const Event = db.connection.model(
    'Event',
    new Schema({ key: { type: String, unique: true }, taken: Number, capacity: Number, who: [String], tags: [String] }),
  );
  await Event.init();
  const signUp = (user: string) =>
    Event.findOneAndUpdate(
      { key: 'e1', taken: { $lt: 2 } },
      { $inc: { taken: 1 }, $push: { who: user }, $setOnInsert: { capacity: 2 } },
      { upsert: true, returnDocument: 'after' },
    );

  expect((await signUp('u1'))?.taken).toBe(1); // upsert: created from the filter's equality fields
  expect((await signUp('u2'))?.who).toEqual(['u1', 'u2']);
  // Guard fails, so upsert tries a second 'e1' and the unique index refuses it: the caller sees "full".
  expect(await codeOf(signUp('u3'))).toBe(11000);
  expect(await Event.findOneAndUpdate({ key: 'e1', taken: { $lt: 2 } }, { $inc: { taken: 1 } })).toBeNull();

  await Event.updateOne({ key: 'e1' }, { $addToSet: { tags: { $each: ['a', 'b'] } } });
  await Event.updateOne({ key: 'e1' }, { $addToSet: { tags: 'a' }, $pull: { who: 'u1' } });
  const e = await Event.findOne({ key: 'e1' }).lean();
  expect(e).toMatchObject({ taken: 2, capacity: 2, who: ['u2'], tags: ['a', 'b'] });
});

test('aggregation with $match, $unwind, $group, $sort, $project', async () => {
  const Vote = db.connection.model('Vote', new Schema({ topic: String, open: Boolean, choices: [String] }));
  await Vote.create([
    { topic: 't', open: true, choices: ['x', 'y'] },
    { topic: 't', open: true, choices: ['x'] },
    { topic: 't', open: false, choices: ['y', 'y'] },
  ]);
  const rows = await Vote.aggregate<{ _id: string; n: number }>([
    { $match: { topic: 't', open: true } },
    { $unwind: '$choices' },
    // One accumulator per $group: FerretDB 1.24 returns 0 for every accumulator after the first.
    { $group: { _id: '$choices', n: { $sum: 1 } } },
    { $sort: { n: -1, _id: 1 } },
    // Inclusion/exclusion only: FerretDB 1.24 returns `'$field'` expressions as the literal string.
    { $project: { n: 1 } },
  ]);
  expect(rows).toEqual([
    { _id: 'x', n: 2 },
    { _id: 'y', n: 1 },
  ]);
});

test('concurrent guarded updates stay atomic', async () => {
  // FerretDB alone loses concurrent updates; tools/ferretdb serializes commands to prevent that.
  const Seat = db.connection.model('Seat', new Schema({ taken: Number }));
  const { _id } = await Seat.create({ taken: 0 });
  const results = await Promise.all(
    Array.from({ length: 20 }, () => Seat.findOneAndUpdate({ _id, taken: { $lt: 5 } }, { $inc: { taken: 1 } })),
  );
  expect(results.filter(Boolean)).toHaveLength(5);
  expect((await Seat.findById(_id).lean())?.taken).toBe(5);
});
