import { Types } from 'mongoose';
import type { Config } from '../config';
import type { Models } from '../src/models';
import { isOnlyDuplicateKeys } from '../src/models/duplicate-key';
import { formatCode } from '../src/services/codes';
import { maskSensitive } from '../src/text/mask';
import { deriveTitle } from '../src/text/title';
import { dayKey, fromWallTime, startOfDay, wallTime, yearOf } from '../src/time/zone';

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

const DAY = 86_400_000;
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢',
];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '桂兰',
  '海燕',
  '国华',
  '红梅',
  '建华',
  '文静',
  '晓东',
  '丽娟',
  '德明',
  '春花',
  '永福',
  '玉兰',
  '俊杰',
  '雪梅',
  '振华',
  '美玲',
  '立新',
];
const UNITS = [
  '交通运输局',
  '公安分局',
  '市场监管分局',
  '教育管理中心',
  '民政办',
  '卫生院',
  '城管执法中队',
  '农业农村办',
  '自然资源所',
  '应急管理办',
  '住建办',
  '人社所',
  '供电所',
  '水务站',
];
const STATIONS = ['镇人大代表联络站', '东村代表联络站', '西村代表联络站', '南湖社区联络站'];
const PLACES = ['镇政府三楼会议室', '镇敬老院', '东村村委会', '工业园区', '镇中心小学', '南湖社区服务中心'];
const REASONS = ['外出学习', '身体不适', '工作冲突', '家中有事'];
const PHRASES: Record<string, string[]> = {
  社会保障: ['村里困难老人的养老补贴发放不及时', '低保申请材料太多，老人办不下来', '残疾人就业帮扶岗位太少'],
  文化教育: ['镇中心小学门口上学时段拥堵', '村图书室长期不开放', '幼儿园学位紧张，孩子上学难'],
  公共交通: ['村口路灯坏了三个月，晚上出行不便', '公交站台没有遮雨棚', '学校门口缺少斑马线和减速带'],
  医疗卫生: ['卫生院夜间没有医生值班', '村卫生室常用药经常缺货', '老人体检排队时间太长'],
  环境整治: ['河道垃圾堆积，夏天有臭味', '工业园区夜间噪音扰民', '村里公共厕所无人打扫'],
  乡村振兴: ['农田灌溉水渠年久失修', '村集体产业项目收益不透明', '养殖户缺少技术指导'],
  安全生产: ['电动车在楼道充电存在消防隐患', '老旧小区燃气管道需要检修', '施工工地夜间没有安全警示'],
  其他: ['希望镇里多组织代表与群众见面活动', '政务服务大厅周末能否开放半天'],
};

/** mulberry32: small, fast, and the same sequence for the same seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    chance: (p: number) => next() < p,
    /** k distinct items (order random). */
    sample: <T>(xs: readonly T[], k: number): T[] => {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, Math.max(0, Math.min(k, copy.length)));
    },
  };
}
type Rng = ReturnType<typeof generator>;

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

