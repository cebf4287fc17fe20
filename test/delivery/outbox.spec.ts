import { composeApp } from '../../src/compose';
import { createLogger } from '../../src/logger';
import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;

beforeEach(async () => {
  h = await createHarness('outbox', { env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' } });
});
afterEach(async () => h.close());

const notify = () => h.services.notify;

it('sends a queued group push once, even when enqueued twice with the same key', async () => {
  await notify().toGroup('k1', '**公告** 明天开会');
  await notify().toGroup('k1', '**公告** 明天开会');
  expect(await h.drain()).toMatchObject({ sent: 1 });
  expect(await h.drain()).toMatchObject({ sent: 0 });
  expect(h.groupTexts()).toEqual(['**公告** 明天开会']);
  expect(h.wecom.groupPushes()[0]!.key).toBe('test-webhook-key-secret');
});

it('retries after WeCom errors with backoff and gives up only on permanent ones', async () => {
  h.wecom.failNext(1, { httpStatus: 502 });
  h.wecom.failNext(1, { errcode: -1 });
  await notify().toGroup('retry-1', '重试的消息');
  expect(await h.drain()).toMatchObject({ sent: 0, failed: 1 });
  // Not due yet: backoff holds it back until the clock moves.
  expect(await h.drain()).toMatchObject({ sent: 0, failed: 0 });
  h.clock.advance(5_000);
  expect(await h.drain()).toMatchObject({ sent: 0, failed: 1 });
  h.clock.advance(10_000);
  expect(await h.drain()).toMatchObject({ sent: 1 });
  const item = await h.models.OutboxItem.findOne({ key: 'retry-1' }).lean();
  expect(item).toMatchObject({ status: 'sent', attempts: 3 });
  expect(h.groupTexts()).toEqual(['重试的消息']);

  h.wecom.failNext(1, { errcode: 93000 });
  await notify().toGroup('dead-1', '无效的 webhook');
  await h.drain();
  expect(await h.models.OutboxItem.findOne({ key: 'dead-1' }).lean()).toMatchObject({ status: 'dead', attempts: 1 });
});

it('keeps to 20 group messages in any 60 seconds: a sliding window, not calendar minutes', async () => {
  h.clock.set('2026-11-22T10:00:30+08:00');
  for (let i = 0; i < 25; i++) await notify().toGroup(`rate-${i}`, `第${i}条`);
  const first = await h.drain();
  expect(first.sent).toBe(20);
  expect(first.deferred).toBe(1);
  // A new calendar minute frees nothing: the 20 went out less than 60 s ago.
  h.clock.set('2026-11-22T10:01:00+08:00');
  expect((await h.drain()).sent).toBe(0);
  h.clock.set('2026-11-22T10:01:30.500+08:00');
  expect((await h.drain()).sent).toBe(5);
  // Sent in the order they were queued.
  expect(h.groupTexts()).toEqual(Array.from({ length: 25 }, (_, i) => `第${i}条`));
});

it('backs off a whole minute when WeCom says 45009 (rate limited), without spending an attempt', async () => {
  h.clock.set('2026-11-22T10:00:30+08:00');
  h.wecom.failNext(1, { errcode: 45009 });
  await notify().toGroup('limited', '被限流的消息');
  await notify().toGroup('limited-2', '第二条');
  expect(await h.drain()).toMatchObject({ sent: 0, failed: 1 });
  h.clock.set('2026-11-22T10:01:02+08:00');
  expect((await h.drain()).sent).toBe(0);
  h.clock.set('2026-11-22T10:01:31+08:00');
  expect((await h.drain()).sent).toBe(2);
  expect(await h.models.OutboxItem.findOne({ key: 'limited' }).lean()).toMatchObject({ status: 'sent', attempts: 1 });
  expect(h.groupTexts()).toEqual(['被限流的消息', '第二条']);
});

it('resumes after a restart, including an item claimed by an instance that died mid-send', async () => {
  await notify().toGroup('restart-1', '重启前排队的消息');
  // Simulate a crash after claiming: the item is left "sending" with a lock.
  await h.models.OutboxItem.updateOne(
    { key: 'restart-1' },
    { $set: { status: 'sending', lockedUntil: new Date(h.clock.now().getTime() + 60_000) }, $inc: { attempts: 1 } },
  );
  await h.stop();
  const second = await composeApp({
    config: h.config,
    connection: h.db.connection,
    log: createLogger({ level: 'silent' }),
    clock: h.clock,
  });
  expect((await second.sender.drainOnce()).sent).toBe(0);
  h.clock.advance(61_000);
  expect((await second.sender.drainOnce()).sent).toBe(1);
  expect(h.groupTexts()).toEqual(['重启前排队的消息']);
  await second.stop();
});

it('splits long Chinese markdown by bytes into ordered parts under 4096 bytes', async () => {
  const line = '各位代表：请于本周五前完成年度履职情况自查，并将材料交到人大办。'; // 33 chars, 99 bytes
  const text = Array.from({ length: 100 }, (_, i) => `${i + 1}. ${line}`).join('\n');
  await notify().toGroup('long-1', text);
  await h.drain();
  const parts = h.groupTexts();
  expect(parts.length).toBeGreaterThan(2);
  for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(4096);
  expect(parts.join('\n')).toBe(text);
});

it('tells people by @-mention in the group', async () => {
  await notify().toUsers('u-1', ['zhangsan', 'lisi'], '您的建议已交办');
  await h.drain();
  expect(h.groupTexts()[0]).toBe('<@zhangsan> <@lisi>\n您的建议已交办');
});

it('@全体 goes as a text push with mentioned_list @all', async () => {
  await notify().toGroup('all-1', '**会议通知**', { mentionAll: true });
  await h.drain();
  const pushes = h.wecom.groupPushes();
  expect(pushes.map((p) => p.msgtype)).toEqual(['markdown', 'text']);
  expect(pushes[1]!.mentions).toEqual(['@all']);
});

it('app messages fetch a token once, reuse it, and refresh it when WeCom says it expired', async () => {
  await h.outboxPush({ key: 'app-1', userids: ['zhangsan'], content: '第一条' });
  await h.outboxPush({ key: 'app-2', userids: ['zhangsan'], content: '第二条' });
  await h.drain();
  expect(h.wecom.tokensIssued).toBe(1);
  h.wecom.expireToken();
  await h.outboxPush({ key: 'app-3', userids: ['zhangsan', 'lisi'], content: '第三条' });
  await h.drain();
  expect(h.wecom.tokensIssued).toBe(2);
  const app = h.wecom.pushes.filter((p) => p.channel === 'app');
  expect(app.map((p) => p.content)).toEqual(['第一条', '第二条', '第三条']);
  expect(app[2]!.touser).toEqual(['zhangsan', 'lisi']);
  expect(h.logLines.join('\n')).not.toContain('corp-secret-xyz');
});
