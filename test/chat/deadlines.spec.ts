import type { Command } from '../../src/commands/types';
import { streamIdOf } from '../../src/wecom/callback';
import { eventually, gate } from '../helpers/eventually';
import { type Harness, createHarness } from '../helpers/harness';

// WeCom gives a passive reply about 5 s. A command slower than the deadline gets a placeholder in
// time, and its reply follows: on the stream refresh, through response_url, or as an app message.

const BOT_DEADLINE_MS = 150;
const APP_DEADLINE_MS = 250;

let slow = gate();
const slowCommand: Command = {
  name: '慢查询',
  role: 'deputy',
  summary: 'test only: waits until the test opens the gate',
  example: '慢查询',
  run: async () => {
    await slow.wait;
    return '**慢查询的结果**：共 20000 条';
  },
};

// The same, marked readOnly: run before any inbox record, recorded only once it misses the deadline.
const slowRead: Command = {
  ...slowCommand,
  name: '慢读',
  example: '慢读',
  readOnly: true,
  run: async () => {
    await slow.wait;
    return '**慢读的结果**：共 300 条';
  },
};

function harness(tag: string, env: Record<string, string> = {}) {
  return createHarness(tag, {
    env,
    tunables: { inbound: { botDeadlineMs: BOT_DEADLINE_MS, appDeadlineMs: APP_DEADLINE_MS } },
    extraCommands: [slowCommand, slowRead],
  });
}

describe('with app messages configured', () => {
  let h: Harness;
  /** Refreshes the stream as WeCom does until it finishes. */
  const finished = (streamId: string) =>
    eventually(async () => {
      const r = await h.pollStream(streamId);
      return r.finish ? r : undefined;
    }, 'the stream finishes');
  beforeAll(async () => {
    h = await harness('deadlines', { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' });
    await h.addDeputy('zhangsan', '张三');
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    slow = gate();
  });

  it('smart bot: an unfinished stream within the deadline, the finished text on refresh', async () => {
    const started = Date.now();
    const first = await h.sayStream('zhangsan', '慢查询', { msgid: 'slow-bot-1' });
    const tookMs = Date.now() - started;
    expect(first).toMatchObject({
      status: 200,
      finish: false,
      content: '正在处理…',
      streamId: streamIdOf('bot:slow-bot-1'),
    });
    // Answered at the deadline, well inside WeCom's 5 s.
    expect(tookMs).toBeGreaterThanOrEqual(BOT_DEADLINE_MS - 5);
    expect(tookMs).toBeLessThan(3_000);

    expect(await h.pollStream(first.streamId)).toMatchObject({ finish: false, content: '正在处理…' });
    slow.open();
    const done = await finished(first.streamId);
    expect(done.content).toBe('**慢查询的结果**：共 20000 条');
    // The miss is counted where the operator watches: GET /metrics.
    const metrics = (await h.request.get('/metrics')).text;
    expect(metrics).toMatch(/deputy_bot_replies_missed_deadline_total\{transport="smart-bot"\} 1\b/);
    // A redelivery of the same message gets the same finished reply, and nothing is pushed.
    expect(await h.sayStream('zhangsan', '慢查询', { msgid: 'slow-bot-1' })).toMatchObject({
      finish: true,
      content: '**慢查询的结果**：共 20000 条',
    });
    await h.drain();
    expect(h.wecom.pushes).toHaveLength(0);
  });

  it('smart bot: a reply ready after the stream window goes to response_url', async () => {
    h.wecom.clear();
    const first = await h.sayStream('zhangsan', '慢查询', {
      msgid: 'slow-bot-2',
      responseUrl: `${h.fakeBaseUrl}/response/r-slow-2`,
    });
    expect(first.finish).toBe(false);
    h.clock.advance(6 * 60_000);
    slow.open();
    await eventually(
      async () => (await h.models.InboundMessage.findById('bot:slow-bot-2').lean())?.status === 'done',
      'the reply is stored',
    );
    await h.drain();
    const posted = h.wecom.pushes.filter((p) => p.channel === 'response_url');
    expect(posted.map((p) => [p.key, p.content])).toEqual([['r-slow-2', '**慢查询的结果**：共 20000 条']]);
  });

  it.each([
    ['a command', '慢查询', '880001', '慢查询的结果：共 20000 条'],
    ['a read-only command (recorded at the deadline)', '慢读', '880003', '慢读的结果：共 300 条'],
  ])(
    'app: %s gets an empty 200 within the deadline, then the reply as an app message',
    async (_, text, msgid, reply) => {
      h.wecom.clear();
      const started = Date.now();
      const res = await h.sayRaw('zhangsan', text, { mode: 'app', msgid });
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      slow.open();
      await eventually(
        async () => (await h.models.InboundMessage.findById(`app:${msgid}`).lean())?.status === 'done',
        'the reply is stored',
      );
      await h.drain();
      const app = h.wecom.pushes.filter((p) => p.channel === 'app');
      expect(app.map((p) => [p.touser, p.content])).toEqual([[['zhangsan'], reply]]);
    },
  );

  it('a command that finishes in time is answered passively, as before', async () => {
    expect(await h.say('zhangsan', '帮助')).toContain('可以使用以下命令');
  });

  it('a read-only command answered in time leaves no inbox record; a redelivery simply runs it again', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await h.sayStream('zhangsan', '帮助', { msgid: 'fast-read-1' });
      expect(r).toMatchObject({ finish: true });
      expect(r.content).toContain('可以使用以下命令');
    }
    expect(await h.models.InboundMessage.findById('bot:fast-read-1').lean()).toBeNull();
  });

  it('smart bot: a slow read-only command is recorded at the deadline and finishes on refresh', async () => {
    h.wecom.clear();
    const first = await h.sayStream('zhangsan', '慢读', { msgid: 'slow-read-1' });
    expect(first).toMatchObject({ finish: false, content: '正在处理…', streamId: streamIdOf('bot:slow-read-1') });
    expect(await h.models.InboundMessage.findById('bot:slow-read-1').lean()).toMatchObject({ status: 'processing' });
    expect(await h.pollStream(first.streamId)).toMatchObject({ finish: false, content: '正在处理…' });
    slow.open();
    const done = await finished(first.streamId);
    expect(done.content).toBe('**慢读的结果**：共 300 条');
    await h.drain();
    expect(h.wecom.pushes).toHaveLength(0);
  });
});

describe('without app messages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('deadlines_noapp');
    await h.addDeputy('zhangsan', '张三');
  });
  afterAll(async () => h.close());

  it('app: says plainly in the log why a late reply cannot be delivered', async () => {
    slow = gate();
    const res = await h.sayRaw('zhangsan', '慢查询', { mode: 'app', msgid: '880002' });
    expect(res.status).toBe(200);
    slow.open();
    const line = await eventually(() => h.logLines.find((l) => l.includes('late reply not delivered')), 'the log line');
    expect(JSON.parse(line)).toMatchObject({ msgId: 'app:880002', via: 'app' });
    expect(line).toContain('WECOM_CORP_SECRET');
    expect(await h.models.OutboxItem.countDocuments({})).toBe(0);
  });
});