interface Person {
  userid: string;
  name: string;
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

/** One opinion with a consistent history: the later in its life, the further along (older ones mostly closed). */
function opinionDoc(
  rng: Rng,
  p: { code: string; year: number; seq: number; filedAt: Date; now: Date; people: Person[]; categories: string[] },
) {
  const filer = rng.pick(p.people);
  const office = p.people[0]!;
  const category = rng.pick(p.categories);
  const source = rng.chance(0.25) ? '群众反映' : '代表';
  const content = `${rng.pick(PHRASES[category] ?? PHRASES.其他!)}，${rng.chance(0.2) ? `联系人电话1${380000000 + rng.int(99999999)}，` : ''}请有关部门尽快研究解决。`;
  const origin = `seed-${p.code}`;
  const timeline: Array<Record<string, unknown>> = [
    { at: p.filedAt, action: 'filed', by: filer.userid, byName: filer.name, note: source, origin },
  ];
  const doc: Record<string, unknown> = {
    _id: new Types.ObjectId(),
    code: p.code,
    year: p.year,
    seq: p.seq,
    origin,
    source,
    filer: filer.userid,
    filerName: filer.name,
    title: deriveTitle(maskSensitive(content), 30),
    content,
    category,
    filedAt: p.filedAt,
    round: 0,
    rounds: [] as object[],
  };
  const cosigners = rng.chance(0.3)
    ? rng.sample(
        p.people.filter((x) => x.userid !== filer.userid),
        1 + rng.int(3),
      )
    : [];
  let t = p.filedAt.getTime();
  const step = (maxDays: number) => (t += DAY * (0.2 + rng.next() * maxDays));
  const past = () => t < p.now.getTime();
  for (const c of cosigners) {
    step(2);
    if (!past()) break;
    timeline.push({
      at: new Date(t),
      action: 'cosigned',
      by: c.userid,
      byName: c.name,
      origin: `${origin}-c-${c.userid}`,
    });
  }
  doc.cosigners = timeline.filter((e) => e.action === 'cosigned').map((e) => e.by);
  const age = (p.now.getTime() - p.filedAt.getTime()) / DAY;
  let status = '待交办';
  const roll = rng.next();
  if (roll < 0.03) {
    step(3);
    if (past()) {
      status = '已撤回';
      doc.withdrawnAt = new Date(t);
      timeline.push({
        at: new Date(t),
        action: 'withdrawn',
        by: filer.userid,
        byName: filer.name,
        origin: `${origin}-w`,
      });
    }
  } else if (roll < 0.07) {
    step(5);
    if (past()) {
      status = '已退回';
      doc.rejectedAt = new Date(t);
      doc.rejectReason = '不属于本级人大代表建议办理范围';
      timeline.push({
        at: new Date(t),
        action: 'rejected',
        by: office.userid,
        byName: office.name,
        note: doc.rejectReason,
        origin: `${origin}-x`,
      });
    }
  } else {
    // How far it got depends on its age: fresh ones wait, month-old ones are mostly answered, older ones closed.
    const rounds: Array<Record<string, unknown>> = [];
    for (let round = 1; round <= 2; round++) {
      // 不满意 opens round two in the same update that records the rating: no time passes.
      if (round === 1) {
        step(Math.min(10, age / 4));
        if (!past() || (age < 3 && rng.chance(0.7))) break;
      }
      const unit = round === 1 ? rng.pick(UNITS) : (doc.unit as string);
      const assignedAt = new Date(t);
      const deadline = new Date(t + 21 * DAY);
      const r: Record<string, unknown> = { round, unit, deadline, assignedAt };
      rounds.push(r);
      Object.assign(doc, { status: '已交办', round, unit, deadline, assignedAt });
      status = '已交办';
      timeline.push({
        at: assignedAt,
        action: round === 1 ? 'assigned' : 'reopened',
        by: round === 1 ? office.userid : filer.userid,
        byName: round === 1 ? office.name : filer.name,
        round,
        unit,
        deadline,
        origin: `${origin}-a${round}`,
      });
      step(rng.chance(0.15) ? 30 : 18);
      // Still unanswered: common in the last two months, rare after that (the ones 督办 chases).
      if (!past() || rng.chance(age < 60 ? 0.3 : 0.004)) break;
      const answer = `${unit}已研究办理：已安排专人落实，预计近期完成。`;
      Object.assign(r, { answer, answeredAt: new Date(t) });
      Object.assign(doc, { answer, answeredAt: new Date(t) });
      status = '已答复';
      timeline.push({
        at: new Date(t),
        action: 'answered',
        by: office.userid,
        byName: office.name,
        round,
        note: answer,
        origin: `${origin}-r${round}`,
      });
      step(5);
      if (!past() || rng.chance(0.2)) break;
      const rating = round === 2 || rng.chance(0.85) ? (rng.chance(0.7) ? '满意' : '基本满意') : '不满意';
      Object.assign(r, { rating, ratedAt: new Date(t) });
      Object.assign(doc, { rating, ratedRound: round, ratedAt: new Date(t) });
      timeline.push({
        at: new Date(t),
        action: 'rated',
        by: filer.userid,
        byName: filer.name,
        round,
        rating,
        origin: `${origin}-s${round}`,
      });
      if (rating === '不满意') continue;
      step(4);
      if (!past() || rng.chance(0.1)) break;
      status = '已办结';
      doc.closedAt = new Date(t);
      timeline.push({
        at: new Date(t),
        action: 'closed',
        by: office.userid,
        byName: office.name,
        origin: `${origin}-z`,
      });
      break;
    }
    doc.rounds = rounds;
  }
  timeline.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  doc.status = status;
  if (status === '已交办' && doc.answer && (doc.rounds as object[]).length === 2) {
    delete doc.answer;
    delete doc.answeredAt;
  }
  doc.timeline = timeline;
  doc.lastEventAt = timeline[timeline.length - 1]!.at;
  return doc;
}

/** Activities, meetings, shifts and study items of one year, with attendance up to now. */
function eventDocs(
  rng: Rng,
  o: SeedOptions,
  year: number,
  codeStart: { HD: number; HY: number; XX: number },
  people: Person[],
  now: Date,
  tz: string,
) {
  const ids = people.map((x) => x.userid);
  const yearStart = fromWallTime({ year, month: 1, day: 1 }, tz).getTime();
  const span = fromWallTime({ year: year + 1, month: 1, day: 1 }, tz).getTime() - yearStart;
  const at = (i: number, n: number, hour: number) => {
    const day = wallTime(new Date(yearStart + ((i + rng.next() * 0.8) / n) * span), tz);
    return fromWallTime({ year: day.year, month: day.month, day: day.day, hour }, tz);
  };
  const stamps = (users: string[], when: Date) => users.map((userid) => ({ userid, at: when }));
  const base = (code: string, startAt: Date) => ({
    _id: new Types.ObjectId(),
    code,
    year,
    startAt,
    reminders: [],
    nextReminderAt: null,
    reminderRev: 0,
    version: 1,
    createdBy: 'seed-d-1',
    origin: `seed-${code}`,
    createdAt: now,
    updatedAt: now,
  });
  const activities = [];
  for (let i = 0; i < o.activitiesPerYear; i++) {
    const startAt = at(i, o.activitiesPerYear, 9);
    const code = formatCode({ prefix: 'HD', year, seq: codeStart.HD + i });
    const capacity = rng.chance(0.5) ? 10 + rng.int(20) : null;
    const wanted = rng.sample(ids, 8 + rng.int(25));
    const confirmed = capacity === null ? wanted : wanted.slice(0, capacity);
    const waitlist = capacity === null ? [] : wanted.slice(capacity);
    const over = startAt < now;
    const checkins = over ? confirmed.filter(() => rng.chance(0.85)) : [];
    const leaves = over ? confirmed.filter((u) => !checkins.includes(u) && rng.chance(0.3)) : [];
    const signedAt = new Date(startAt.getTime() - 5 * DAY);
    activities.push({
      ...base(code, startAt),
      title: `${rng.pick(['视察', '调研', '走访'])}${rng.pick(PLACES)}`,
      type: rng.pick(['视察', '调研', '执法检查', '专业小组', '培训', '述职', '评议']),
      place: rng.pick(PLACES),
      deadline: startAt,
      deadlineIsDefault: true,
      capacity,
      status: rng.chance(0.04) ? 'cancelled' : 'active',
      confirmed: stamps(confirmed, signedAt),
      confirmedIds: confirmed,
      confirmedCount: confirmed.length,
      waitlist: stamps(waitlist, signedAt),
      waitlistIds: waitlist,
      leaves: leaves.map((userid) => ({ userid, reason: rng.pick(REASONS), at: signedAt })),
      promotedPending: [],
      checkins: stamps(checkins, startAt),
      checkinIds: checkins,
    });
  }
  const meetings = [];
  for (let i = 0; i < o.meetingsPerYear; i++) {
    const startAt = at(i, o.meetingsPerYear, 14);
    const code = formatCode({ prefix: 'HY', year, seq: codeStart.HY + i });
    const replied = ids.filter(() => rng.chance(0.9));
    const replies = replied.map((userid) =>
      rng.chance(0.1)
        ? { userid, answer: '请假', reason: rng.pick(REASONS), at: new Date(startAt.getTime() - 2 * DAY) }
        : { userid, answer: '参加', at: new Date(startAt.getTime() - 2 * DAY) },
    );
    const checkins =
      startAt < now ? replies.filter((r) => r.answer === '参加' && rng.chance(0.95)).map((r) => r.userid) : [];
    meetings.push({
      ...base(code, startAt),
      title: rng.chance(0.3) ? `镇第十八届人民代表大会第${i + 1}次会议` : `第${i + 1}次主席团会议`,
      type: rng.chance(0.3) ? '人代会' : '主席团会议',
      place: '镇政府三楼会议室',
      status: 'active',
      expectedIds: ids,
      replies,
      checkins: stamps(checkins, startAt),
      checkinIds: checkins,
    });
  }
  const shifts = [];
  for (let i = 0; i < o.shiftsPerYear; i++) {
    const day = startOfDay(at(i, o.shiftsPerYear, 0), tz);
    const station = STATIONS[i % STATIONS.length]!;
    const members = rng.sample(ids, 2 + rng.int(3));
    const checkins = day < now ? members.filter(() => rng.chance(0.8)) : [];
    shifts.push({
      _id: new Types.ObjectId(),
      day,
      year,
      slot: dayKey(day, tz),
      station,
      members: stamps(members, day),
      memberIds: members,
      checkins: stamps(checkins, day),
      checkinIds: checkins,
      reminders: [],
      nextReminderAt: null,
      reminderRev: 0,
      createdBy: 'seed-d-1',
      origin: `seed-shift-${station}-${dayKey(day, tz)}`,
      createdAt: now,
      updatedAt: now,
    });
  }
  const study = [];
  for (let i = 0; i < o.studyPerYear; i++) {
    const createdAt = at(i, o.studyPerYear, 10);
    const code = formatCode({ prefix: 'XX', year, seq: codeStart.XX + i });
    const pushed = createdAt < now;
    const learned = pushed
      ? ids
          .filter(() => rng.chance(0.6))
          .map((userid) => ({ userid, at: new Date(Math.min(now.getTime(), createdAt.getTime() + rng.int(10) * DAY)) }))
      : [];
    study.push({
      _id: new Types.ObjectId(),
      code,
      year,
      seq: codeStart.XX + i,
      title: rng.pick(['宪法学习', '代表法解读', '地方组织法要点', '代表履职培训视频']),
      authorId: 'seed-d-1',
      origin: `seed-${code}`,
      createdAt,
      ...(pushed ? { pushedAt: createdAt, pushSlot: `seed:${code}` } : {}),
      learned,
    });
  }
  return { activities, meetings, shifts, study };
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
