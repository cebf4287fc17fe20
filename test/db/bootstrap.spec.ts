// The test server is a real MongoDB-wire server and supports the query subset of
// shared/docs/database.md. Doubles as the compatibility canary: if this fails after a
// mongo-java-server or driver upgrade, the app's data layer is at risk.
import { Schema } from 'mongoose';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase('bootstrap');
});

afterAll(async () => {
  await db.drop();
});

/** Creates a model's declared indexes, as the app's start does (the test connection does not autoIndex). */
const indexed = async (model: { init(): Promise<unknown>; createIndexes(): Promise<unknown> }): Promise<void> => {
  await model.init();
  await model.createIndexes();
};

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
  await Promise.all([indexed(User), indexed(Member)]);

  await User.create({ openId: 'a' });
  expect(await codeOf(User.create({ openId: 'a' }))).toBe(11000);

  await Member.create([
    { groupId: 'g1', userId: 'u1' },
    { groupId: 'g2', userId: 'u1' },
  ]);
  expect(await codeOf(Member.create({ groupId: 'g1', userId: 'u1' }))).toBe(11000);
});

test('guarded findOneAndUpdate, upsert and array operators', async () => {
  const Event = db.connection.model(
    'Event',
    new Schema({ key: { type: String, unique: true }, taken: Number, capacity: Number, who: [String], tags: [String] }),
  );
  await indexed(Event);
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

test('aggregation: several accumulators, expressions, $lookup and $facet', async () => {
  const Vote = db.connection.model(
    'Vote',
    new Schema({ topic: String, open: Boolean, score: Number, choices: [String] }),
  );
  const Topic = db.connection.model('Topic', new Schema({ key: String, title: String }));
  await Vote.create([
    { topic: 't', open: true, score: 3, choices: ['x', 'y'] },
    { topic: 't', open: true, score: 5, choices: ['x'] },
    { topic: 't', open: false, score: 1, choices: ['y', 'y'] },
  ]);
  await Topic.create({ key: 't', title: '主题' });
  const rows = await Vote.aggregate<{ _id: string; n: number; max: number; min: number; avg: number; open: number }>([
    { $match: { topic: 't' } },
    { $unwind: '$choices' },
    {
      $group: {
        _id: '$choices',
        n: { $sum: 1 },
        max: { $max: '$score' },
        min: { $min: '$score' },
        avg: { $avg: '$score' },
        open: { $sum: { $cond: ['$open', 1, 0] } },
      },
    },
    { $sort: { _id: 1 } },
  ]);
  expect(rows).toEqual([
    { _id: 'x', n: 2, max: 5, min: 3, avg: 4, open: 2 },
    { _id: 'y', n: 3, max: 3, min: 1, avg: (3 + 1 + 1) / 3, open: 1 },
  ]);

  const [joined] = await Vote.aggregate<{ t: string; title: string; closedScore: number }>([
    { $match: { topic: 't', open: false } },
    { $lookup: { from: Topic.collection.name, localField: 'topic', foreignField: 'key', as: 'topicDoc' } },
    { $unwind: '$topicDoc' },
    { $project: { _id: 0, t: '$topic', title: '$topicDoc.title', closedScore: { $multiply: ['$score', 10] } } },
  ]);
  expect(joined).toEqual({ t: 't', title: '主题', closedScore: 10 });

  const [facets] = await Vote.aggregate<{ total: { n: number }[]; high: { n: number }[] }>([
    { $match: { topic: 't' } },
    { $facet: { total: [{ $count: 'n' }], high: [{ $match: { score: { $gte: 3 } } }, { $count: 'n' }] } },
  ]);
  expect(facets).toEqual({ total: [{ n: 3 }], high: [{ n: 2 }] });
});

test('positional updates, arrayFilters, $pull with a condition and $elemMatch guards', async () => {
  const Slip = db.connection.model(
    'Slip',
    new Schema({ key: String, replies: [{ _id: false, userid: String, answer: String }], ids: [String] }),
  );
  await Slip.create({
    key: 's',
    replies: [
      { userid: 'a', answer: '参加' },
      { userid: 'b', answer: '请假' },
    ],
    ids: ['a', 'b', 'c'],
  });

  // The guard on a sub-document field is what keeps "once per deputy" atomic.
  const dup = await Slip.findOneAndUpdate(
    { key: 's', 'replies.userid': { $ne: 'a' } },
    { $push: { replies: { userid: 'a', answer: '参加' } } },
  );
  expect(dup).toBeNull();
  await Slip.updateOne({ key: 's', 'replies.userid': 'b' }, { $set: { 'replies.$.answer': '参加' } });
  await Slip.updateOne(
    { key: 's' },
    { $set: { 'replies.$[r].answer': '请假' } },
    { arrayFilters: [{ 'r.userid': 'a' }] },
  );
  await Slip.updateOne({ key: 's' }, { $pull: { ids: { $in: ['a', 'c'] }, replies: { userid: 'a' } } });
  const found = await Slip.findOne({ key: 's', replies: { $elemMatch: { userid: 'b', answer: '参加' } } }).lean();
  expect(found).toMatchObject({ replies: [{ userid: 'b', answer: '参加' }], ids: ['b'] });
});

test('concurrent guarded sign-ups never overfill, at load, repeatedly', async () => {
  // 200 deputies race for 10 places, five times over: the server must never let an 11th through.
  const Seat = db.connection.model('Seat', new Schema({ taken: Number, capacity: Number, who: [String] }));
  for (let round = 0; round < 5; round++) {
    const { _id } = await Seat.create({ taken: 0, capacity: 10, who: [] });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        Seat.findOneAndUpdate(
          { _id, taken: { $lt: 10 }, who: { $ne: `u${i % 150}` } },
          { $inc: { taken: 1 }, $push: { who: `u${i % 150}` } },
          { returnDocument: 'after' },
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    const seat = await Seat.findById(_id).lean();
    expect(seat?.taken).toBe(10);
    expect(new Set(seat?.who).size).toBe(10);
  }
});

test('concurrent findOneAndUpdate hands each caller its own result', async () => {
  // How codes are numbered: every caller must see a distinct value, not just the right total.
  const Seq = db.connection.model('Seq', new Schema({ _id: String, seq: Number }));
  for (let round = 0; round < 5; round++) {
    const id = `YJ:${round}`;
    const docs = await Promise.all(
      Array.from({ length: 50 }, () =>
        Seq.findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' })
          .lean()
          .catch(() => null),
      ),
    );
    const seqs = docs.filter(Boolean).map((d) => Number(d!.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect((await Seq.findById(id).lean())?.seq).toBe(Math.max(...seqs));
  }
});

test('concurrent $inc loses nothing', async () => {
  const Counter = db.connection.model('Counter', new Schema({ n: Number }));
  const { _id } = await Counter.create({ n: 0 });
  await Promise.all(Array.from({ length: 200 }, () => Counter.updateOne({ _id }, { $inc: { n: 1 } })));
  expect((await Counter.findById(_id).lean())?.n).toBe(200);
});
