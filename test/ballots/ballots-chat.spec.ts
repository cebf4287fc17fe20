import { type Harness, createHarness } from '../helpers/harness';

// 票决 in the chat: opening, voting one-to-one, refusals, exact counts, turnout while open, the result after.
let h: Harness;
const single = { chattype: 'single' as const };
const deputies = Array.from({ length: 60 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  // Tuesday 2026-12-01 10:00 Beijing.
  h = await createHarness('ballots-chat', { now: '2026-12-01T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  for (const [i, id] of deputies.entries()) await h.addDeputy(id, `代表${i + 1}`);
});
afterAll(async () => h.close());

const ballot = (code: string) => h.models.Ballot.findOne({ code }).lean();
const open = (text: string) => h.say('office1', `发起票决 ${text}`, single);

it('opens a ballot one-to-one, numbers it PJ2026-001 and tells the group how to vote', async () => {
  expect(await open('2027年民生实事项目 候选：村道硬化；饮水改造；养老服务站；农贸市场 选2项 截止：12月10日18点')).toBe(
    [
      '已发起票决 PJ2026-001《2027年民生实事项目》，选 2 项，截止 2026年12月10日（周四）18:00，可投票代表 60 人。',
      '1. 村道硬化',
      '2. 饮水改造',
      '3. 养老服务站',
      '4. 农贸市场',
      '已通知群里。投票中只能看投票人数；结束后发送「票决结果 PJ2026-001」查看结果。',
    ].join('\n'),
  );
  await h.drain();
  const push = h.groupTexts().find((t) => t.includes('**票决** PJ2026-001'));
  expect(push).toContain('请**私聊**助手投票');
  expect(push).toContain('投票 PJ2026-001 1 2');
  const b = await ballot('PJ2026-001');
  expect(b).toMatchObject({ voters: [], counts: [0, 0, 0, 0], choose: 2, upTo: false });
  expect([...(b?.entitled ?? [])].sort()).toEqual(deputies);
});

it('refuses bad openings clearly, and deputies may not open, close or announce', async () => {
  expect(await open('标题 候选：甲 选1项 截止：12月10日18点')).toContain('候选至少 2 个');
  expect(await open('标题 候选：甲；乙 截止：12月10日18点')).toBe('请写要选几项，例如：选2项，或 最多选2项。');
  expect(await open('标题 候选：甲；乙 选1项')).toBe('请写截止时间，例如：截止：12月10日18点。');
  expect(await open('标题 候选：甲；乙 选1项 截止：随便')).toContain('看不懂截止时间「随便」');
  expect(await open('标题 候选：甲；乙 选1项 截止：2026年11月30日18点')).toContain('已经过去了');
  expect(await open('标题 候选：甲；乙 选2项 截止：12月10日18点')).toContain(
    '要选的项数（2）要至少 1 项、少于候选数（2）',
  );
  expect(await open('标题 候选：甲；甲 选1项 截止：12月10日18点')).toBe('候选「甲」写了两次。');
  expect(await h.say('office1', '发起票决 标题 候选：甲；乙 选1项 截止：12月10日18点')).toBe(
    '请私聊助手发起票决，群里只发通知。',
  );
  expect(await h.say('d01', '发起票决 标题 候选：甲；乙 选1项 截止：12月10日18点', single)).toContain(
    '只有人大办工作人员可以使用',
  );
  expect(await h.say('d01', '结束票决 PJ2026-001', single)).toContain('只有人大办工作人员可以使用');
  expect(await h.say('d01', '公布票决 PJ2026-001', single)).toContain('只有人大办工作人员可以使用');
  expect(await h.models.Ballot.countDocuments()).toBe(1);
});

it('refuses a vote sent in the group and records nothing', async () => {
  expect(await h.say('d01', '投票 PJ2026-001 1 2')).toBe(
    '为保证不记名，请不要在群里投票：请私聊助手（单聊）发送「投票 <编号> <序号>…」。这条消息没有计票。',
  );
  expect(await ballot('PJ2026-001')).toMatchObject({ voters: [], counts: [0, 0, 0, 0] });
});

it('refuses a wrong number of choices, unknown numbers, and people not entitled', async () => {
  const vote = (who: string, text: string) => h.say(who, `投票 ${text}`, single);
  expect(await vote('d01', 'PJ2026-001 1')).toBe('PJ2026-001 要选 2 项，您写了 1 项，没有计票。请重新发送。');
  expect(await vote('d01', 'PJ2026-001 1 2 3')).toContain('您写了 3 项');
  expect(await vote('d01', 'PJ2026-001 1 9')).toBe('序号 9 不是 PJ2026-001 的候选，候选序号是 1 到 4。');
  expect(await vote('d01', 'PJ2026-001 2 2')).toBe('同一个序号只能写一次（PJ2026-001）。');
  expect(await vote('d01', 'PJ2026-001 甲 乙')).toBe(
    '请用候选的序号投票，序号之间用空格隔开。例：投票 PJ2026-001 1 3\n（测评、评议请按顺序逐项写：满意、基本满意或不满意）',
  );
  expect(await vote('d01', 'PJ2026-001 满意 满意')).toBe('PJ2026-001 是票决，请写候选的序号，例：投票 PJ2026-001 1 3');
  expect(await vote('d01', 'PJ2026-009 1 2')).toBe('没有找到票决 PJ2026-009。发送「票决」查看编号。');
  expect(await vote('d01', '')).toContain('格式：投票 <编号> <序号>');
  // The office is not among the voters.
  expect(await vote('office1', 'PJ2026-001 1 2')).toBe(
    '您不在票决 PJ2026-001 的投票代表名单中。如有疑问请联系人大办。',
  );
  expect(await ballot('PJ2026-001')).toMatchObject({ voters: [], counts: [0, 0, 0, 0] });
});

it('counts 60 deputies voting at once exactly, each once', async () => {
  // Voter i picks candidates (i mod 4)+1 and ((i+1) mod 4)+1: every candidate gets 30 votes.
  const replies = await Promise.all(
    deputies.map((id, i) => h.say(id, `投票 PJ2026-001 ${(i % 4) + 1} ${((i + 1) % 4) + 1}`, single)),
  );
  expect(
    replies.every((r) => r === '已投票：PJ2026-001《2027年民生实事项目》，您选了 2 项。投票不记名，结束后公布结果。'),
  ).toBe(true);
  const b = await ballot('PJ2026-001');
  expect(b?.voters).toHaveLength(60);
  expect(new Set(b?.voters)).toEqual(new Set(deputies));
  expect(b?.counts).toEqual([30, 30, 30, 30]);
});

it('refuses a second vote ("您已投票") and changes nothing', async () => {
  expect(await h.say('d01', '投票 PJ2026-001 3 4', single)).toBe('您已投票（PJ2026-001），每人只能投一次，不能更改。');
  expect((await ballot('PJ2026-001'))?.counts).toEqual([30, 30, 30, 30]);
});

it('hides the result while open: deputies are refused, the office sees turnout and who has not voted', async () => {
  await open('测试票决 候选：甲；乙；丙 最多选2项 截止：12月3日18点');
  await h.say('d01', '投票 PJ2026-002 1', single);
  await h.say('d02', '投票 2 2 3', single);
  expect(await h.say('d03', '票决结果 PJ2026-002', single)).toBe(
    '票决 PJ2026-002《测试票决》还在进行中，结束后才公布结果。',
  );
  const turnout = await h.say('office1', '票决结果 PJ2026-002', single);
  expect(turnout.split('\n').slice(0, 2)).toEqual([
    'PJ2026-002《测试票决》投票中，截止 2026年12月3日（周四）18:00。',
    '已投 2/60 人。结果在结束后公布。',
  ]);
  const notVoted = turnout.split('\n')[2]!.replace('未投：', '').split('、');
  expect(notVoted).toHaveLength(58);
  expect(notVoted).toContain('代表3');
  expect(notVoted).not.toContain('代表1');
  expect(notVoted).not.toContain('代表2');
  // 票决: the reader's own view.
  const list = await h.say('d01', '票决', single);
  expect(list).toContain('✅ 已投 PJ2026-002《测试票决》最多选 2 项');
  expect(await h.say('d03', '票决', single)).toContain('⬜ 未投 PJ2026-002');
  expect(await h.say('office1', '票决', single)).toContain('（已投 2/60 人）');
});

it('refuses a vote after the deadline; the result then shows without closing', async () => {
  h.clock.set('2026-12-03T18:00:00+08:00');
  expect(await h.say('d03', '投票 PJ2026-002 1', single)).toBe('票决 PJ2026-002《测试票决》已经结束。');
  const result = await h.say('d03', '票决结果 PJ2026-002', single);
  // 2 of 60 took part: no quorum, nothing chosen.
  expect(result).toContain('参加投票 2/60 人，未超过全体代表的半数，票决无效。');
  expect(result).not.toContain('当选');
  expect(await h.say('office1', '结束票决 PJ2026-002', single)).toBe('票决 PJ2026-002《测试票决》已经结束。');
});

it('closes, shows the tally with ties, and announces the result to the group once', async () => {
  expect(await h.say('office1', '结束票决 PJ2026-001 公布', single)).toBe(
    [
      '已结束票决 PJ2026-001《2027年民生实事项目》。发送「票决结果 PJ2026-001」查看结果，「公布票决 PJ2026-001」发到群里。',
      '已把 PJ2026-001 的结果发到群里。',
    ].join('\n'),
  );
  const result = await h.say('d05', '票决结果 PJ2026-001', single);
  expect(result).toBe(
    [
      '**票决结果** PJ2026-001《2027年民生实事项目》（选 2 项）',
      '参加投票 60/60 人，超过全体代表的半数，票决有效。',
      '1. 村道硬化：30 票（票数相同，需另行决定）',
      '2. 饮水改造：30 票（票数相同，需另行决定）',
      '3. 养老服务站：30 票（票数相同，需另行决定）',
      '4. 农贸市场：30 票（票数相同，需另行决定）',
      '当选：无',
    ].join('\n'),
  );
  expect(await h.say('office1', '公布票决 PJ2026-001', single)).toBe('已把 PJ2026-001 的结果发到群里。');
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**票决结果** PJ2026-001'))).toEqual([result]);
  expect(await h.say('d05', '投票 PJ2026-001 1 2', single)).toBe('票决 PJ2026-001《2027年民生实事项目》已经结束。');
});

describe('quorum: more than half of all entitled voters', () => {
  async function runWith(voters: number, title: string): Promise<string> {
    const opened = await open(`${title} 候选：甲；乙；丙 选1项 截止：12月20日18点`);
    const code = /PJ2026-\d{3}/.exec(opened)![0];
    await Promise.all(deputies.slice(0, voters).map((id, i) => h.say(id, `投票 ${code} ${i < 2 ? 2 : 1}`, single)));
    await h.say('office1', `结束票决 ${code}`, single);
    return h.say('d60', `票决结果 ${code}`, single);
  }

  it('exactly half is not enough', async () => {
    const r = await runWith(30, '恰好半数');
    expect(r).toContain('参加投票 30/60 人，未超过全体代表的半数，票决无效。');
    expect(r).not.toContain('当选');
  });

  it('one more than half is', async () => {
    const r = await runWith(31, '过半数');
    expect(r).toContain('参加投票 31/60 人，超过全体代表的半数，票决有效。');
    expect(r).toContain('1. 甲：29 票（当选）');
    expect(r).toContain('2. 乙：2 票\n');
    expect(r).toContain('当选：甲');
  });
});

it('counts one deputy’s two votes sent at the same moment once', async () => {
  const opened = await open('同时两票 候选：甲；乙；丙 选1项 截止：12月20日18点');
  const code = /PJ2026-\d{3}/.exec(opened)![0];
  const replies = await Promise.all([
    h.say('d07', `投票 ${code} 1`, single),
    h.say('d07', `投票 ${code} 2`, single),
    h.say('d07', `投票 ${code} 3`, single),
  ]);
  expect(replies.filter((r) => r.startsWith('已投票'))).toHaveLength(1);
  expect(replies.filter((r) => r.startsWith('您已投票'))).toHaveLength(2);
  const b = await ballot(code);
  expect(b?.voters).toEqual(['d07']);
  expect(b?.counts.reduce((a, c) => a + c, 0)).toBe(1);
});
