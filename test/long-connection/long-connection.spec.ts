import { ManualClock, ManualTimers } from '../helpers/clocks';
import { streamIdOf } from '../../src/wecom/callback';
import { type BotFrame, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';
import { nextMsgId } from '../helpers/wecom-payloads';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

const isFinished = (f: BotFrame) => (f.body?.stream as { finish?: boolean } | undefined)?.finish === true;
const streamOf = (f: BotFrame) => f.body?.stream as { id: string; finish: boolean; content: string };

describe('the long connection (长连接), end to end', () => {
  let ws: Fake;
  let h: Harness;
  let timers: ManualTimers;

  async function ask(body: Record<string, unknown>, reqId?: string): Promise<BotFrame> {
    const from = ws.fake.frames.length;
    const id = ws.fake.sendMessage(body, reqId);
    return ws.fake.waitFor((f) => f.cmd === 'aibot_respond_msg' && f.headers.req_id === id && isFinished(f), from);
  }

  const state = () => h.longConnection?.health().link?.state;

  beforeAll(async () => {
    ws = await startFakeWecomWs();
    // The clock is shared with the harness; timers fire only when the test advances them.
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    timers = new ManualTimers(clock);
    h = await createHarness('longconn', {
      clock,
      env: { WECOM_BOT_ID: ws.botId, WECOM_BOT_SECRET: ws.secret, WECOM_WS_URL: ws.url, WECOM_WEBHOOK_KEY: '' },
      compose: { timers, instanceId: 'instance-a' },
    });
    await h.addDeputy('d1', '张三');
    await h.addDeputy('office1', '李主任', { isOffice: true });
    h.longConnection?.start();
    await until(() => state() === 'up', 'subscribed');
  });

  afterAll(async () => {
    await h.close();
    await ws.close();
  });

  it('subscribes once with the bot id and secret, and never logs the secret', async () => {
    const subs = ws.fake.framesOf('aibot_subscribe');
    expect(subs).toHaveLength(1);
    expect(subs[0]?.body).toEqual({ bot_id: ws.botId, secret: ws.secret });
    expect(h.logLines.join('')).not.toContain(ws.secret);
    const ready = await h.request.get('/readyz');
    expect(ready.body.longConnection).toMatchObject({ holder: true, instanceId: 'instance-a', link: { state: 'up' } });
    expect(JSON.stringify(ready.body)).not.toContain(ws.secret);
    const metrics = (await h.request.get('/metrics')).text;
    expect(metrics).toMatch(/deputy_bot_long_connection_state\{state="open"\} 1\b/);
    expect(metrics).toMatch(/deputy_bot_long_connection_state\{state="disabled"\} 0\b/);
  });

  it('answers a message on the callback req_id with one finished stream, id derived from the msgid', async () => {
    const msgid = nextMsgId();
    const reply = await ask(messageBody({ msgid, userid: 'd1', text: '帮助 全部' }));
    expect(streamOf(reply).id).toBe(streamIdOf(`bot:${msgid}`));
    expect(streamOf(reply).content).toContain('建议');
    expect(reply.body?.msgtype).toBe('stream');
  });

  it('files once under redelivery and answers each delivery on its own req_id with the stored reply', async () => {
    const body = messageBody({ userid: 'd1', text: '建议 村口路灯坏了三个月，请尽快维修' });
    const first = await ask(body);
    const again = await ask(body);
    expect(again.headers.req_id).not.toBe(first.headers.req_id);
    expect(streamOf(again)).toEqual(streamOf(first));
    expect(streamOf(first).content).toMatch(/YJ2026-\d{3}/);
    expect(await h.models.Opinion.countDocuments({ title: /村口路灯/ })).toBe(1);
  });

  it('welcomes enter_chat with aibot_respond_welcome_msg on the event req_id', async () => {
    const from = ws.fake.frames.length;
    const id = ws.fake.sendEvent('enter_chat', { msgid: nextMsgId(), from: { userid: 'd1' }, chattype: 'single' });
    const frame = await ws.fake.waitFor((f) => f.cmd === 'aibot_respond_welcome_msg', from);
    expect(frame.headers.req_id).toBe(id);
    expect((frame.body?.text as { content: string }).content).toContain('张三');
  });

  it('other media get the "what I understand" line', async () => {
    // Pictures are taken (see photos-long-connection.test.ts); a file is not.
    const reply = await ask(messageBody({ userid: 'd1', msgtype: 'file' }));
    expect(streamOf(reply).content).toContain('只看得懂文字');
  });

  it('records the groups it hears from, chooses none by itself, and takes the one the office names in 任务', async () => {
    await ask(messageBody({ userid: 'd1', chattype: 'group', chatid: 'wr-other', text: '@代表助手 活动' }));
    await ask(messageBody({ userid: 'd1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 活动' }));
    expect(await h.models.BotChat.findById('group').lean()).toBeNull();
    expect(streamOf(await ask(messageBody({ userid: 'office1', text: '任务' }))).content).toContain('代表群：尚未设定');
    const chosen = await ask(
      messageBody({ userid: 'office1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 设为代表群' }),
    );
    expect(streamOf(chosen).content).toContain('已将本群设为代表群');
    const jobs = await ask(messageBody({ userid: 'office1', text: '任务' }));
    expect(streamOf(jobs).content).toContain('长连接');
    expect(streamOf(jobs).content).toMatch(/已连接，自 2026年11月22日.*instance-a/);
    expect(streamOf(jobs).content).toContain('代表群：chatid wr-deputies');
  });

  it('pushes to the group through aibot_send_msg (no webhook key), through the persisted outbox', async () => {
    const from = ws.fake.frames.length;
    await h.services.notify.toGroup('test:push:1', '**公告** 明天上午开会');
    const r = await h.drain();
    expect(r.sent).toBe(1);
    const sent = await ws.fake.waitFor((f) => f.cmd === 'aibot_send_msg', from);
    expect(sent.body).toEqual({
      chatid: 'wr-deputies',
      chat_type: 2,
      msgtype: 'markdown',
      markdown: { content: '**公告** 明天上午开会' },
    });
    expect(h.wecom.groupPushes()).toHaveLength(0);
    expect((await h.models.OutboxItem.findOne({ key: 'test:push:1' }).lean())?.status).toBe('sent');
  });

  it('keeps group pushes within 30 a minute per conversation, replies included, and sends the rest next minute', async () => {
    // A fresh minute: the group had no reply or push in it yet.
    timers.advance(60_000 - (h.clock.now().getTime() % 60_000));
    await ask(messageBody({ userid: 'd1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 会议' }));
    for (let i = 0; i < 31; i++) await h.services.notify.toGroup(`test:burst:${i}`, `第${i}条`);
    const r = await h.drain();
    expect(r.sent).toBe(29);
    expect(r.deferred).toBeGreaterThanOrEqual(1);
    timers.advance(60_000);
    expect((await h.drain()).sent).toBe(2);
  });

  it('pings every 30 s; answered pings keep the connection', async () => {
    const pings = ws.fake.framesOf('ping').length;
    timers.advance(30_000);
    await until(() => ws.fake.framesOf('ping').length === pings + 1, 'a ping');
    timers.advance(30_000);
    await until(() => ws.fake.framesOf('ping').length === pings + 2, 'a second ping');
    timers.advance(30_000);
    await until(() => ws.fake.framesOf('ping').length === pings + 3, 'a third ping');
    expect(state()).toBe('up');
    expect(ws.fake.connections).toBe(1);
  });

  it('two unanswered pings mean dead: reconnects after 1 s, subscribing once on the new socket', async () => {
    // A round trip first: every acknowledgement the fake sent before it has reached the bot.
    await ask(messageBody({ userid: 'd1', text: '帮助 全部' }));
    ws.fake.answerPings = false;
    const pings = ws.fake.framesOf('ping').length;
    timers.advance(30_000);
    await until(() => ws.fake.framesOf('ping').length === pings + 1, 'ping 1');
    timers.advance(30_000);
    await until(() => ws.fake.framesOf('ping').length === pings + 2, 'ping 2');
    timers.advance(30_000);
    await until(() => state() === 'backoff', 'declared dead');
    expect(h.longConnection?.health().link?.detail).toContain('2 pings unanswered');
    ws.fake.answerPings = true;
    timers.advance(999);
    expect(ws.fake.connections).toBe(1);
    timers.advance(1);
    await until(() => state() === 'up', 'up again');
    expect(ws.fake.connections).toBe(2);
    expect(ws.fake.framesOf('aibot_subscribe').filter((f) => f.conn === 2)).toHaveLength(1);
  });

  it('backs off 1 s doubling to 30 s while subscribes are refused, and resets once subscribed', async () => {
    ws.fake.refuseSubscribe = true;
    ws.fake.drop();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await until(() => state() === 'backoff' || state() === 'refused', `down ${i}`);
      const link = h.longConnection?.health().link;
      delays.push((link?.retryAt?.getTime() ?? 0) - h.clock.now().getTime());
      const conns = ws.fake.connections;
      timers.advance(delays[i] ?? 0);
      await until(() => ws.fake.connections === conns + 1, `reconnect ${i}`);
      await until(() => state() === 'refused', `refused ${i}`);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(h.longConnection?.health().link?.detail).toContain('40001');
    ws.fake.refuseSubscribe = false;
    const conns = ws.fake.connections;
    timers.advance(30_000);
    await until(() => state() === 'up', 'up after refusals');
    expect(ws.fake.connections).toBe(conns + 1);
    ws.fake.drop();
    await until(() => state() === 'backoff', 'dropped');
    expect((h.longConnection?.health().link?.retryAt?.getTime() ?? 0) - h.clock.now().getTime()).toBe(1_000);
    timers.advance(1_000);
    await until(() => state() === 'up', 'up after the drop');
  });

  it('after disconnected_event stays down, says so in /readyz, 任务 and the log, and never reconnects', async () => {
    const conns = ws.fake.connections;
    ws.fake.kick();
    await until(() => state() === 'kicked', 'kicked');
    // The stored state follows the local one through queued writes (slower on a loaded machine).
    await until(
      async () => (await h.services.link.overview(h.clock.now())).lease?.state === 'kicked',
      'kicked recorded on the lease',
    );
    await ws.fake.waitForClose();
    timers.advance(5 * 60_000);
    expect(ws.fake.connections).toBe(conns);
    const ready = await h.request.get('/readyz');
    expect(ready.body.longConnection.link).toMatchObject({ state: 'kicked' });
    expect(h.logLines.join('')).toContain('not reconnecting');
    // The holder keeps its lease, so no other instance fights for the connection either.
    expect(h.longConnection?.health().holder).toBe(true);
    await h.longConnection?.tick(); // the lease round that runs every 10 s
    const overview = await h.services.link.overview(h.clock.now());
    expect(overview.lease).toMatchObject({ holder: 'instance-a', state: 'kicked', live: true });
    // Both modes run together here: the office asks over the HTTP callback.
    expect(await h.say('office1', '任务', { chattype: 'single' })).toContain('已被另一个连接顶替');
  });
});
