import { type Harness, createHarness } from '../helpers/harness';

const ONE_TO_ONE = { chattype: 'single' } as const;

let h: Harness;

beforeAll(async () => {
  h = await createHarness('opinions_life');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
});
afterAll(async () => h.close());

/** Group pushes since the last call (drained first). */
let seen = 0;
async function newPushes(): Promise<Array<{ content: string; mentions: string[] }>> {
  await h.drain();
  const all = h.wecom.groupPushes();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh.map((p) => ({ content: p.content, mentions: p.mentions }));
}

const PHONE = '13812345678';

describe('a whole lifecycle with a second round', () => {
  it('files, co-signs, assigns, answers, is rated 不满意, goes round two, is rated 满意 and closed', async () => {
    const filed = await h.say('zhangsan', `建议 村口路灯坏了三个月，晚上出行不安全。联系人刘大爷 ${PHONE}，请尽快维修`);
    expect(filed).toContain('YJ2026-001');
    expect(filed).toContain('类别：城乡建设（按内容推荐）');
    expect(filed).toContain('进度 YJ2026-001');
    expect(await newPushes()).toEqual([]);

    expect(await h.say('lisi', '附议 yj2026-1')).toContain('共 1 位代表附议');

    const assigned = await h.say('clerk', '交办 YJ2026-001 单位：交通运输局 期限：15个工作日');
    expect(assigned).toContain('已交办 YJ2026-001 给「交通运输局」');
    // 15 working days from Sunday 2026-11-22: Nov 23–27, Nov 30–Dec 4, Dec 7–11 → Friday Dec 11.
    expect(assigned).toContain('2026年12月11日（周五）');
    expect(assigned).toContain('新单位');
    const afterAssign = await newPushes();
    expect(afterAssign).toHaveLength(1);
    expect(afterAssign[0]!.content).toMatch(/^<@zhangsan> <@lisi>\n/);
    expect(afterAssign[0]!.content).toContain('已交办给「交通运输局」');
    expect(afterAssign[0]!.content).not.toContain(PHONE);

    h.clock.set('2026-11-30T09:00:00+08:00');
    const answered = await h.say('clerk', '答复 1 A 已安排施工队更换灯杆，电话 0571-87654321 联系');
    expect(answered).toContain('已记录 YJ2026-001 的答复');
    expect(answered).not.toContain('超过办理期限');
    const afterAnswer = await newPushes();
    expect(afterAnswer).toHaveLength(1);
    expect(afterAnswer[0]!.content).toMatch(/^<@zhangsan> <@lisi>\n/);
    expect(afterAnswer[0]!.content).toContain('已安排施工队更换灯杆');
    expect(afterAnswer[0]!.content).toContain('评价 YJ2026-001 满意');
    expect(afterAnswer[0]!.content).not.toContain('87654321');

    const unhappy = await h.say('zhangsan', '评价 YJ2026-001 不满意 只换了一盏，另外两盏还是不亮');
    expect(unhappy).toContain('第 2 轮');
    expect(unhappy).toContain('交通运输局');
    const reopened = await newPushes();
    expect(reopened).toHaveLength(2);
    expect(reopened[0]!.content).toMatch(/^<@clerk> <@office1>\n/);
    expect(reopened[0]!.content).toContain('另外两盏还是不亮');
    expect(reopened[0]!.content).toContain('改派 YJ2026-001 单位：');
    expect(reopened[1]!.content).toMatch(/^<@lisi>\n您附议的建议 \*\*YJ2026-001\*\*/);
    expect(reopened[1]!.content).toContain('已转入第 2 轮办理：「交通运输局」');
    expect(reopened.map((p) => p.content).join('\n')).not.toContain(PHONE);

    // Round two goes back to the same unit; 交办 again is refused and points at the explicit 改派.
    const again = await h.say('clerk', '交办 YJ2026-001 单位：城管执法中队');
    expect(again).toContain('因提出人评价不满意，已转入第 2 轮，由「交通运输局」办理');
    expect(again).toContain('如需换单位或期限，请发送「改派 YJ2026-001 单位：… [期限：…]」');
    expect(again).not.toContain('已由 张三');
    const officeView = await h.say('clerk', '进度 YJ2026-001');
    expect(officeView).toContain('承办单位：交通运输局（第 2 轮）');
    expect(officeView).toContain('换单位或期限：改派 YJ2026-001 单位：… [期限：…]');
    expect(await h.say('zhangsan', '进度 YJ2026-001')).not.toContain('改派');
    const moved = await h.say('clerk', '改派 YJ2026-001 单位：城管执法中队 期限：12月20日');
    expect(moved).toContain('已改派 YJ2026-001 给「城管执法中队」');
    expect(moved).toContain('2026年12月20日（周日）');
    const movedPush = await newPushes();
    expect(movedPush[0]!.content).toContain('改派给「城管执法中队」（第 2 轮）');

    h.clock.set('2026-12-05T09:00:00+08:00');
    await h.say('clerk', '答复 YJ2026-001 A 三盏路灯均已修复');
    expect((await newPushes())[0]!.content).toContain('三盏路灯均已修复');
    expect(await h.say('zhangsan', '评价 YJ2026-001 满意')).toContain('已记录您对 YJ2026-001 的评价：满意');
    // The office learns the rating and that it can close.
    const ratedPush = await newPushes();
    expect(ratedPush).toHaveLength(1);
    expect(ratedPush[0]!.content).toMatch(/^<@clerk> <@office1>\n/);
    expect(ratedPush[0]!.content).toContain('提出人评价：满意');
    expect(ratedPush[0]!.content).toContain('办结 YJ2026-001');
    expect(await h.say('clerk', '办结 YJ2026-001')).toContain('已办结 YJ2026-001（提出人评价：满意）');
    const closedPush = await newPushes();
    expect(closedPush[0]!.content).toMatch(/^<@zhangsan> <@lisi>\n/);
    expect(closedPush[0]!.content).toContain('已办结');

    const doc = await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean();
    expect(doc).toMatchObject({
      status: '已办结',
      round: 2,
      unit: '城管执法中队',
      rating: '满意',
      filer: 'zhangsan',
      cosigners: ['lisi'],
    });
    expect(doc!.rounds.map((r) => [r.round, r.unit, r.rating, r.answer])).toEqual([
      [1, '交通运输局', '不满意', '已安排施工队更换灯杆，电话 0571-87654321 联系'],
      [2, '城管执法中队', '满意', '三盏路灯均已修复'],
    ]);
    expect(doc!.timeline.map((e) => e.action)).toEqual([
      'filed',
      'cosigned',
      'assigned',
      'answered',
      'rated',
      'reopened',
      'reassigned',
      'answered',
      'rated',
      'closed',
    ]);

    const timeline = await h.say('zhangsan', '进度 YJ2026-001', ONE_TO_ONE);
    expect(timeline).toContain('状态：已办结');
    expect(timeline).toContain('附议：李四');
    expect(timeline).toContain('评价：不满意（只换了一盏，另外两盏还是不亮）');
    expect(timeline).toContain('转入第 2 轮办理');
    expect(timeline).toContain('「城管执法中队」答复（第 2 轮）【A 已解决】：三盏路灯均已修复');
    expect(timeline).toContain(PHONE);
  });
});

