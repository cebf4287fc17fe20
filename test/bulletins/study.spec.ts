import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;

beforeAll(async () => {
  // Sunday 2026-11-22 10:00 Beijing; the study job runs Wednesdays at 10:00.
  h = await createHarness('study', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
});
afterAll(async () => h.close());

const studyPushes = () => h.wecom.groupPushes().filter((p) => p.content.includes('本周学习资料'));

async function tickAt(beijing: string) {
  h.clock.set(`${beijing}+08:00`);
  await h.scheduler.tick(h.clock.now());
  await h.drain();
}

it('queues study items and says when each will be pushed', async () => {
  expect(await h.say('office1', '学习资料 代表法第二讲 https://example.com/daibiaofa?p=2 请周五前学完')).toBe(
    '已加入学习资料 XX2026-001《代表法第二讲》，排在待推送第 1 位，预计 2026年11月25日（周三）10:00 推送到群里。发送「学习」查看。',
  );
  expect(await h.say('office1', '学习资料 宪法学习 第一章总纲')).toContain(
    'XX2026-002《宪法学习》，排在待推送第 2 位，预计 2026年12月2日（周三）10:00',
  );
  expect(
    await h.say('office1', '学习资料 地方组织法解读 链接：https://example.com/dfzzf 说明：重点看第三章'),
  ).toContain('XX2026-003《地方组织法解读》，排在待推送第 3 位');
  expect(await h.models.StudyItem.findOne({ code: 'XX2026-003' }).lean()).toMatchObject({
    link: 'https://example.com/dfzzf',
    note: '重点看第三章',
  });
});

it('refuses bad input with the right form', async () => {
  expect(await h.say('office1', '学习资料')).toContain('例：学习资料 代表法第二讲 https://');
  expect(await h.say('office1', '学习资料 标题 链接：ftp://example.com/x')).toContain('要以 http:// 或 https:// 开头');
  expect(await h.say('zhangsan', '学习资料 我也想加')).toContain('只有人大办工作人员可以使用');
  expect(await h.say('zhangsan', '已学')).toContain('例：已学 XX2026-001');
  expect(await h.say('zhangsan', '已学 abc')).toContain('「abc」不是学习资料编号');
  expect(await h.say('zhangsan', '已学 XX2026-099')).toContain('没有找到学习资料 XX2026-099');
  // Queued but not pushed yet: nothing to have studied, and nothing recorded.
  expect(await h.say('zhangsan', '已学 XX2026-001')).toBe(
    '学习资料 XX2026-001《代表法第二讲》还没有推送到群里，推送后再标记「已学」。发送「学习」查看已推送的资料。',
  );
  expect(await h.models.StudyItem.findOne({ code: 'XX2026-001' }).lean()).toMatchObject({ learned: [] });
  expect(await h.say('zhangsan', '学习')).toBe('还没有推送过学习资料。');
});

it('pushes one item per Wednesday slot, in queue order, never twice', async () => {
  await tickAt('2026-11-25T09:59:00');
  expect(studyPushes()).toHaveLength(0);
  await tickAt('2026-11-25T10:00:00');
  await tickAt('2026-11-25T10:01:00');
  expect(studyPushes().map((p) => p.content)).toEqual([
    '**本周学习资料** XX2026-001\n《代表法第二讲》\n请周五前学完\n[点击打开学习资料](https://example.com/daibiaofa?p=2)\n学完后请发送「已学 XX2026-001」。',
  ]);
  await tickAt('2026-12-02T10:00:00');
  await tickAt('2026-12-09T10:00:00');
  expect(studyPushes().map((p) => p.content.split('\n')[0])).toEqual([
    '**本周学习资料** XX2026-001',
    '**本周学习资料** XX2026-002',
    '**本周学习资料** XX2026-003',
  ]);
  // The queue is empty: the next Wednesday pushes nothing and the run says why.
  await tickAt('2026-12-16T10:00:00');
  expect(studyPushes()).toHaveLength(3);
  expect(await h.models.JobRun.findOne({ slot: 'study:2026-12-16T10:00' }).lean()).toMatchObject({
    status: 'succeeded',
    note: 'queue_empty',
  });
});

it('marks 已学 once per deputy, even when sent twice at the same moment', async () => {
  const replies = await Promise.all([h.say('zhangsan', '已学 XX2026-001'), h.say('zhangsan', '已学 xx2026-1')]);
  expect(replies.sort()).toEqual(
    [
      '已记录：您学习了 XX2026-001《代表法第二讲》。谢谢！',
      '您之前已经标记过 XX2026-001《代表法第二讲》，无需重复。',
    ].sort(),
  );
  expect(await h.say('lisi', '已学 1')).toContain('已记录');
  // Again, once the item carries several marks (the guard is on the sub-document array itself).
  expect(await h.say('zhangsan', '已学 XX2026-001')).toContain('之前已经标记过');
  expect(await h.say('lisi', '已学 ＸＸ２０２６－００１')).toContain('之前已经标记过');
  const item = await h.models.StudyItem.findOne({ code: 'XX2026-001' }).lean();
  expect(item!.learned.map((l) => l.userid).sort()).toEqual(['lisi', 'zhangsan']);
});

it('学习 shows each deputy their own marks, and the office how many marked', async () => {
  expect(await h.say('zhangsan', '学习')).toBe(
    [
      '**最近的学习资料**',
      '- ⬜ XX2026-003《地方组织法解读》',
      '- ⬜ XX2026-002《宪法学习》',
      '- ✅ XX2026-001《代表法第二讲》',
      '学完后发送「已学 XX2026-003」标记。',
    ].join('\n'),
  );
  const office = await h.say('office1', '学习');
  expect(office).toContain('- ✅ XX2026-001《代表法第二讲》'.replace('✅', '⬜') + '（已学 2/3 人）');
  expect(office).toContain('XX2026-002《宪法学习》（已学 0/3 人）');
});
