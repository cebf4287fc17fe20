import path from 'node:path';
import mongoose from 'mongoose';
import { connectionOptions } from '../../src/db/connect';
import { type MongoServerHandle, startMongoJavaServer } from '../../src/db/mongo-java-server';
import { eventually } from '../helpers/eventually';
import { type Harness, createHarness } from '../helpers/harness';

// A database of this file's own, on a mongo-java-server the test stops and starts again on the same
// port (in memory: it comes back empty, without its indexes).

const projectRoot = path.resolve(__dirname, '..', '..');
const DB = { serverSelectionTimeoutMs: 400, heartbeatMs: 300 };
const BOT_DEADLINE_MS = 1_500;

let server: MongoServerHandle;
let port: number;
let connection: mongoose.Connection;
let h: Harness;

beforeAll(async () => {
  server = await startMongoJavaServer({ projectRoot });
  port = Number(new URL(server.uri).port);
  connection = await mongoose.createConnection(server.uri, connectionOptions('outage', DB)).asPromise();
  h = await createHarness('outage', {
    database: { connection, dbName: 'outage', drop: async () => connection.close() },
    tunables: {
      database: { ...DB, readyTimeoutMs: 1_500, indexRetryMs: 200 },
      inbound: { botDeadlineMs: BOT_DEADLINE_MS, appDeadlineMs: 4_000 },
    },
  });
  await h.addDeputy('zhangsan', '张三');
}, 60_000);
afterAll(async () => {
  await h.close();
  await server.stop();
});

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

it('answers "busy" within the deadline while the database is down, and recovers without a restart', async () => {
  expect((await h.request.get('/readyz')).status).toBe(200);
  await server.stop();

  // At once, before the driver has noticed: the first write fails within server selection.
  const first = await timed(h.sayStream('zhangsan', '确认', { msgid: 'outage-1' }));
  expect(first.value).toMatchObject({ status: 200, finish: true, content: '系统暂时繁忙，请稍后再试。' });
  expect(first.ms).toBeLessThan(BOT_DEADLINE_MS + 500);

  // Once the outage is known, without waiting at all; the app mode gets the same line.
  await eventually(() => !h.database.isAvailable(), 'the outage is noticed');
  const second = await timed(h.sayStream('zhangsan', '我的建议', { msgid: 'outage-2' }));
  expect(second.value).toMatchObject({ status: 200, finish: true, content: '系统暂时繁忙，请稍后再试。' });
  expect(second.ms).toBeLessThan(500);
  expect(await h.say('zhangsan', '帮助', { mode: 'app', msgid: '990001' })).toBe('系统暂时繁忙，请稍后再试。');
  // A stream refresh meanwhile ends the stream with the same line instead of hanging or a 500.
  const poll = await timed(h.pollStream('0123456789abcdef01234567'));
  expect(poll.value).toMatchObject({ status: 200, finish: true, content: '系统暂时繁忙，请稍后再试。' });
  expect(poll.ms).toBeLessThan(500);

  const ready = await timed(h.request.get('/readyz'));
  expect(ready.value.status).toBe(503);
  expect(ready.ms).toBeLessThan(2_000);
  expect(h.logLines.join('\n')).not.toMatch(/"status":500/);

  // The same port, an empty database: indexes are ensured again before anything is accepted.
  server = await startMongoJavaServer({ projectRoot, port });
  await h.database.whenAvailable();
  const ready2 = await timed(h.request.get('/readyz'));
  expect(ready2.value.status).toBe(200);
  expect(ready2.ms).toBeLessThan(2_000);
  const inboundIndexes = await h.models.InboundMessage.collection.indexes();
  expect(inboundIndexes.map((i) => i.name)).toEqual(expect.arrayContaining(['streamId_1']));
  const outboxIndexes = await h.models.OutboxItem.collection.indexes();
  expect(outboxIndexes.find((i) => i.name === 'key_1')?.unique).toBe(true);

  // Nothing of the refused messages was written; the retry of one of them is handled once
  // (确认: a command the inbox records, unlike the read-only ones).
  expect(await h.models.InboundMessage.countDocuments({})).toBe(0);
  await h.addDeputy('zhangsan', '张三');
  const again = await Promise.all([
    h.say('zhangsan', '确认', { msgid: 'outage-1' }),
    h.say('zhangsan', '确认', { msgid: 'outage-1' }),
  ]);
  expect(again[0]).toContain('没有待确认的语音建议');
  expect(again[1]).toBe(again[0]);
  expect(await h.models.InboundMessage.countDocuments({ _id: 'bot:outage-1' })).toBe(1);
}, 60_000);

it('/readyz answers within 2 s when the database is up', async () => {
  const ready = await timed(h.request.get('/readyz'));
  expect(ready.value.status).toBe(200);
  expect(ready.ms).toBeLessThan(2_000);
});
