import { EJSON } from 'bson';
import { PICK_BALLOT_KEYS } from '../helpers/ballots';
import { type Harness, createHarness } from '../helpers/harness';

// Nobody with the database or the log can tell how a deputy voted: after a run of votes through the signed
// callback, no stored document and no log line holds a voter next to a choice.
let h: Harness;
const single = { chattype: 'single' as const };
const CANDIDATES = ['甲村道路硬化', '乙镇自来水厂', '丙村养老驿站', '丁街农贸市场'];
// Every voter a different pair, so any record of a choice would single them out.
const PAIRS: Array<[string, number, number]> = [
  ['voter01', 1, 2],
  ['voter02', 1, 3],
  ['voter03', 1, 4],
  ['voter04', 2, 3],
  ['voter05', 2, 4],
  ['voter06', 3, 4],
];

beforeAll(async () => {
  h = await createHarness('ballot-secrecy', { now: '2026-12-01T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  for (const [id] of PAIRS) await h.addDeputy(id, `代表${id.slice(-2)}`);
  await h.addDeputy('voter07', '代表07');
});
afterAll(async () => h.close());

it('keeps no link between a voter and a choice in any collection or log line', async () => {
  await h.say('office1', `发起票决 民生实事 候选：${CANDIDATES.join('；')} 选2项 截止：12月10日18点`, single);
  for (const [id, a, b] of PAIRS.slice(0, 3)) await h.say(id, `投票 PJ2026-001 ${a} ${b}`, single);
  // The app channel, a redelivery of the same message, and a refused second vote take the other paths.
  const [id4, a4, b4] = PAIRS[3]!;
  await h.say(id4, `投票 PJ2026-001 ${a4} ${b4}`, { mode: 'app', msgid: 'vote-app-1' });
  await h.say(id4, `投票 PJ2026-001 ${a4} ${b4}`, { mode: 'app', msgid: 'vote-app-1' });
  for (const [id, a, b] of PAIRS.slice(4)) {
    await h.say(id, `投票 PJ2026-001 ${a} ${b}`, { ...single, msgid: `vote-${id}` });
    await h.say(id, `投票 PJ2026-001 ${a} ${b}`, { ...single, msgid: `vote-${id}` });
    await h.say(id, `投票 PJ2026-001 ${b} ${a}`, single);
  }
  // A vote typed in the group is refused; its text is not kept either.
  await h.say('voter07', '投票 PJ2026-001 1 4');
  await h.say('office1', '结束票决 PJ2026-001 公布', single);
  await h.say('voter01', '票决结果 PJ2026-001', single);
  await h.drain();

  const stored = await h.models.Ballot.findOne({ code: 'PJ2026-001' }).lean();
  expect(stored?.counts).toEqual([3, 3, 3, 3]);

  const voters = [...PAIRS.map(([id]) => id), 'voter07'];
  const choiceTexts = PAIRS.map(([, a, b]) => [`${a} ${b}`, `${b} ${a}`]).flat();
  const offences: string[] = [];
  const check = (where: string, text: string) => {
    const who = voters.filter((v) => text.includes(v));
    if (who.length === 0) return;
    for (const name of CANDIDATES) if (text.includes(name)) offences.push(`${where}: ${who.join(',')} with ${name}`);
    for (const c of choiceTexts)
      if (text.includes(`PJ2026-001 ${c}`)) offences.push(`${where}: ${who.join(',')} with choice ${c}`);
  };

  const db = h.db.connection.db!;
  const collections = await db.listCollections().toArray();
  expect(collections.map((c) => c.name)).toEqual(
    expect.arrayContaining(['ballots', 'inbound_messages', 'audit_entries']),
  );
  for (const { name } of collections) {
    const docs = await db.collection(name).find({}).toArray();
    for (const doc of docs) {
      if (name === 'ballots') {
        // The ballot holds the set of voters and, apart, the counts: nothing else names a person.
        expect(Object.keys(doc).sort()).toEqual([...PICK_BALLOT_KEYS, 'announcedAt'].sort());
        expect((doc.voters as unknown[]).every((v) => typeof v === 'string')).toBe(true);
        expect((doc.counts as unknown[]).every((v) => typeof v === 'number')).toBe(true);
        continue;
      }
      check(`${name} ${String(doc._id)}`, EJSON.stringify(doc));
    }
  }
  // The run did leave traces of who voted (the inbox, the 操作日志): those must carry no choice.
  expect(await h.models.InboundMessage.countDocuments({ senderId: 'voter01' })).toBeGreaterThan(0);
  expect(await h.models.AuditEntry.countDocuments({ 'actor.userid': 'voter01', code: 'PJ2026-001' })).toBe(1);

  expect(h.logLines.length).toBeGreaterThan(0);
  h.logLines.forEach((line, i) => check(`log line ${i}`, line));
  for (const c of choiceTexts) expect(h.logLines.join('\n')).not.toContain(`PJ2026-001 ${c}`);
  expect(offences).toEqual([]);
});
