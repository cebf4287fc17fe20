import { composeApp } from '../../src/compose';
import { createLogger } from '../../src/logger';
import { eventually, gate } from '../helpers/eventually';
import { type Harness, createHarness } from '../helpers/harness';

// What the outbox promises: one drain at a time, parts in order, a sliding budget shared by all
// instances, failures that cost no budget unless WeCom counted them.

let h: Harness;

beforeEach(async () => {
  h = await createHarness('outbox_delivery');
  h.clock.set('2026-11-22T10:00:30+08:00');
});
afterEach(async () => h.close());

const notify = () => h.services.notify;
/** A message long enough for three webhook parts (4096 bytes each). */
const line = '各位代表：请于本周五前完成年度履职情况自查，并将材料交到人大办。';
const longText = Array.from({ length: 110 }, (_, i) => `${i + 1}. ${line}`).join('\n');

it('a failed first part holds back the parts after it; they arrive 1, 2, 3', async () => {
  await notify().toGroup('notice-1', longText);
  const parts = await h.models.OutboxItem.find({ group: 'notice-1' }).sort({ seq: 1 }).lean();
  expect(parts).toHaveLength(3);
  h.wecom.failNext(1, { httpStatus: 502 });
  expect(await h.drain()).toMatchObject({ sent: 0, failed: 1, deferred: 2 });
  expect(h.groupTexts()).toEqual([]);
  h.clock.advance(5_000);
  expect(await h.drain()).toMatchObject({ sent: 3 });
  expect(h.groupTexts().join('\n')).toBe(longText);
  expect(h.groupTexts()[0]!.startsWith('1. ')).toBe(true);
});

it('when a part fails for good, the parts after it are dropped, not sent out of context', async () => {
  await notify().toGroup('notice-2', longText);
  h.wecom.failNext(1, { errcode: 93000 });
  await h.drain();
  h.clock.advance(60_000);
  await h.drain();
  expect(h.groupTexts()).toEqual([]);
  const parts = await h.models.OutboxItem.find({ group: 'notice-2' }).sort({ seq: 1 }).lean();
  expect(parts.map((p) => p.status)).toEqual(['dead', 'dead', 'dead']);
  expect(parts[1]!.lastError).toContain('earlier part');
});

it('a send that never reached WeCom gives its budget slot back, and the log says so', async () => {
  for (let i = 0; i < 20; i++) await notify().toGroup(`b-${i}`, `第${i}条`);
  h.wecom.failNext(5, { httpStatus: 502 });
  expect(await h.drain()).toMatchObject({ sent: 15, failed: 5 });
  h.clock.advance(5_000);
  // Still inside the same 60 s: the 5 retries fit because the failed calls cost nothing.
  expect(await h.drain()).toMatchObject({ sent: 5, deferred: 0 });
  expect(new Set(h.groupTexts()).size).toBe(20);

  const warn = h.logLines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'push failed, will retry');
  expect(warn.map((l) => l.budget)).toContain('returned: the call never reached WeCom');
});

it('two instances share one sliding budget: 30 queued, 20 sent within the minute', async () => {
  const second = await composeApp({
    config: h.config,
    connection: h.db.connection,
    log: createLogger({ level: 'silent' }),
    clock: h.clock,
  });
  try {
    for (let i = 0; i < 30; i++) await notify().toGroup(`two-${i}`, `第${i}条`);
    const [a, b] = await Promise.all([h.drain(), second.sender.drainOnce()]);
    expect(a.sent + b.sent).toBe(20);
    expect(h.wecom.arrivals).toHaveLength(20);
    h.clock.advance(59_000);
    const [c, d] = await Promise.all([h.drain(), second.sender.drainOnce()]);
    expect(c.sent + d.sent).toBe(0);
    h.clock.advance(1_500);
    const [e, f] = await Promise.all([h.drain(), second.sender.drainOnce()]);
    expect(e.sent + f.sent).toBe(10);
    expect(new Set(h.groupTexts()).size).toBe(30);
  } finally {
    await second.stop();
  }
});

it('45009 stops every instance for a minute', async () => {
  const second = await composeApp({
    config: h.config,
    connection: h.db.connection,
    log: createLogger({ level: 'silent' }),
    clock: h.clock,
  });
  try {
    await notify().toGroup('limit-a', '甲');
    h.wecom.failNext(1, { errcode: 45009 });
    await h.drain();
    await notify().toGroup('limit-b', '乙');
    h.clock.advance(30_000);
    expect((await second.sender.drainOnce()).sent).toBe(0);
    h.clock.advance(31_500);
    expect((await second.sender.drainOnce()).sent).toBe(2);
    expect(h.groupTexts()).toEqual(['甲', '乙']);
  } finally {
    await second.stop();
  }
});

it('one drain at a time per process: kicks and explicit drains never send two pushes at once', async () => {
  const slow = gate();
  h.wecom.hold = slow.wait;
  for (let i = 0; i < 5; i++) await notify().toGroup(`one-${i}`, `第${i}条`);
  const arrived = new Promise<void>((resolve) => {
    h.wecom.onArrival = () => resolve();
  });
  h.sender.start();
  await arrived;
  for (let i = 0; i < 10; i++) h.sender.kick();
  const explicit = h.drain();
  slow.open();
  h.wecom.hold = undefined;
  await explicit;
  await eventually(async () => (await h.models.OutboxItem.countDocuments({ status: 'sent' })) === 5, 'all five sent');
  expect(h.wecom.maxInFlight).toBe(1);
  expect(h.groupTexts()).toEqual(['第0条', '第1条', '第2条', '第3条', '第4条']);
});
