import { ManualClock } from '../helpers/clocks';
import { createModels, ensureIndexes, type Models } from '../../src/models';
import { createFixedWindowBudget, createSlidingBudget, type SlotTaken } from '../../src/services/delivery';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

// The one send budget, in its two kinds, against the real test server: each kind in its own collection,
// and never more slots than the limit, however many instances (budget objects on one database) ask at once.

let db: TestDatabase;
let models: Models;
const clock = new ManualClock('2026-11-02T09:00:10+08:00');

beforeAll(async () => {
  db = await openTestDatabase('send_budget');
  models = createModels(db.connection);
  await ensureIndexes(models);
});
afterAll(async () => db.drop());

const oks = (all: SlotTaken[]) => all.filter((t) => t.ok).length;
const slotOf = (t: SlotTaken) => {
  if (!t.ok) throw new Error(`refused until ${t.freeAt.toISOString()}`);
  return t.slot;
};

describe('a sliding minute (the group robot)', () => {
  const budget = () => createSlidingBudget({ models, name: 'webhook', perMinute: 3 });

  it('two instances asking at once take exactly the limit; the next slot frees a minute after the oldest', async () => {
    const now = clock.now();
    const [a, b] = [budget(), budget()];
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take('group', now)));
    expect(oks(all)).toBe(3);
    const refused = await a.take('group', now);
    expect(refused).toEqual({ ok: false, freeAt: expect.any(Date) });
    if (refused.ok) return;
    expect(refused.freeAt.getTime()).toBeGreaterThan(now.getTime() + 60_000);
    expect(refused.freeAt.getTime()).toBeLessThanOrEqual(now.getTime() + 60_001);
    expect((await a.take('group', refused.freeAt)).ok).toBe(true);
  });

  it('a released slot can be taken again; an exhausted window refuses everyone for a minute', async () => {
    clock.advance(5 * 60_000);
    const b = budget();
    const first = slotOf(await b.take('group', clock.now()));
    await b.take('group', clock.now());
    await b.take('group', clock.now());
    expect((await b.take('group', clock.now())).ok).toBe(false);
    await first.release();
    const again = slotOf(await b.take('group', clock.now()));
    await again.exhaust(clock.now());
    clock.advance(59_000);
    expect((await budget().take('group', clock.now())).ok).toBe(false);
    clock.advance(2_000);
    expect((await budget().take('group', clock.now())).ok).toBe(true);
  });

  it('a counted send uses up a slot', async () => {
    clock.advance(5 * 60_000);
    const b = budget();
    await b.count('group', clock.now());
    await b.count('group', clock.now());
    expect(oks([await b.take('group', clock.now()), await b.take('group', clock.now())])).toBe(1);
  });
});

describe('fixed minute and hour windows per conversation (the smart bot)', () => {
  const budget = () =>
    createFixedWindowBudget({
      models,
      name: 'aibot',
      windows: [
        { label: 'm', spanMs: 60_000, limit: 2 },
        { label: 'h', spanMs: 3_600_000, limit: 3 },
      ],
    });
  const hourStart = new Date('2026-11-02T03:00:00Z');

  it('holds each conversation to its minute and its hour, whatever instance asks; other conversations go on', async () => {
    const [a, b] = [budget(), budget()];
    const all = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).take('chat-1', hourStart)));
    expect(oks(all)).toBe(2);
    const minuteFull = await a.take('chat-1', hourStart);
    expect(minuteFull).toEqual({ ok: false, freeAt: new Date(hourStart.getTime() + 60_000) });
    expect((await a.take('chat-2', hourStart)).ok).toBe(true);

    const nextMinute = new Date(hourStart.getTime() + 60_000);
    expect((await b.take('chat-1', nextMinute)).ok).toBe(true);
    // The hour is full: refused until the next hour, and the minute's slot goes back (nothing was sent).
    expect(await b.take('chat-1', nextMinute)).toEqual({
      ok: false,
      freeAt: new Date(hourStart.getTime() + 3_600_000),
    });
    const minute = await models.RateCount.findById(`aibot:chat-1:m${Math.floor(nextMinute.getTime() / 60_000)}`).lean();
    expect(minute?.count).toBe(1);
  });

  it('a released slot goes back to every window; an exhausted one spends the minute; replies count', async () => {
    const at = new Date(hourStart.getTime() + 3_600_000);
    const b = budget();
    const slot = slotOf(await b.take('chat-3', at));
    await slot.release();
    await b.count('chat-3', at);
    const second = slotOf(await b.take('chat-3', at));
    expect((await b.take('chat-3', at)).ok).toBe(false);
    await second.release();
    expect((await b.take('chat-3', at)).ok).toBe(true);
    // WeCom says over its limit on a fresh conversation: its minute is spent, the next minute is not.
    await slotOf(await b.take('chat-4', at)).exhaust(at);
    expect((await b.take('chat-4', at)).ok).toBe(false);
    const later = new Date(at.getTime() + 60_000);
    expect((await b.take('chat-4', later)).ok).toBe(true);
    expect((await b.take('chat-3', later)).ok).toBe(true);
  });
});

it('each kind keeps its own collection: one name and conversation in both never collide', async () => {
  const now = new Date('2026-11-03T01:00:00Z');
  const sliding = createSlidingBudget({ models, name: 'same', perMinute: 1 });
  const fixed = createFixedWindowBudget({ models, name: 'same', windows: [{ label: 'm', spanMs: 60_000, limit: 1 }] });
  expect((await sliding.take('x', now)).ok).toBe(true);
  expect((await fixed.take('x', now)).ok).toBe(true);
  expect(await models.RateSlots.countDocuments({ _id: /^same:/ })).toBe(1);
  expect(await models.RateCount.countDocuments({ _id: /^same:/ })).toBe(1);
});
