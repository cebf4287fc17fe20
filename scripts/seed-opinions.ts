import { Types } from 'mongoose';
import { maskSensitive } from '../src/text/mask';
import { deriveTitle } from '../src/text/title';
import type { Rng } from './seed-random';
import { PHRASES, UNITS } from './seed-words';

// One seeded opinion with a consistent history: the later in its life, the further along (older ones mostly closed).

export const DAY = 86_400_000;

export interface Person {
  userid: string;
  name: string;
}

type Doc = Record<string, unknown>;
type Entry = Record<string, unknown>;

/** An opinion's life as it is written: the document, its timeline, and the time its next step happens at. */
interface Life {
  rng: Rng;
  doc: Doc;
  timeline: Entry[];
  origin: string;
  filer: Person;
  office: Person;
  /** Moves the time on by up to `maxDays` (at least a fifth of a day). */
  step(maxDays: number): void;
  /** The time reached is still before now. */
  past(): boolean;
  at(): Date;
}

export function opinionDoc(
  rng: Rng,
  p: { code: string; year: number; seq: number; filedAt: Date; now: Date; people: Person[]; categories: string[] },
) {
  const filer = rng.pick(p.people);
  const category = rng.pick(p.categories);
  const source = rng.chance(0.25) ? '群众反映' : '代表';
  const content = `${rng.pick(PHRASES[category] ?? PHRASES.其他!)}，${rng.chance(0.2) ? `联系人电话1${380000000 + rng.int(99999999)}，` : ''}请有关部门尽快研究解决。`;
  const origin = `seed-${p.code}`;
  const doc: Doc = {
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
  let t = p.filedAt.getTime();
  const life: Life = {
    rng,
    doc,
    timeline: [{ at: p.filedAt, action: 'filed', by: filer.userid, byName: filer.name, note: source, origin }],
    origin,
    filer,
    office: p.people[0]!,
    step: (maxDays) => void (t += DAY * (0.2 + rng.next() * maxDays)),
    past: () => t < p.now.getTime(),
    at: () => new Date(t),
  };
  cosign(life, p.people);
  const age = (p.now.getTime() - p.filedAt.getTime()) / DAY;
  const roll = rng.next();
  const status = roll < 0.03 ? withdraw(life) : roll < 0.07 ? reject(life) : handle(life, age);
  const { timeline } = life;
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

function cosign(life: Life, people: Person[]): void {
  const { rng, filer, timeline, origin } = life;
  const cosigners = rng.chance(0.3)
    ? rng.sample(
        people.filter((x) => x.userid !== filer.userid),
        1 + rng.int(3),
      )
    : [];
  for (const c of cosigners) {
    life.step(2);
    if (!life.past()) break;
    timeline.push({
      at: life.at(),
      action: 'cosigned',
      by: c.userid,
      byName: c.name,
      origin: `${origin}-c-${c.userid}`,
    });
  }
  life.doc.cosigners = timeline.filter((e) => e.action === 'cosigned').map((e) => e.by);
}

function withdraw(life: Life): string {
  life.step(3);
  if (!life.past()) return '待交办';
  life.doc.withdrawnAt = life.at();
  life.timeline.push({
    at: life.at(),
    action: 'withdrawn',
    by: life.filer.userid,
    byName: life.filer.name,
    origin: `${life.origin}-w`,
  });
  return '已撤回';
}

function reject(life: Life): string {
  life.step(5);
  if (!life.past()) return '待交办';
  life.doc.rejectedAt = life.at();
  life.doc.rejectReason = '不属于本级人大代表建议办理范围';
  life.timeline.push({
    at: life.at(),
    action: 'rejected',
    by: life.office.userid,
    byName: life.office.name,
    note: life.doc.rejectReason,
    origin: `${life.origin}-x`,
  });
  return '已退回';
}

/** How far it got depends on its age: fresh ones wait, month-old ones are mostly answered, older ones closed. */
function handle(life: Life, age: number): string {
  const { rng, doc } = life;
  const rounds: Entry[] = [];
  let status = '待交办';
  for (let round = 1; round <= 2; round++) {
    // 不满意 opens round two in the same update that records the rating: no time passes.
    if (round === 1) {
      life.step(Math.min(10, age / 4));
      if (!life.past() || (age < 3 && rng.chance(0.7))) break;
    }
    const r = assign(life, round);
    rounds.push(r);
    status = '已交办';
    life.step(rng.chance(0.15) ? 30 : 18);
    // Still unanswered: common in the last two months, rare after that (the ones 督办 chases).
    if (!life.past() || rng.chance(age < 60 ? 0.3 : 0.004)) break;
    answer(life, r, round);
    status = '已答复';
    life.step(5);
    if (!life.past() || rng.chance(0.2)) break;
    if (rate(life, r, round) === '不满意') continue;
    life.step(4);
    if (!life.past() || rng.chance(0.1)) break;
    status = '已办结';
    doc.closedAt = life.at();
    life.timeline.push({
      at: life.at(),
      action: 'closed',
      by: life.office.userid,
      byName: life.office.name,
      origin: `${life.origin}-z`,
    });
    break;
  }
  doc.rounds = rounds;
  return status;
}

function assign(life: Life, round: number): Entry {
  const { rng, doc } = life;
  const unit = round === 1 ? rng.pick(UNITS) : (doc.unit as string);
  const assignedAt = life.at();
  const deadline = new Date(assignedAt.getTime() + 21 * DAY);
  Object.assign(doc, { status: '已交办', round, unit, deadline, assignedAt });
  const by = round === 1 ? life.office : life.filer;
  life.timeline.push({
    at: assignedAt,
    action: round === 1 ? 'assigned' : 'reopened',
    by: by.userid,
    byName: by.name,
    round,
    unit,
    deadline,
    origin: `${life.origin}-a${round}`,
  });
  return { round, unit, deadline, assignedAt };
}

function answer(life: Life, r: Entry, round: number): void {
  const text = `${String(r.unit)}已研究办理：已安排专人落实，预计近期完成。`;
  Object.assign(r, { answer: text, answeredAt: life.at() });
  Object.assign(life.doc, { answer: text, answeredAt: life.at() });
  life.timeline.push({
    at: life.at(),
    action: 'answered',
    by: life.office.userid,
    byName: life.office.name,
    round,
    note: text,
    origin: `${life.origin}-r${round}`,
  });
}

function rate(life: Life, r: Entry, round: number): string {
  const { rng } = life;
  const rating = round === 2 || rng.chance(0.85) ? (rng.chance(0.7) ? '满意' : '基本满意') : '不满意';
  Object.assign(r, { rating, ratedAt: life.at() });
  Object.assign(life.doc, { rating, ratedRound: round, ratedAt: life.at() });
  life.timeline.push({
    at: life.at(),
    action: 'rated',
    by: life.filer.userid,
    byName: life.filer.name,
    round,
    rating,
    origin: `${life.origin}-s${round}`,
  });
  return rating;
}