describe('masking', () => {
  it('shows phone numbers to the filer and the office one-to-one, masked to other deputies and co-signers', async () => {
    await h.say('zhangsan', '民意 东村王大妈反映低保补贴三个月没发，电话 13987654321，身份证 330102195001011234');
    const filer = await h.say('zhangsan', '进度 YJ2026-002', ONE_TO_ONE);
    expect(filer).toContain('13987654321');
    expect(filer).toContain('（群众反映）');
    expect(await h.say('clerk', '进度 YJ2026-002', ONE_TO_ONE)).toContain('13987654321');
    // In the group everyone reads the reply: masked even for the filer and the office, with a hint.
    for (const who of ['zhangsan', 'clerk']) {
      const inGroup = await h.say(who, '进度 YJ2026-002');
      expect(inGroup).not.toContain('13987654321');
      expect(inGroup).not.toContain('330102195001011234');
      expect(inGroup).toContain('完整内容请单聊助手发送「进度 YJ2026-002」');
    }
    expect(await h.say('zhangsan', '进度 YJ2026-002', { mode: 'app' })).toContain('13987654321');
    const other = await h.say('wangwu', '查看 YJ2026-002');
    expect(other).not.toContain('13987654321');
    expect(other).toContain('139****4321');
    expect(other).not.toContain('330102195001011234');
    expect(other).toContain('附议 YJ2026-002');
    // Any deputy may co-sign any case: co-signing must not unmask the constituent's numbers.
    const cosigned = await h.say('wangwu', '联名 YJ2026-002');
    expect(cosigned).toContain('已附议');
    expect(cosigned).not.toContain('13987654321');
    const cosigner = await h.say('wangwu', '进度 YJ2026-002', ONE_TO_ONE);
    expect(cosigner).toContain('139****4321');
    expect(cosigner).not.toContain('13987654321');
    expect(cosigner).not.toContain('330102195001011234');
  });
});

