import { type Harness, createHarness } from '../helpers/harness';

// 满意度测评 and 部门评议 in the chat: rating ballots opened one-to-one, voted by typing a rating per subject,
// counted exactly under concurrency, results with 满意率 (and a 评议's units' records from the opinions).
let h: Harness;
const single = { chattype: 'single' as const };
const deputies = Array.from({ length: 40 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);
const office = (text: string) => h.say('office1', text, single);

beforeAll(async () => {
  h = await createHarness('appraisal-chat', { now: '2026-12-01T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  for (const [i, id] of deputies.entries()) await h.addDeputy(id, `代表${i + 1}`);
});
afterAll(async () => h.close());

it('refuses a 测评 before there is any project', async () => {
  expect(await office('发起测评 截止：12月20日18点')).toBe('2026年还没有民生实事项目，先把票决当选的候选立项。');
  expect(await h.models.Ballot.countDocuments()).toBe(0);
});

it('opens a 测评 of the year’s projects one-to-one and tells the group how to rate', async () => {
  await office('发起票决 民生实事 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月2日18点');
  await Promise.all(deputies.slice(0, 30).map((id) => h.say(id, '投票 PJ2026-001 1 2', single)));
  await office('结束票决 PJ2026-001');
  await office('立项 PJ2026-001');
  expect(await h.say('office1', '发起测评 截止：12月20日18点')).toBe('请私聊助手发起测评或评议，群里只发通知。');
  expect(await office('发起测评')).toContain('格式：发起测评');
  expect(await office('发起测评 项目：SS2026-007 截止：12月20日18点')).toBe(
    '没有民生实事项目 SS2026-007。发送「实事」查看编号。',
  );
  expect(await office('发起测评 截止：2026年11月20日18点')).toContain('已经过去了');
  expect(await h.say('d01', '发起测评 截止：12月20日18点', single)).toContain('只有人大办工作人员可以使用');
  expect(await office('发起测评 截止：12月20日18点')).toBe(
    [
      '已发起满意度测评 PJ2026-002《2026年民生实事项目满意度测评》，截止 2026年12月20日（周日）18:00，可投票代表 40 人。',
      '1. 村道硬化',
      '2. 饮水改造',
      '已通知群里。发送「催投 PJ2026-002」私下提醒未投票的代表；结束后发送「票决结果 PJ2026-002」查看结果。',
    ].join('\n'),
  );
  await h.drain();
  const push = h.groupTexts().find((t) => t.includes('**满意度测评** PJ2026-002'));
  expect(push).toContain('请**私聊**助手投票');
  expect(push).toContain('投票 PJ2026-002 满意 基本满意');
  expect(await h.models.Ballot.findOne({ code: 'PJ2026-002' }).lean()).toMatchObject({
    kind: 'rating',
    ratingOf: 'project',
    subjectRefs: ['SS2026-001', 'SS2026-002'],
    counts: [0, 0, 0, 0, 0, 0],
  });
  const list = await h.say('d01', '票决', single);
  expect(list).toContain('⬜ 未投 PJ2026-002《2026年民生实事项目满意度测评》逐项评价 2 项');
  expect(list).toContain('私聊助手：投票 PJ2026-002 满意 基本满意');
});

it('refuses votes of the wrong shape, in the group, or twice', async () => {
  const vote = (who: string, text: string) => h.say(who, `投票 PJ2026-002 ${text}`, single);
  expect(await vote('d01', '满意')).toBe(
    'PJ2026-002 要对 2 项逐项评价（满意 / 基本满意 / 不满意），您写了 1 项，没有计票。请重新发送。',
  );
  expect(await vote('d01', '满意 满意 满意')).toContain('您写了 3 项');
  expect(await vote('d01', '1 2')).toBe('PJ2026-002 是测评，请按序号顺序逐项写评价，例：投票 PJ2026-002 满意 基本满意');
  expect(await vote('d01', '满意 很好')).toContain('请用候选的序号投票');
  expect(await h.say('d01', '投票 PJ2026-002 满意 满意')).toContain('为保证不记名，请不要在群里投票');
  expect(await vote('office1', '满意 满意')).toContain('您不在票决 PJ2026-002 的投票代表名单中');
  expect((await h.models.Ballot.findOne({ code: 'PJ2026-002' }).lean())?.voters).toEqual([]);
});

it('counts 40 deputies rating at once exactly, each once', async () => {
  // Deputy i rates project 1 by i mod 3 and project 2 by (i + 1) mod 3; the last four rate 不满意 twice over.
  const words = ['满意', '基本满意', '不满意'];
  const replies = await Promise.all(
    deputies.map((id, i) =>
      h.say(id, `投票 PJ2026-002 ${i < 36 ? `${words[i % 3]} ${words[(i + 1) % 3]}` : '不满意 不满意'}`, single),
    ),
  );
  expect(replies.filter((r) => r.startsWith('已投票：PJ2026-002'))).toHaveLength(40);
  expect(replies[0]).toBe(
    '已投票：PJ2026-002《2026年民生实事项目满意度测评》，您评价了 2 项。投票不记名，结束后公布结果。',
  );
  expect(await h.say('d01', '投票 PJ2026-002 满意 满意', single)).toBe(
    '您已投票（PJ2026-002），每人只能投一次，不能更改。',
  );
  const b = await h.models.Ballot.findOne({ code: 'PJ2026-002' }).lean();
  expect(b?.voters).toHaveLength(40);
  // Project 1: 12 满意, 12 基本满意, 12 + 4 不满意; project 2: 12 不满意… shifted by one, + 4 不满意.
  expect(b?.counts).toEqual([12, 12, 16, 12, 12, 16]);
});

it('hides the result while open, then shows each project’s counts and 满意率', async () => {
  expect(await h.say('d01', '票决结果 PJ2026-002', single)).toContain('还在进行中');
  expect(await office('票决结果 PJ2026-002')).toContain('已投 40/40 人');
  await office('结束票决 PJ2026-002 公布');
  const result = await h.say('d01', '票决结果 PJ2026-002', single);
  expect(result).toBe(
    [
      '**测评结果** PJ2026-002《2026年民生实事项目满意度测评》',
      '参加投票 40/40 人，超过全体代表的半数，测评有效。',
      '1. 村道硬化：满意 12，基本满意 12，不满意 16；满意率 60.0%',
      '2. 饮水改造：满意 12，基本满意 12，不满意 16；满意率 60.0%',
    ].join('\n'),
  );
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**测评结果** PJ2026-002'))).toEqual([result]);
  expect(await office('立项 PJ2026-002')).toBe('PJ2026-002 是测评或评议，不能立项：立项用已结束的民生实事票决。');
});

it('opens a 部门评议 with each unit’s record of the year, and shows it beside the ratings', async () => {
  // 住建办 handled two opinions: one answered in time and rated 满意, one still open; 派出所 none.
  await h.say('d01', '建议 村口路灯坏了很久了，晚上出行不便，请尽快维修', single);
  await h.say('d02', '建议 菜市场门口积水严重，下雨天难以通行，请疏通排水', single);
  await office('交办 YJ2026-001 单位：住建办');
  await office('交办 YJ2026-002 单位：住建办');
  await office('答复 YJ2026-001 A 已于12月2日完成路灯维修');
  await h.say('d01', '评价 YJ2026-001 满意', single);
  expect(await office('发起评议 单位：住建；派出所 截止：12月20日18点')).toContain(
    '已发起部门评议 PJ2026-003《2026年部门评议》',
  );
  await h.drain();
  const push = h.groupTexts().find((t) => t.includes('**部门评议** PJ2026-003'))!;
  expect(push).toContain('1. 住建办\n2. 派出所');
  expect(push).toContain('- 住建办：本年交办 2 件，已答复 1 件，按期答复率 100.0%，解决率 100.0%，满意率 100.0%');
  expect(push).toContain('- 派出所：本年交办 0 件，已答复 0 件，按期答复率 —，解决率 —，满意率 —');
  expect(await office('发起评议 截止：12月20日18点')).toContain('格式：发起评议');
  expect(await office('发起评议 单位：住建办；住建办 截止：12月20日18点')).toBe('「住建办」写了两次。');
  await Promise.all(deputies.slice(0, 21).map((id) => h.say(id, '投票 PJ2026-003 满意 基本满意', single)));
  await office('结束票决 PJ2026-003');
  const result = await h.say('d05', '票决结果 PJ2026-003', single);
  expect(result).toContain('参加投票 21/40 人，超过全体代表的半数，测评有效。');
  expect(result).toContain('1. 住建办：满意 21，基本满意 0，不满意 0；满意率 100.0%');
  expect(result).toContain('2. 派出所：满意 0，基本满意 21，不满意 0；满意率 100.0%');
  expect(result).toContain('各单位本年办理代表建议情况：\n- 住建办：本年交办 2 件');
});
