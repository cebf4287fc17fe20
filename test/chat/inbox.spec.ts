import { ManualClock } from '../helpers/clocks';
import { createLogger } from '../../src/logger';
import { createModels, ensureIndexes } from '../../src/models';
import { StillProcessing, createInbox } from '../../src/inbox/inbox';
import { createOutbox } from '../../src/services/delivery';
import type { InboundMessage, Reply } from '../../src/dispatcher/contract';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

let db: TestDatabase;
let models: ReturnType<typeof createModels>;
const clock = new ManualClock('2026-11-22T10:00:00+08:00');

beforeAll(async () => {
  db = await openTestDatabase('inbox');
  models = createModels(db.connection);
  await ensureIndexes(models);
});
afterAll(async () => db.drop());

function message(id: string): InboundMessage {
  return {
    id,
    senderId: 'zhangsan',
    chat: { type: 'group', id: 'g' },
    kind: 'text',
    text: '帮助',
    replyLimitBytes: 20_000,
    receivedAt: clock.now(),
  };
}

function inboxWith(dispatch: (m: InboundMessage) => Promise<Reply>) {
  return createInbox({
    models,
    clock,
    log: createLogger({ level: 'silent' }),
    outbox: createOutbox({ models, clock }),
    canSendApp: false,
    dispatch,
    streamIdOf: (id) => `s-${id}`,
    staleProcessingMs: 30_000,
    // Polls count, not time (the pause is immediate): enough for a loaded machine to finish the takeover.
    duplicateWaitMs: 5_000,
    streamWindowMs: 330_000,
    pause: () => new Promise((r) => setImmediate(r)),
  });
}

it('a failed first attempt frees the message id, so the retry runs it at once', async () => {
  let calls = 0;
  const inbox = inboxWith(async () => {
    calls += 1;
    if (calls === 1) throw new Error('database went away');
    return { text: '好的' };
  });
  await expect(inbox.receive(message('fail-once'))).rejects.toThrow('database went away');
  expect(await models.InboundMessage.countDocuments({ _id: 'fail-once' })).toBe(0);
  await expect(inbox.receive(message('fail-once'))).resolves.toEqual({ text: '好的', kind: undefined });
  expect(calls).toBe(2);
});

it('a delivery whose first attempt is still running elsewhere gets a 503-style StillProcessing, then the reply', async () => {
  const first = inboxWith(async () => ({ text: 'A' }));
  // Another instance claimed it and is still working (no local promise here).
  await models.InboundMessage.create({
    _id: 'busy',
    streamId: 's-busy',
    senderId: 'zhangsan',
    status: 'processing',
    startedAt: clock.now(),
  });
  await expect(first.receive(message('busy'))).rejects.toBeInstanceOf(StillProcessing);
  await models.InboundMessage.updateOne({ _id: 'busy' }, { $set: { status: 'done', reply: '第一次的回复' } });
  await expect(first.receive(message('busy'))).resolves.toEqual({ text: '第一次的回复', kind: undefined });
});

it('takes over a delivery abandoned by a crashed instance, exactly once', async () => {
  let calls = 0;
  const inbox = inboxWith(async () => {
    calls += 1;
    return { text: '接手处理' };
  });
  await models.InboundMessage.create({
    _id: 'crashed',
    streamId: 's-crashed',
    senderId: 'zhangsan',
    status: 'processing',
    startedAt: new Date(clock.now().getTime() - 60_000),
  });
  const [a, b] = await Promise.all([inbox.receive(message('crashed')), inbox.receive(message('crashed'))]);
  expect(a).toEqual(b);
  expect(a?.text).toBe('接手处理');
  expect(calls).toBe(1);
});
