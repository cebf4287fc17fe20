import { ManualClock, ManualTimers } from '../helpers/clocks';
import { messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

/** Two bot instances on one database: exactly one holds the long connection. */
interface Instance {
  h: Harness;
  timers: ManualTimers;
  lc: NonNullable<Harness['longConnection']>;
  id: string;
}

/** Two bot instances on one database: exactly one holds the long connection. */
describe('the long connection across instances (lease in MongoDB)', () => {
  let ws: Fake;
  let clock: ManualClock;
  const instances: Instance[] = [];

  async function instance(id: string): Promise<Instance> {
    const timers = new ManualTimers(clock);
    const h = await createHarness('lease', {
      clock,
      db: instances[0]?.h.db,
      env: { WECOM_BOT_ID: ws.botId, WECOM_BOT_SECRET: ws.secret, WECOM_WS_URL: ws.url, WECOM_WEBHOOK_KEY: '' },
      compose: { timers, instanceId: id },
    });
    const x = { h, timers, lc: h.longConnection!, id };
    instances.push(x);
    return x;
  }

  const holderId = async () => (await instances[0]!.h.models.ConnectionLease.findById(ws.botId).lean())?.holder;

  /** Lets `who`'s lease rounds run for up to a minute, 10 s at a time; returns how long it took to hold. */
  async function runUntilHolding(who: Instance): Promise<number> {
    const from = clock.now().getTime();
    for (let i = 0; i < 6 && !who.lc.health().holder; i++) {
      who.timers.advance(10_000);
      // The round the timer queued reads the database; wait for it like the next round would.
      await who.lc.tick();
    }
    return clock.now().getTime() - from;
  }

  beforeAll(async () => {
    ws = await startFakeWecomWs();
    clock = new ManualClock('2026-11-22T10:00:00+08:00');
  });

  afterAll(async () => {
    // The first instance owns the database: close the others first.
    for (const x of [...instances].reverse()) await x.h.close();
    await ws.close();
  });

  let holder: Instance;
  let standby: Instance;

  it('starts two instances at once: one holds and connects, the other keeps serving HTTP and the outbox', async () => {
    const a = await instance('A');
    const b = await instance('B');
    await a.h.addDeputy('d1', '张三');
    a.lc.start();
    b.lc.start();
    await until(() => [a, b].some((x) => x.lc.health().link?.state === 'up'), 'one up');
    await a.lc.tick();
    await b.lc.tick();
    const holders = [a, b].filter((x) => x.lc.health().holder);
    expect(holders).toHaveLength(1);
    holder = holders[0]!;
    standby = holder === a ? b : a;
    expect(ws.fake.connections).toBe(1);
    expect(ws.fake.framesOf('aibot_subscribe')).toHaveLength(1);
    expect(standby.lc.health()).toEqual({ holder: false, instanceId: standby.id, link: undefined });
    expect(await holderId()).toBe(holder.id);

    // The standby still answers the HTTP callback and runs the outbox, but leaves aibot pushes to the holder.
    expect(await standby.h.say('d1', '帮助 全部', { chattype: 'single' })).toContain('建议');
    const from = ws.fake.frames.length;
    const id = ws.fake.sendMessage(
      messageBody({ userid: 'd1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 帮助' }),
    );
    await ws.fake.waitFor((f) => f.headers.req_id === id && f.cmd === 'aibot_respond_msg', from);
    // Chosen through one instance (the console's 系统 page), read by the holder.
    expect(await standby.h.services.pushGroup.choose('wr-deputies', 'office1', { fromGroup: false })).toMatchObject({
      ok: true,
    });
    await standby.h.services.notify.toGroup('lease:push:1', '只由持有连接的实例发送');
    expect((await standby.h.drain()).sent).toBe(0);
    expect((await holder.h.drain()).sent).toBe(1);
    await ws.fake.waitFor((f) => f.cmd === 'aibot_send_msg', from);
  });

  it('another instance takes over within a minute when the holder dies without a word', async () => {
    const conns = ws.fake.connections;
    // The holder "dies": its timers never fire again and its socket goes away.
    ws.fake.drop();
    const took = await runUntilHolding(standby);
    expect(standby.lc.health().holder).toBe(true);
    expect(took).toBeLessThanOrEqual(40_000);
    await until(() => standby.lc.health().link?.state === 'up', 'the new holder is up');
    expect(ws.fake.connections).toBe(conns + 1);
    expect(await holderId()).toBe(standby.id);
    [holder, standby] = [standby, holder];
  });

  it('a holder that stops hands the lease back: the next round of another instance takes it', async () => {
    const c = await instance('C');
    c.lc.start();
    await c.lc.tick();
    expect(c.lc.health().holder).toBe(false);
    await holder.lc.stop();
    await ws.fake.waitForClose();
    expect((await instances[0]!.h.models.ConnectionLease.findById(ws.botId).lean())?.state).toBe('stopped');
    const took = await runUntilHolding(c);
    expect(took).toBe(10_000);
    await until(() => c.lc.health().link?.state === 'up', 'C is up');
    expect(await holderId()).toBe('C');
  });
});
