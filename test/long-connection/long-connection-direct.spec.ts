import { ManualClock, ManualTimers } from '../helpers/clocks';
import type { CommandStartedEvent } from 'mongodb';
import { type BotFrame, longConnectionEnv, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

const isFinished = (f: BotFrame) => (f.body?.stream as { finish?: boolean } | undefined)?.finish === true;
const contentOf = (f: BotFrame) => (f.body?.markdown as { content: string }).content;

/** Personal notices over the long connection: one-to-one where the person has written to the bot, else in the group. */
describe('personal notices as one-to-one messages over the long connection', () => {
  let ws: Fake;
  let h: Harness;
  let timers: ManualTimers;
  // Writes to bot_chats that record a one-to-one conversation, by person.
  const recordWrites: string[] = [];

  async function ask(body: Record<string, unknown>): Promise<string> {
    const from = ws.fake.frames.length;
    const id = ws.fake.sendMessage(body);
    const f = await ws.fake.waitFor(
      (x) => x.cmd === 'aibot_respond_msg' && x.headers.req_id === id && isFinished(x),
      from,
    );
    return (f.body?.stream as { content: string }).content;
  }

  /** The aibot_send_msg frames sent since `from`. */
  const sends = (from: number) => ws.fake.frames.slice(from).filter((f) => f.cmd === 'aibot_send_msg');
  /** Queues a personal notice and sends the outbox; returns how many went out and what the socket carried. */
  async function notice(key: string, userids: string[], markdown: string) {
    const from = ws.fake.frames.length;
    await h.services.notify.toUsers(key, userids, markdown);
    const { sent } = await h.drain();
    return { sent, out: sends(from).map((f) => [f.body?.chatid, f.body?.chat_type, contentOf(f)]) };
  }
  const known = (userid: string) => async () => (await h.models.BotChat.exists({ _id: `single:${userid}` })) !== null;

  beforeAll(async () => {
    ws = await startFakeWecomWs();
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    timers = new ManualTimers(clock);
    // No webhook key: group pushes go over the long connection; the callback keys stay, so both transports serve.
    h = await createHarness('lcdirect', {
      clock,
      env: { ...longConnectionEnv(ws), WECOM_WEBHOOK_KEY: '' },
      compose: { timers, instanceId: 'direct-a' },
    });
    const deputies: Array<[string, string]> = [
      ['d1', '张三'],
      ['d2', '李四'],
      ['d3', '王五'],
      ['d4', '赵六'],
    ];
    for (const [id, name] of deputies) await h.addDeputy(id, name);
    await h.addDeputy('office1', '陈主任', { isOffice: true });
    h.db.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
      const cmd = e.command as { update?: string; updates?: Array<{ q: { _id?: unknown } }> };
      if (e.commandName !== 'update' || cmd.update !== 'bot_chats') return;
      for (const u of cmd.updates ?? []) if (String(u.q._id).startsWith('single:')) recordWrites.push(String(u.q._id));
    });
    h.longConnection?.start();
    await until(() => h.longConnection?.health().link?.state === 'up', 'subscribed');
    // The group is heard from, and the office makes it the push group.
    await ask(messageBody({ userid: 'd3', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 帮助' }));
    await ask(
      messageBody({ userid: 'office1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 设为代表群' }),
    );
  });

  afterAll(async () => {
    await h.close();
    await ws.close();
  });

  it('records a one-to-one conversation once per person, from either transport, and none from the group or the app', async () => {
    for (const text of ['帮助 全部', '我的建议', '活动'])
      expect(await ask(messageBody({ userid: 'd1', text }))).not.toBe('');
    expect(await h.say('d2', '帮助 全部', { chattype: 'single' })).toContain('李四');
    expect(await h.say('d2', '我的建议', { chattype: 'single' })).not.toBe('');
    await ask(messageBody({ userid: 'd3', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 活动' }));
    await h.say('d4', '帮助', { mode: 'app' });
    await until(known('d1'), 'd1 recorded');
    await until(known('d2'), 'd2 recorded');
    expect(await known('d3')()).toBe(false);
    expect(await known('d4')()).toBe(false);
    expect(recordWrites.sort()).toEqual(['single:d1', 'single:d2']);
    expect(await h.models.BotChat.findById('single:d1').lean()).toMatchObject({ chatid: 'd1', learnedFrom: 'd1' });
  });

  it('sends a notice to someone who has written one-to-one as aibot_send_msg with chat_type 1 and chatid = userid', async () => {
    const from = ws.fake.frames.length;
    expect(await notice('test:direct:1', ['d1'], '**意见** 已交办')).toEqual({
      sent: 1,
      out: [['d1', 1, '**意见** 已交办']],
    });
    expect(sends(from)[0]?.body).toEqual({
      chatid: 'd1',
      chat_type: 1,
      msgtype: 'markdown',
      markdown: { content: '**意见** 已交办' },
    });
  });

  it('tells someone who has not written one-to-one by @-mention in the group, as before', async () => {
    expect(await notice('test:direct:2', ['d3'], '**提醒** 明天开会')).toEqual({
      sent: 1,
      out: [['wr-deputies', 2, '<@d3>\n**提醒** 明天开会']],
    });
  });

  it('splits a mixed list: privately to those with a conversation, one group push naming just the others', async () => {
    const { sent, out } = await notice('test:direct:3', ['d3', 'd1', 'd4', 'd2', 'd1'], '**通知** 材料已上传');
    expect(sent).toBe(3);
    expect(out).toHaveLength(3);
    expect(out).toEqual(
      expect.arrayContaining([
        ['d1', 1, '**通知** 材料已上传'],
        ['d2', 1, '**通知** 材料已上传'],
        ['wr-deputies', 2, '<@d3> <@d4>\n**通知** 材料已上传'],
      ]),
    );
  });

  it('tells the filer privately when the office hands an opinion over (a real command)', async () => {
    const filed = await ask(
      messageBody({ userid: 'd1', text: '建议 村口路灯坏了三个月，晚上出行很不方便，请尽快维修' }),
    );
    const code = /YJ\d{4}-\d{3}/.exec(filed)?.[0] ?? '';
    expect(code).not.toBe('');
    await h.drain();
    const from = ws.fake.frames.length;
    expect(await ask(messageBody({ userid: 'office1', text: `交办 ${code} 单位：交通运输局` }))).toContain('已交办');
    await h.drain();
    const toFiler = sends(from).filter((f) => f.body?.chatid === 'd1');
    expect(toFiler).toHaveLength(1);
    expect(toFiler[0]?.body?.chat_type).toBe(1);
    expect(contentOf(toFiler[0] as BotFrame)).toContain(code);
    expect(sends(from).some((f) => f.body?.chat_type === 2 && contentOf(f).includes('<@d1>'))).toBe(false);
  });

  it('sends a retried or repeated notice once', async () => {
    const from = ws.fake.frames.length;
    ws.fake.refuseSendTo.set('d2', { errcode: -1, errmsg: 'system busy' });
    await h.services.notify.toUsers('test:direct:4', ['d2'], '**回执** 请确认');
    const first = await h.drain();
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    ws.fake.refuseSendTo.delete('d2');
    // The same notice again (a job's re-run) stores nothing new.
    await h.services.notify.toUsers('test:direct:4', ['d2'], '**回执** 请确认');
    timers.advance(5_000);
    expect((await h.drain()).sent).toBe(1);
    await h.services.notify.toUsers('test:direct:4', ['d2'], '**回执** 请确认');
    timers.advance(60_000);
    expect((await h.drain()).sent).toBe(0);
    const tries = sends(from);
    expect(tries.map((f) => [f.body?.chatid, f.body?.chat_type])).toEqual([
      ['d2', 1],
      ['d2', 1],
    ]);
    expect(await h.models.OutboxItem.countDocuments({ key: /^test:direct:4/ })).toBe(1);
    expect(await h.models.OutboxItem.findOne({ key: 'test:direct:4:direct:d2' }).lean()).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('falls back to the group @-mention when WeCom refuses the one-to-one send, and logs the errcode', async () => {
    ws.fake.refuseSendTo.set('d1', { errcode: 40003, errmsg: 'invalid chatid' });
    const { sent, out } = await notice('test:direct:5', ['d1', 'd2'], '**意见** 已答复').finally(() =>
      ws.fake.refuseSendTo.delete('d1'),
    );
    expect(sent).toBe(2);
    expect(out).toHaveLength(3);
    expect(out).toEqual(
      expect.arrayContaining([
        ['d1', 1, '**意见** 已答复'],
        ['d2', 1, '**意见** 已答复'],
        ['wr-deputies', 2, '<@d1>\n**意见** 已答复'],
      ]),
    );
    const refused = await h.models.OutboxItem.findOne({ key: 'test:direct:5:direct:d1' }).lean();
    expect(refused).toMatchObject({ status: 'dead', discardedBy: 'group-fallback' });
    expect(refused?.lastError).toContain('40003');
    expect((await h.models.OutboxItem.findOne({ key: 'test:direct:5:direct:d1:group' }).lean())?.status).toBe('sent');
    expect(h.logLines.some((l) => l.includes('"errcode":40003') && l.includes('@-mention'))).toBe(true);
    // A refused message that fell back is not a failure for the office to see.
    expect(await h.services.outboxHealth.counts()).toMatchObject({ failed: 0 });
  });

  it('keeps one-to-one sends within 30 a minute per conversation, replies included, without holding back others', async () => {
    timers.advance(60_000 - (h.clock.now().getTime() % 60_000));
    await ask(messageBody({ userid: 'd1', text: '帮助 全部' }));
    for (let i = 0; i < 31; i++) await h.services.notify.toUsers(`test:burst:${i}`, ['d1'], `第${i}条`);
    await h.services.notify.toUsers('test:burst:other', ['d2'], '另一位');
    const from = ws.fake.frames.length;
    const r = await h.drain();
    expect(r.sent).toBe(30);
    expect(sends(from).filter((f) => f.body?.chatid === 'd1')).toHaveLength(29);
    expect(sends(from).filter((f) => f.body?.chatid === 'd2')).toHaveLength(1);
    timers.advance(60_000);
    expect((await h.drain()).sent).toBe(2);
  });

  it('falls back to the group @-mention when a one-to-one message runs out of attempts', async () => {
    ws.fake.refuseSendTo.set('d2', { errcode: -1, errmsg: 'system busy' });
    const from = ws.fake.frames.length;
    await h.services.notify.toUsers('test:direct:6', ['d2'], '**提醒** 第六条');
    try {
      // Each retry after its backoff (at most 30 minutes); the clock moves without firing the heartbeat.
      for (let i = 0; i < 8; i++) {
        await h.drain();
        h.clock.set(new Date(h.clock.now().getTime() + 30 * 60_000));
      }
    } finally {
      ws.fake.refuseSendTo.delete('d2');
    }
    const out = sends(from).map((f) => [f.body?.chatid, f.body?.chat_type, contentOf(f)]);
    expect(out).toEqual([
      ...Array.from({ length: 8 }, () => ['d2', 1, '**提醒** 第六条']),
      ['wr-deputies', 2, '<@d2>\n**提醒** 第六条'],
    ]);
    expect(await h.models.OutboxItem.findOne({ key: 'test:direct:6:direct:d2' }).lean()).toMatchObject({
      status: 'dead',
      discardedBy: 'group-fallback',
      attempts: 8,
    });
  });
});

describe('personal notices in callback mode (a group webhook key)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness('lcdirect_cb');
    await h.addDeputy('d1', '张三');
  });
  afterAll(async () => h.close());

  it('records no conversation and still @-mentions in the group through the webhook', async () => {
    expect(await h.say('d1', '帮助 全部', { chattype: 'single' })).toContain('张三');
    await h.services.notify.toUsers('test:cb:1', ['d1'], '**意见** 已交办');
    await h.drain();
    expect(await h.models.BotChat.countDocuments({})).toBe(0);
    const pushes = h.wecom.groupPushes();
    expect(pushes).toHaveLength(1);
    expect(JSON.stringify(pushes[0])).toContain('<@d1>');
  });
});
