import { type Harness, createHarness } from '../helpers/harness';

// 建议 compares a filing with the newest open opinions, which each instance keeps a copy of: its own
// filings join at once, its own state changes drop the copy, another instance's filings show within a minute.

let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await createHarness('opinions_similar', { now: '2026-11-02T09:00:00+08:00' });
  b = await createHarness('opinions_similar_b', { db: a.db, clock: a.clock });
  await a.addDeputy('zhang', '张三');
  await a.addDeputy('li', '李四');
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const codeOf = (reply: string) => /编号 \*\*(YJ2026-\d{3})\*\*/.exec(reply)![1]!;
const LAMP = '南街菜市场门口的路灯坏了，晚上很黑，请维修';

it('sees its own filings at once, another instance’s within a minute, and never a withdrawn one', async () => {
  const first = codeOf(await a.say('zhang', `建议 ${LAMP}`));
  // Instance b reads the open opinions on its first filing.
  const onB = await b.say('li', `建议 ${LAMP}，谢谢`);
  expect(onB).toContain(`- ${first} `);
  const second = codeOf(onB);

  // a's copy is from before b's filing: a hint may be that stale, for a minute at most.
  const stale = await a.say('li', `建议 ${LAMP}！`);
  expect(stale).toContain(`- ${first} `);
  expect(stale).not.toContain(`- ${second} `);
  const third = codeOf(stale);

  a.clock.advance(61_000);
  const fresh = await a.say('zhang', `建议 ${LAMP}。`);
  expect(fresh).toContain(`- ${second} `);
  const fourth = codeOf(fresh);

  // A withdrawal on this instance takes the opinion out of the comparison at once.
  expect(await a.say('zhang', `撤回 ${fourth}`)).toContain(fourth);
  const after = await a.say('li', `建议 ${LAMP}啊`);
  expect(after).toContain('相近');
  expect(after).not.toContain(`- ${fourth} `);
  expect([first, second, third].some((c) => after.includes(`- ${c} `))).toBe(true);
});
