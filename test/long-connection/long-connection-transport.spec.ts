import { ManualClock, ManualTimers } from '../helpers/clocks';
import { createLogger } from '../../src/logger';
import { t } from '../../src/messages';
import { createModels } from '../../src/models';
import { streamIdOf } from '../../src/wecom/callback';
import type { InboundMessage, Reply } from '../../src/dispatcher/contract';
import { createLongConnection } from '../../src/wecom/long-connection';
import { defaults } from '../../config/defaults';
import { type BotFrame, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import type { TestDatabase } from '../helpers/db';
import { startTransportOnly } from '../helpers/transport-only';
import { nextMsgId } from '../helpers/wecom-payloads';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

/** The transport alone, with a receive function the test controls (the inbox's place). */
describe('long connection replies: deadline, stream ids, byte limits', () => {
  let ws: Fake;
  let db: TestDatabase;
  let timers: ManualTimers;
  let lc: ReturnType<typeof createLongConnection>;
  let handler: (msg: InboundMessage) => Promise<Reply> = async () => null;
  const received: InboundMessage[] = [];

  const streams = (reqId: string) =>
    ws.fake.frames.filter((f) => f.cmd === 'aibot_respond_msg' && f.headers.req_id === reqId);
  const stream = (f: BotFrame) => f.body?.stream as { id: string; finish: boolean; content: string };

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ws, db, timers, lc, close } = await startTransportOnly('lctransport', (msg) => {
      received.push(msg);
      return handler(msg);
    }));
  });

  afterAll(async () => close());

  it('an unreachable server means backoff and retries, not a crash', async () => {
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    const t2 = new ManualTimers(clock);
    const other = createLongConnection({
      config: { botId: 'unreachable-bot', secret: 's', url: 'ws://127.0.0.1:9' },
      models: createModels(db.connection),
      clock,
      timers: t2,
      log: createLogger({ level: 'silent' }),
      tunables: defaults.longConnection,
      streamBytes: defaults.replyLimits.streamBytes,
      receive: async () => null,
      secretTap: () => false,
      instanceId: 'U',
    });
    other.start();
    await until(() => other.health().link?.state === 'backoff', 'backoff');
    expect(other.health().link?.detail).toMatch(/ECONNREFUSED|closed/);
    t2.advance(1_000);
    await until(
      () =>
        other.health().link?.state === 'backoff' &&
        (other.health().link?.retryAt?.getTime() ?? 0) - clock.now().getTime() === 2_000,
      'second backoff',
    );
    await other.stop();
  });

  it('a slow command first gets an unfinished "正在处理…" stream, then the finished content on the same stream id', async () => {
    let finish: (r: Reply) => void = () => undefined;
    handler = () => new Promise((r) => (finish = r));
    const msgid = nextMsgId();
    const reqId = ws.fake.sendMessage(messageBody({ msgid, userid: 'd1', text: '统计' }));
    await until(() => received.some((m) => m.id === `bot:${msgid}`), 'handed to the inbox');
    timers.advance(defaults.longConnection.replyDeadlineMs - 1);
    expect(streams(reqId)).toHaveLength(0);
    timers.advance(1);
    const working = await ws.fake.waitFor((f) => f.headers.req_id === reqId);
    expect(stream(working)).toEqual({ id: streamIdOf(`bot:${msgid}`), finish: false, content: t('longConnWorking') });
    finish({ text: '统计结果' });
    const done = await ws.fake.waitFor((f) => f.headers.req_id === reqId && stream(f).finish);
    expect(stream(done)).toEqual({ id: stream(working).id, finish: true, content: '统计结果' });
    expect(streams(reqId)).toHaveLength(2);
  });

  it('a fast command gets one finished stream and no "正在处理…"', async () => {
    handler = async () => ({ text: '好的' });
    const reqId = ws.fake.sendMessage(messageBody({ userid: 'd1', text: '帮助 全部' }));
    await ws.fake.waitFor((f) => f.headers.req_id === reqId);
    timers.advance(10_000);
    expect(streams(reqId).map((f) => stream(f).finish)).toEqual([true]);
  });

  it('keeps a reply within 20,480 bytes of UTF-8, cut at a line and never inside a character', async () => {
    const line = '代表意见建议办理情况'.repeat(10); // 300 bytes a line
    handler = async () => ({ text: Array.from({ length: 100 }, () => line).join('\n') });
    const reqId = ws.fake.sendMessage(messageBody({ userid: 'd1', text: '督办' }));
    const f = await ws.fake.waitFor((x) => x.headers.req_id === reqId);
    const content = stream(f).content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(20_480);
    expect(Buffer.byteLength(content, 'utf8')).toBeGreaterThan(20_000);
    expect(content.split('\n').every((l) => l === line)).toBe(true);
  });

  it('answers with the generic line when handling fails, and ignores malformed callbacks without dropping the connection', async () => {
    handler = async () => {
      throw new Error('boom');
    };
    const reqId = ws.fake.sendMessage(messageBody({ userid: 'd1', text: '帮助 全部' }));
    const f = await ws.fake.waitFor((x) => x.headers.req_id === reqId);
    expect(stream(f)).toMatchObject({ finish: true, content: t('internalError') });

    handler = async () => ({ text: 'ok' });
    const before = received.length;
    ws.fake.sendMessage({ msgtype: 'text', text: { content: 'no msgid, no sender' } });
    const after = ws.fake.sendMessage(messageBody({ userid: 'd1', text: '帮助 全部' }));
    await ws.fake.waitFor((x) => x.headers.req_id === after);
    expect(received.length).toBe(before + 1);
    expect(lc.health().link?.state).toBe('up');
    expect(ws.fake.connections).toBe(1);
  });
});
