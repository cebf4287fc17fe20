import type { Config } from '../config';
import type { Models } from '../src/models';
import { isOnlyDuplicateKeys } from '../src/models/duplicate-key';
import { formatCode } from '../src/services/codes';
import { fromWallTime, yearOf } from '../src/time/zone';
import { eventDocs } from './seed-events';
import { opinionDoc } from './seed-opinions';
import { generator, type Rng } from './seed-random';
import { GIVEN, STATIONS, SURNAMES } from './seed-words';

// Realistic bulk data for load tests and for trying the office pages: deputies, opinions over
// several years in every state, activities and meetings with attendance, shifts and study marks.
// Documents are written whole, in the shape the services write them, with insertMany in batches.

export interface SeedOptions {
  opinions: number;
  deputies: number;
  /** How many calendar years (ending with the current one) the data spans. */
  years: number;
  activitiesPerYear: number;
  meetingsPerYear: number;
  studyPerYear: number;
  shiftsPerYear: number;
  /** Seed of the pseudo-random generator: the same options give the same data. */
  seed: number;
  batchSize: number;
}

export const SEED_DEFAULTS: SeedOptions = {
  opinions: 1000,
  deputies: 120,
  years: 3,
  activitiesPerYear: 24,
  meetingsPerYear: 10,
  studyPerYear: 12,
  shiftsPerYear: 48,
  seed: 1,
  batchSize: 2000,
};

export interface SeedCounts {
  deputies: number;
  opinions: number;
  activities: number;
  meetings: number;
  shifts: number;
  studyItems: number;
}

/** Writes documents in batches, one round trip each; a shift already there (a second run) is kept as it is. */
async function insertInBatches(
  collection: { insertMany(docs: object[], o: object): Promise<unknown> },
  docs: object[],
  batchSize: number,
): Promise<void> {
  for (let i = 0; i < docs.length; i += batchSize) {
    try {
      await collection.insertMany(docs.slice(i, i + batchSize), { ordered: false });
    } catch (err) {
      if (!isOnlyDuplicateKeys(err)) throw err;
    }
  }
}

/** Reserves `count` numbers of a yearly code sequence (one atomic $inc), so seeding never reuses a code. */
async function reserveCodes(models: Models, prefix: string, year: number, count: number): Promise<number> {
  const doc = await models.Counter.findOneAndUpdate(
    { _id: `${prefix}:${year}` },
    { $inc: { seq: count } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  return (doc as { seq: number }).seq - count + 1;
}

function deputyDocs(rng: Rng, count: number, config: Config, now: Date) {
  const names = new Set<string>();
  const docs = [];
  for (let i = 1; i <= count; i++) {
    let name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
    while (names.has(name))
      name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.pick(['', '', '军', '平', '红'])}${names.size % 10}`;
    names.add(name);
    docs.push({
      userid: `seed-d-${i}`,
      name,
      level: rng.chance(0.8) ? '镇' : rng.pick(config.tunables.levels),
      group: rng.pick(config.tunables.professionalGroups),
      station: rng.pick(STATIONS),
      active: i <= Math.ceil(count * 0.95),
      isOffice: i <= 2,
      createdAt: now,
      updatedAt: now,
    });
  }
  return docs;
}

/** Fills the database; returns how many documents of each kind were written. */
export async function seedDatabase(
  models: Models,
  config: Config,
  o: SeedOptions,
  now: Date,
  progress: (line: string) => void = () => undefined,
): Promise<SeedCounts> {
  const rng = generator(o.seed);
  const tz = config.timezone;
  const deputies = deputyDocs(rng, o.deputies, config, now);
  // Upserts by userid: seeding twice keeps one deputy per id.
  if (deputies.length) {
    await models.Deputy.collection.bulkWrite(
      deputies.map((d) => ({ updateOne: { filter: { userid: d.userid }, update: { $setOnInsert: d }, upsert: true } })),
      { ordered: false },
    );
  }
  const people = deputies.filter((d) => d.active).map((d) => ({ userid: d.userid, name: d.name }));
  const categories = Object.keys(config.categories);
  const thisYear = yearOf(now, tz);
  const firstYear = thisYear - o.years + 1;
  const counts: SeedCounts = {
    deputies: deputies.length,
    opinions: 0,
    activities: 0,
    meetings: 0,
    shifts: 0,
    studyItems: 0,
  };

  // Opinions spread evenly over the span up to now, numbered per year in filing order.
  const start = fromWallTime({ year: firstYear, month: 1, day: 1 }, tz).getTime();
  const times = Array.from({ length: o.opinions }, () => new Date(start + rng.next() * (now.getTime() - start))).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  const perYear = new Map<number, Date[]>();
  for (const t of times) {
    const year = yearOf(t, tz);
    const list = perYear.get(year) ?? [];
    list.push(t);
    perYear.set(year, list);
  }
  for (const [year, filed] of perYear) {
    let seq = await reserveCodes(models, 'YJ', year, filed.length);
    const docs = filed.map((filedAt) => {
      const s = seq++;
      return opinionDoc(rng, {
        code: formatCode({ prefix: 'YJ', year, seq: s }),
        year,
        seq: s,
        filedAt,
        now,
        people,
        categories,
      });
    });
    await insertInBatches(models.Opinion.collection, docs, o.batchSize);
    counts.opinions += docs.length;
    progress(`opinions ${year}: ${docs.length}`);
  }

  for (let year = firstYear; year <= thisYear; year++) {
    const codeStart = {
      HD: await reserveCodes(models, 'HD', year, o.activitiesPerYear),
      HY: await reserveCodes(models, 'HY', year, o.meetingsPerYear),
      XX: await reserveCodes(models, 'XX', year, o.studyPerYear),
    };
    const e = eventDocs(rng, o, year, codeStart, people, now, tz);
    await insertInBatches(models.Activity.collection, e.activities, o.batchSize);
    await insertInBatches(models.Meeting.collection, e.meetings, o.batchSize);
    await insertInBatches(models.Shift.collection, e.shifts, o.batchSize);
    await insertInBatches(models.StudyItem.collection, e.study, o.batchSize);
    counts.activities += e.activities.length;
    counts.meetings += e.meetings.length;
    counts.shifts += e.shifts.length;
    counts.studyItems += e.study.length;
    progress(
      `events ${year}: ${e.activities.length} activities, ${e.meetings.length} meetings, ${e.shifts.length} shifts, ${e.study.length} study items`,
    );
  }
  return counts;
}
