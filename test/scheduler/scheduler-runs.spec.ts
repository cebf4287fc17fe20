import { type Composed, composeApp } from '../../src/compose';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { createScheduler } from '../../src/scheduler/scheduler';
import type { Job } from '../../src/scheduler/types';
import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
let second: Composed;
const silent = createLogger({ level: 'silent' });

// One database for the file: each test uses a job name of its own, so their slots never meet.
beforeAll(async () => {
  // Monday 2026-11-23 08:00 Beijing.
  h = await createHarness('scheduler', { now: '2026-11-23T08:00:00+08:00' });
  // Another bot instance on the same database (as with two replicas behind a load balancer).
  second = await composeApp({ config: h.config, connection: h.db.connection, log: silent, clock: h.clock });
});
afterAll(async () => {
  await second.stop();
  await h.close();
});

const at = (beijing: string) => new Date(`${beijing}+08:00`);

/** A weekly job that posts once per slot and counts how often its body really ran. */
function pingJob(name: string, o: { graceMs?: number; failTimes?: number; hold?: Promise<void> } = {}) {
  const state = { runs: 0, failures: o.failTimes ?? 0 };
  const job: Job = {
    name,
    schedule: '0 9 * * 1',
    graceMs: o.graceMs ?? 3 * 3600_000,
    enabled: true,
    async run({ slot, services }) {
      state.runs += 1;
      if (state.failures > 0) {
        state.failures -= 1;
        throw new Error('unit service unavailable');
      }
      await o.hold;
      await services.notify.toGroup(`test:${slot.key}`, `ping ${slot.key}`);
      return { counts: { sent: 1 } };
    },
  };
  return { job, state };
}

function twoSchedulers(job: Job) {
  const a = createScheduler({ jobs: [job], services: h.services, clock: h.clock, log: silent, config: h.config });
  const b = createScheduler({ jobs: [job], services: second.services, clock: h.clock, log: silent, config: h.config });
  return [a, b] as const;
}

const pings = (name: string) => h.groupTexts().filter((t) => t.startsWith(`ping ${name}:`));

it('runs a slot exactly once when two instances tick at the same moment', async () => {
  const { job, state } = pingJob('race');
  const [a, b] = twoSchedulers(job);
  for (const day of ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']) {
    h.clock.set(at(`${day}T09:00:00`));
    const reports = (await Promise.all([a.tick(h.clock.now()), b.tick(h.clock.now()), a.tick(h.clock.now())])).flat();
    expect(reports.filter((r) => r.outcome === 'succeeded')).toHaveLength(1);
  }
  await h.drain();
  expect(state.runs).toBe(4);
  expect(pings('race')).toEqual([
    'ping race:2026-11-23T09:00',
    'ping race:2026-11-30T09:00',
    'ping race:2026-12-07T09:00',
    'ping race:2026-12-14T09:00',
  ]);
  const runs = await h.models.JobRun.find({ job: 'race' }).lean();
  expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
});

it('catches up a slot missed while the bot was down, inside the grace window only', async () => {
  const { job, state } = pingJob('late', { graceMs: 3 * 3600_000 });
  // Started at 11:59 (2 h 59 min late): runs the 09:00 slot once.
  h.clock.set(at('2026-11-23T11:59:00'));
  const [a, b] = twoSchedulers(job);
  expect(await a.tick(h.clock.now())).toEqual([{ job: 'late', slot: 'late:2026-11-23T09:00', outcome: 'succeeded' }]);
  expect(await b.tick(h.clock.now())).toEqual([{ job: 'late', slot: 'late:2026-11-23T09:00', outcome: 'done' }]);

  // Down again over the next Monday until 12:01: too late, recorded as skipped, not run.
  h.clock.set(at('2026-11-30T12:01:00'));
  const fresh = createScheduler({ jobs: [job], services: h.services, clock: h.clock, log: silent, config: h.config });
  expect(await fresh.tick(h.clock.now())).toEqual([
    { job: 'late', slot: 'late:2026-11-30T09:00', outcome: 'skipped_late' },
  ]);
  expect(await fresh.tick(h.clock.now())).toEqual([]);
  await h.drain();
  expect(state.runs).toBe(1);
  expect(pings('late')).toEqual(['ping late:2026-11-23T09:00']);
  expect(await h.models.JobRun.findOne({ slot: 'late:2026-11-30T09:00' }).lean()).toMatchObject({
    status: 'skipped',
    note: 'late',
  });
});

