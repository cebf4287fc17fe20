import { EJSON } from 'bson';
import { PICK_BALLOT_KEYS, RATING_BALLOT_KEYS } from '../helpers/ballots';
import { type Harness, createHarness } from '../helpers/harness';

// A 满意度测评 and a 部门评议 keep the 票决's secrecy: after a run of ratings through the signed callback (and a
// reminder of those who had not voted), no stored document and no log line holds a voter next to a rating.
let h: Harness;
const single = { chattype: 'single' as const };
const WORDS = ['满意', '基本满意', '不满意'] as const;
// Every voter a different pair of ratings, so any record of one would single them out.
const RATINGS: Array<[string, number, number]> = [
  ['voter01', 0, 0],
  ['voter02', 0, 1],
  ['voter03', 0, 2],
  ['voter04', 1, 0],
  ['voter05', 1, 2],
  ['voter06', 2, 1],
];
const voters = [...RATINGS.map(([id]) => id), 'voter07'];

beforeAll(async () => {
  h = await createHarness('appraisal-secrecy', {
    now: '2026-12-01T10:00:00+08:00',
    env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-secrecy' },
  });
  await h.addDeputy('office1', '王主任');
  for (const id of voters) await h.addDeputy(id, `代表${id.slice(-2)}`);
});
afterAll(async () => h.close());

/** Each voter rates the two subjects by the app, the smart bot, a redelivery and a refused second vote. */
async function rateAll(code: string): Promise<void> {
  for (const [i, [id, a, b]] of RATINGS.entries()) {
    const text = `投票 ${code} ${WORDS[a]} ${WORDS[b]}`;
    if (i === 0) {
      await h.say(id, text, { mode: 'app', msgid: `${code}-app` });
      await h.say(id, text, { mode: 'app', msgid: `${code}-app` });
      continue;
    }
    await h.say(id, text, { ...single, msgid: `${code}-${id}` });
    await h.say(id, text, { ...single, msgid: `${code}-${id}` });
    await h.say(id, `投票 ${code} ${WORDS[b]} ${WORDS[a]}`, single);
  }
  await h.say('voter07', `投票 ${code} 满意 不满意`);
}

it('keeps no link between a voter and a rating in any collection or log line', async () => {
  await h.say('office1', '发起票决 民生实事 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月2日18点', single);
  for (const id of voters) await h.say(id, '投票 PJ2026-001 1 2', single);
  await h.say('office1', '结束票决 PJ2026-001', single);
  await h.say('office1', '立项 PJ2026-001', single);
  await h.say('office1', '发起测评 截止：12月20日18点', single);
  await h.say('office1', '发起评议 单位：住建办；派出所 截止：12月20日18点', single);
  for (const code of ['PJ2026-002', 'PJ2026-003']) {
    await h.say('office1', `催投 ${code}`, single);
    await rateAll(code);
    await h.say('office1', `结束票决 ${code} 公布`, single);
    await h.say('voter01', `票决结果 ${code}`, single);
  }
  await h.drain();

  expect((await h.models.Ballot.findOne({ code: 'PJ2026-002' }).lean())?.counts).toEqual([3, 2, 1, 2, 2, 2]);
  expect((await h.models.Ballot.findOne({ code: 'PJ2026-003' }).lean())?.counts).toEqual([3, 2, 1, 2, 2, 2]);

  const choiceTexts = RATINGS.flatMap(([, a, b]) => [`${WORDS[a]} ${WORDS[b]}`, `${WORDS[b]} ${WORDS[a]}`]);
  const offences: string[] = [];
  const check = (where: string, text: string) => {
    const who = voters.filter((v) => text.includes(v));
    if (who.length === 0) return;
    for (const code of ['PJ2026-002', 'PJ2026-003'])
      for (const c of choiceTexts)
        if (text.includes(`${code} ${c}`)) offences.push(`${where}: ${who.join(',')} with ${code} ${c}`);
    // The 评议's title and units hold no rating word: any next to a voter would be a rating.
    if (text.includes('PJ2026-003') && /基本满意|不满意/.test(text)) offences.push(`${where}: ${who.join(',')} rated`);
  };

  const db = h.db.connection.db!;
  for (const { name } of await db.listCollections().toArray()) {
    for (const doc of await db.collection(name).find({}).toArray()) {
      if (name === 'ballots') {
        // Who voted, and apart from it the counts: nothing else names a person.
        const allowed = doc.kind === 'rating' ? [...RATING_BALLOT_KEYS, 'announcedAt'] : PICK_BALLOT_KEYS;
        expect(Object.keys(doc).sort()).toEqual(allowed.sort());
        expect((doc.voters as unknown[]).every((v) => typeof v === 'string')).toBe(true);
        expect((doc.counts as unknown[]).every((v) => typeof v === 'number')).toBe(true);
        continue;
      }
      check(`${name} ${String(doc._id)}`, EJSON.stringify(doc));
    }
  }
  // The run left traces of who voted (the inbox, the 操作日志) and of who was reminded: those carry no rating.
  expect(await h.models.InboundMessage.countDocuments({ senderId: 'voter02' })).toBeGreaterThan(0);
  expect(await h.models.AuditEntry.countDocuments({ 'actor.userid': 'voter02', code: 'PJ2026-003' })).toBe(1);
  expect(await h.models.OutboxItem.countDocuments({ key: /^ballot-remind:/ })).toBe(2);

  expect(h.logLines.length).toBeGreaterThan(0);
  h.logLines.forEach((line, i) => check(`log line ${i}`, line));
  expect(offences).toEqual([]);
});
