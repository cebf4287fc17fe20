import type { CommandStartedEvent } from 'mongodb';
import { type Harness, createHarness } from '../helpers/harness';
import type { InboundMessage } from '../../src/dispatcher/contract';
import { nextMsgId } from '../helpers/wecom-payloads';

// Concurrent writing messages share their database commands (src/db/group-commit.ts): the inbox's claim and
// stored reply, the code counter, the opinion insert and the operation log. Through the real callback path,
// into the real server: every filing still gets its own gap-free code, its own reply, its own log entry.

let h: Harness;
const started: CommandStartedEvent[] = [];
const N = 40;
const deputies = Array.from({ length: N }, (_, i) => `d${i}`);

beforeAll(async () => {
  h = await createHarness('group_commit', { now: '2026-11-02T09:00:00+08:00' });
  for (const id of deputies) await h.addDeputy(id, `代表${id}`);
  h.db.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => started.push(e));
});
afterAll(async () => h.close());

const on = (name: string, collection: string) =>
  started.filter((e) => e.commandName === name && (e.command as Record<string, unknown>)[name] === collection).length;

test('concurrent filings through the callback each get their own gap-free code, reply and log entry', async () => {
  const texts = deputies.map((id, i) => `建议 第${i}号：${id}家门口的路灯坏了很久，晚上出行不便，请尽快维修`);
  const replies = await Promise.all(deputies.map((id, i) => h.say(id, texts[i]!)));

  const opinions = await h.models.Opinion.find({}, { code: 1, seq: 1, filer: 1, content: 1 }).sort({ seq: 1 }).lean();
  // Gap-free and unique: 1..N, each filer once.
  expect(opinions.map((o) => o.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  expect(new Set(opinions.map((o) => o.filer)).size).toBe(N);
  // Each reply names the code of that deputy's own opinion.
  for (const [i, id] of deputies.entries()) {
    const mine = opinions.find((o) => o.filer === id)!;
    expect(mine.content).toBe(texts[i]!.slice('建议 '.length));
    expect(replies[i]).toContain(mine.code);
  }
  // One log entry per filing, under the right person.
  const entries = await h.models.AuditEntry.find({ kind: 'Opinion', op: 'create' }).lean();
  expect(entries).toHaveLength(N);
  for (const o of opinions) expect(entries.find((e) => e.code === o.code)?.actor.userid).toBe(o.filer);
});

test('messages that reach the inbox together share each write: claim, code, insert, log entry, stored reply', async () => {
  // Handed to the inbox in one turn (as a busy transport does), so the sharing does not depend on the
  // machine's speed: HTTP requests on a loaded test machine may arrive one by one.
  started.length = 0;
  const before = await h.models.Opinion.countDocuments();
  const messages: InboundMessage[] = deputies.map((id, i) => ({
    id: `bot:${nextMsgId()}`,
    senderId: id,
    chat: { type: 'group' },
    kind: 'text',
    text: `建议 第${i}号：${id}所在村的小学门口缺少减速带，车速很快，家长接送孩子很担心`,
    replyLimitBytes: 20_480,
    receivedAt: h.clock.now(),
  }));
  const replies = await Promise.all(messages.map((m) => h.inbox.receive(m)));

  const filed = await h.models.Opinion.find(
    { origin: { $in: messages.map((m) => m.id) } },
    { code: 1, origin: 1, seq: 1 },
  ).lean();
  expect(filed.map((o) => o.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => before + i + 1));
  for (const [i, m] of messages.entries())
    expect(replies[i]?.text).toContain(filed.find((o) => o.origin === m.id)!.code);
  const stored = await h.models.InboundMessage.find({ _id: { $in: messages.map((m) => m.id) } }).lean();
  expect(stored.filter((r) => r.status === 'done' && typeof r.reply === 'string')).toHaveLength(N);

  // One command each when alone; here a couple at most for all N.
  expect(on('insert', 'inbound_messages')).toBeLessThanOrEqual(2);
  expect(on('findAndModify', 'counters')).toBeLessThanOrEqual(2);
  expect(on('insert', 'opinions')).toBeLessThanOrEqual(2);
  expect(on('insert', 'audit_entries')).toBeLessThanOrEqual(2);
  expect(on('update', 'inbound_messages')).toBeLessThanOrEqual(2);
});

test('a message delivered twice inside one shared insert is filed once, and both deliveries get its reply', async () => {
  const msgid = nextMsgId();
  const before = await h.models.Opinion.countDocuments();
  const [first, again, other] = await Promise.all([
    h.say('d1', '建议 村小学门口缺少减速带，车速很快，家长接送孩子很担心', { msgid }),
    h.say('d1', '建议 村小学门口缺少减速带，车速很快，家长接送孩子很担心', { msgid }),
    h.say('d2', '建议 镇卫生院周末没有儿科医生，孩子生病只能去县城', {}),
  ]);
  expect(again).toBe(first);
  expect(await h.models.Opinion.countDocuments({ origin: `bot:${msgid}` })).toBe(1);
  expect(await h.models.Opinion.countDocuments()).toBe(before + 2);
  const code = (await h.models.Opinion.findOne({ origin: `bot:${msgid}` }).lean())!.code;
  expect(first).toContain(code);
  expect(other).not.toContain(code);
});

test('the row the filing writes through the driver is what the schema would store', async () => {
  const reply = await h.say('d3', '建议 #交通 13800138000 反映：村道坑洼很多，雨天积水，电动车容易摔倒');
  const row = await h.models.Opinion.collection.findOne({ filer: 'd3' }, { sort: { seq: -1 } });
  expect(row).not.toBeNull();
  expect(reply).toContain(String(row!.code));
  const viaSchema = new h.models.Opinion(row);
  // Valid, with every default in place: mongoose would have stored exactly these fields.
  await expect(viaSchema.validate()).resolves.toBeUndefined();
  expect(viaSchema.toObject()).toEqual(row);
  expect(Object.keys(row!).sort()).toEqual(Object.keys(viaSchema.toObject()).sort());
});

test('a filing re-run after a crash meets its own opinion in the shared insert and answers with it', async () => {
  const msgid = nextMsgId();
  const text = '建议 镇上菜市场周边停车难，早高峰经常堵车，建议划定临时停车位';
  const first = await h.say('d4', text, { msgid });
  const mine = await h.models.Opinion.findOne({ origin: `bot:${msgid}` }).lean();
  expect(first).toContain(mine!.code);
  // The crash: the opinion was stored, but the instance died before the inbox row was finished.
  await h.models.InboundMessage.updateOne(
    { _id: `bot:${msgid}` },
    {
      $set: { status: 'processing', startedAt: new Date(h.clock.now().getTime() - 10 * 60_000) },
      $unset: { reply: 1 },
    },
  );
  const before = await h.models.Opinion.countDocuments();
  const again = await h.say('d4', text, { msgid });
  expect(again).toContain(mine!.code);
  expect(await h.models.Opinion.countDocuments()).toBe(before);
  expect(await h.models.Opinion.countDocuments({ origin: `bot:${msgid}` })).toBe(1);
});