describe('masking long titles', () => {
  it('never leaks digits when the title is cut in the middle of a phone number', async () => {
    await h.addDeputy('longtitle', '周八');
    const reply = await h.say('longtitle', '建议 北街农贸市场门口的路灯坏了，晚上很黑，请联系 13812345678 了解情况');
    expect(reply).not.toContain('138123');
    const code = /YJ2026-\d{3}/.exec(reply)![0];
    expect(await h.say('longtitle', '我的建议')).not.toContain('138123');
    expect(await h.say('wangwu', `进度 ${code}`)).not.toContain('138123');
    expect(await h.say('longtitle', `进度 ${code}`, ONE_TO_ONE)).toContain('13812345678');
    await h.say('clerk', `交办 ${code} 单位：交通运输局`);
    const pushes = await newPushes();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.content).not.toContain('138123');
  });
});

describe('filing details', () => {
  it('takes a known #类别, says when a tag is unknown, and falls back to keywords', async () => {
    const given = await h.say('lisi', '建议 希望增加到县城的班次，方便老人看病 #医疗卫生');
    expect(given).toContain('类别：医疗卫生');
    expect(given).not.toContain('按内容推荐');
    const doc = await h.models.Opinion.findOne({ filer: 'lisi' }).sort({ filedAt: -1 }).lean();
    expect(doc!.content).toBe('希望增加到县城的班次，方便老人看病');
    const unknown = await h.say('lisi', '建议 河道里垃圾很多，夏天发臭 #卫生问题');
    expect(unknown).toContain('「#卫生问题」不是现有类别');
    expect(unknown).toContain('类别：环境整治（按内容推荐）');
  });

  it('points to similar open opinions with a 附议 hint and still files the new one', async () => {
    const first = await h.say('wangwu', '建议 南街菜市场门口的路灯坏了，晚上很黑，请维修');
    const code = /YJ2026-\d{3}/.exec(first)![0];
    const second = await h.say('lisi', '建议 南街菜市场门口路灯坏了好久，晚上太黑，请尽快维修');
    expect(second).toContain('相近');
    expect(second).toContain(`- ${code} 南街菜市场门口的路灯坏了`);
    expect(second).toContain(`附议 ${code}`);
    const newCode = /编号 \*\*(YJ2026-\d{3})\*\*/.exec(second)![1]!;
    expect(second).toContain(`撤回 ${newCode}`);
    expect(await h.models.Opinion.countDocuments({ code: newCode, status: '待交办' })).toBe(1);
    const unrelated = await h.say('lisi', '建议 学校门口需要增设斑马线和减速带');
    expect(unrelated).not.toContain('相近');
  });

  it('a WeCom retry of the same message files nothing new', async () => {
    const before = await h.models.Opinion.countDocuments({});
    const a = await h.say('wangwu', '建议 希望镇卫生院延长周末门诊时间', { msgid: 'retry-file-1' });
    const b = await h.say('wangwu', '建议 希望镇卫生院延长周末门诊时间', { msgid: 'retry-file-1' });
    expect(b).toBe(a);
    expect(await h.models.Opinion.countDocuments({})).toBe(before + 1);
  });
});

describe('codes and my opinions', () => {
  it.each([['YJ2026-001'], ['yj2026-1'], ['1'], ['１'], ['ＹＪ２０２６－００１'], ['YJ2026001']])(
    '进度 %s finds YJ2026-001',
    async (typed) => {
      expect(await h.say('zhangsan', `进度 ${typed}`)).toContain('**YJ2026-001**');
    },
  );

  it('pages 我的建议 ten at a time, newest first, and says how to see more', async () => {
    await h.addDeputy('busy', '钱六');
    for (let i = 1; i <= 12; i++) {
      h.clock.advance(60_000);
      await h.say('busy', `建议 第${i}条：希望在${i}号路口增设公交站台`);
    }
    const page1 = await h.say('busy', '我的建议');
    expect(page1).toContain('共 12 件（第 1/2 页');
    expect(page1.split('\n').filter((l) => l.startsWith('- ')).length).toBe(10);
    expect(page1.indexOf('第12条')).toBeLessThan(page1.indexOf('第11条'));
    expect(page1).toContain('已 0 天');
    expect(page1).toContain('我的建议 2');
    const page2 = await h.say('busy', '我的建议 2');
    expect(page2).toContain('第1条');
    expect(page2).toContain('第2条');
    expect(page2).not.toContain('我的建议 3');
    expect(await h.say('busy', '我的建议 5')).toContain('没有第 5 页（共 2 页）');
    expect(await h.say('busy', '我的建议 abc')).toContain('我的建议 2');
    await h.addDeputy('quiet', '孙七');
    expect(await h.say('quiet', '我的建议')).toContain('还没有提交过建议');
  });
});