it('a crash between claim and send is resumed by a later tick, without a double post', async () => {
  const { job, state } = pingJob('crash');
  h.clock.set(at('2026-11-23T09:00:00'));
  // The crashed instance claimed the slot and got as far as queueing its push, then died.
  await h.services.jobRuns.claim({
    job: 'crash',
    slot: 'crash:2026-11-23T09:00',
    slotAt: h.clock.now(),
    now: h.clock.now(),
    owner: 'crashed',
  });
  await h.services.notify.toGroup('test:crash:2026-11-23T09:00', 'ping crash:2026-11-23T09:00');
  await h.drain();

  const [a, b] = twoSchedulers(job);
  h.clock.set(at('2026-11-23T09:05:00'));
  expect(await a.tick(h.clock.now())).toEqual([{ job: 'crash', slot: 'crash:2026-11-23T09:00', outcome: 'busy' }]);
  expect(state.runs).toBe(0);
  // Ten minutes on, the claim is presumed dead: exactly one instance takes it over and re-runs it.
  h.clock.set(at('2026-11-23T09:10:00'));
  const reports = (await Promise.all([a.tick(h.clock.now()), b.tick(h.clock.now())])).flat();
  // The other instance finds the slot still running, or already done if it looked a moment later.
  const outcomes = reports.map((r) => r.outcome).sort();
  expect([
    ['busy', 'succeeded'],
    ['done', 'succeeded'],
  ]).toContainEqual(outcomes);
  await h.drain();
  expect(state.runs).toBe(1);
  expect(pings('crash')).toHaveLength(1);
  expect(await h.models.JobRun.findOne({ slot: 'crash:2026-11-23T09:00' }).lean()).toMatchObject({
    status: 'succeeded',
    attempts: 2,
  });
});

it('records a failure, retries it within the grace window, and gives up after the attempt limit', async () => {
  const flaky = pingJob('flaky', { failTimes: 1 });
  h.clock.set(at('2026-11-23T09:00:00'));
  const lines: string[] = [];
  const log = createLogger({
    level: 'info',
    destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
  });
  const s = createScheduler({ jobs: [flaky.job], services: h.services, clock: h.clock, log, config: h.config });
  expect((await s.tick(h.clock.now()))[0]!.outcome).toBe('failed');
  expect(await h.models.JobRun.findOne({ slot: 'flaky:2026-11-23T09:00' }).lean()).toMatchObject({
    status: 'failed',
    error: 'Error: unit service unavailable',
  });
  expect(lines.join('\n')).toMatch(/"job":"flaky","slot":"flaky:2026-11-23T09:00","attempt":1.*job run failed/);
  // Retried after the retry delay, on a later tick.
  h.clock.set(at('2026-11-23T09:00:30'));
  expect((await s.tick(h.clock.now()))[0]!.outcome).toBe('waiting');
  h.clock.set(at('2026-11-23T09:01:00'));
  expect((await s.tick(h.clock.now()))[0]!.outcome).toBe('succeeded');
  await h.drain();
  expect(pings('flaky')).toHaveLength(1);

  const broken = pingJob('broken', { failTimes: 99 });
  const s2 = createScheduler({
    jobs: [broken.job],
    services: h.services,
    clock: h.clock,
    log: silent,
    config: h.config,
  });
  for (const minute of ['09:00', '09:02', '09:04', '09:06', '09:08']) {
    h.clock.set(at(`2026-11-30T${minute}:00`));
    await s2.tick(h.clock.now());
  }
  expect(broken.state.runs).toBe(3);
  expect(await h.models.JobRun.findOne({ slot: 'broken:2026-11-30T09:00' }).lean()).toMatchObject({
    status: 'failed',
    attempts: 3,
  });
});

it('does not run one job twice at once inside one instance', async () => {
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const { job, state } = pingJob('hold', { hold });
  h.clock.set(at('2026-11-23T09:00:00'));
  const s = createScheduler({ jobs: [job], services: h.services, clock: h.clock, log: silent, config: h.config });
  const first = s.tick(h.clock.now());
  await new Promise((r) => setImmediate(r));
  h.clock.set(at('2026-11-23T09:01:00'));
  expect(await s.tick(h.clock.now())).toEqual([{ job: 'hold', slot: 'hold:2026-11-23T09:00', outcome: 'busy' }]);
  release();
  expect((await first)[0]!.outcome).toBe('succeeded');
  expect(state.runs).toBe(1);
});

it('refuses a bad schedule at start-up, naming the job', () => {
  const { job } = pingJob('bad');
  expect(() =>
    createScheduler({
      jobs: [{ ...job, schedule: '0 25 * * 1' }],
      services: h.services,
      clock: h.clock,
      log: silent,
      config: h.config,
    }),
  ).toThrow(/job "bad": cron "0 25 \* \* 1": hour "25"/);
  expect(() =>
    createScheduler({ jobs: [job, job], services: h.services, clock: h.clock, log: silent, config: h.config }),
  ).toThrow(/defined twice/);
});
