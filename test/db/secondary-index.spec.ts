import { Decimal128, type Document, Double, Long } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

// The test server keeps non-unique indexes (tools/mongo-server: SecondaryIndex) and narrows equality queries with
// them. An index may only change the work, never the answer: the same documents are written to an indexed and a
// plain collection, and every query and aggregation must answer alike, in the same order, before and after
// updates, pushes, pulls, upserts, replacements and deletes. On MongoDB itself this holds as well.

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase('secondary_index');
});
afterAll(async () => db.drop());

const FIELDS = ['f', 'tags', 'n', 's'] as const;
// Equal under MongoDB though not as JavaScript values (1, 1.0, 1L), arrays by element, null and missing, dates.
const VALUES: unknown[] = [
  'x',
  'y',
  'z',
  1,
  2.0,
  new Long(3),
  new Double(1),
  Decimal128.fromString('4'),
  null,
  undefined,
  true,
  new Date(1e12),
  ['x', 'q'],
  [],
  [1, 'y'],
  { a: 'x' },
];

/** A fixed sequence, so a failure is the same on every run. */
function randomFrom(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function queriesOver(values: unknown[]): Document[] {
  const queries: Document[] = [];
  for (const k of FIELDS)
    for (const v of values) {
      if (v === undefined) continue;
      // Other conditions beside the indexed one (the $or, $ne) still apply to what the index finds.
      queries.push({ [k]: v }, { [k]: { $eq: v } }, { [k]: { $in: [v, 'y'], $ne: 'x' } });
      queries.push({ $or: [{ [k]: v }, { g: 1 }], [k]: { $in: [v, 2] } });
    }
  return queries;
}

it('answers every query and aggregation as an unindexed collection does, through every kind of write', async () => {
  const indexed = db.connection.collection('indexed');
  const plain = db.connection.collection('plain');
  await indexed.createIndexes([
    { key: { f: 1, g: -1 } },
    { key: { tags: 1 } },
    { key: { n: 1 } },
    { key: { s: 1 }, sparse: true },
    { key: { g: 1 } },
  ]);
  const next = randomFrom(1);
  const pick = () => VALUES[Math.floor(next() * VALUES.length)];
  const docOf = (id: number): Document => {
    const d: Document = { _id: id, g: id % 7 };
    for (const k of FIELDS) {
      const v = pick();
      if (v !== undefined) d[k] = v;
    }
    return d;
  };
  const docs = Array.from({ length: 200 }, (_, i) => docOf(i));
  await indexed.insertMany(docs.map((d) => structuredClone(d)));
  await plain.insertMany(docs.map((d) => structuredClone(d)));

  const queries = queriesOver(VALUES);
  const sameAnswers = async (stage: string) => {
    // countDocuments is an aggregation too: the $facet's $count covers it.
    const answers = (c: typeof plain, q: Document) =>
      Promise.all([
        c.find(q).toArray(),
        c
          .aggregate([
            { $match: q },
            { $facet: { n: [{ $count: 'n' }], page: [{ $sort: { g: -1, _id: 1 } }, { $skip: 1 }, { $limit: 4 }] } },
          ])
          .toArray(),
      ]);
    const got = await Promise.all(queries.map(async (q) => [await answers(indexed, q), await answers(plain, q)]));
    got.forEach(([a, b], i) => {
      const label = `${stage}: ${JSON.stringify(queries[i])}`;
      expect([label, a]).toEqual([label, b]);
    });
  };
  await sameAnswers('as inserted');

  for (let step = 0; step < 150; step++) {
    const id = Math.floor(next() * 220);
    const k = FIELDS[Math.floor(next() * FIELDS.length)]!;
    const v = pick();
    const op = Math.floor(next() * 6);
    const replacement = docOf(id);
    for (const c of [indexed, plain]) {
      if (op === 0)
        await c.updateOne({ _id: id as never }, v === undefined ? { $unset: { [k]: 1 } } : { $set: { [k]: v } });
      // On a document whose `tags` is no array both refuse; each collection must refuse alike.
      else if (op === 1) await c.updateOne({ _id: id as never }, { $push: { tags: 'x' } } as never).catch(() => {});
      else if (op === 2) await c.updateOne({ _id: id as never }, { $pull: { tags: 'x' } } as never).catch(() => {});
      else if (op === 3) await c.deleteOne({ _id: id as never });
      else if (op === 4) await c.replaceOne({ _id: id as never }, structuredClone(replacement), { upsert: true });
      else await c.updateMany({ [k]: 'y' }, { $set: { [k]: 'z' } });
    }
  }
  await sameAnswers('after single writes');
  await indexed.deleteMany({ f: 'z' });
  await plain.deleteMany({ f: 'z' });
  await sameAnswers('after a deleteMany');
  expect(await indexed.countDocuments()).toBeGreaterThan(120);
});

it('keeps the index with every document in it (the server used to ignore non-unique indexes)', async () => {
  const c = db.connection.collection('kept');
  await c.createIndex({ g: 1 });
  await c.insertMany(Array.from({ length: 40 }, (_, i) => ({ g: i % 5 })));
  await c.deleteMany({ g: 0 });
  await c.updateMany({ g: 1 }, { $set: { g: 9 } });
  const report = await db.connection.db!.command({ validate: 'kept' });
  expect(report.keysPerIndex).toMatchObject({ g_1: 32 });
  expect(await c.countDocuments({ g: 9 })).toBe(8);
});
