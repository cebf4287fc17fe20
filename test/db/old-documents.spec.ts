import { type Harness, createHarness } from '../helpers/harness';

// Documents written by earlier versions carry parallel id arrays (opinions.origins, meetings.replyIds,
// study_items.learnedIds) that new writes no longer keep. The guards are on the sub-documents, which
// those documents have too: they must go on working, and a retried message must still apply once.
// Activities were stored 'open' (meetings 'active'): the start rewrites them once, and they act as before.
// Send budgets were kept in one rate_windows collection for both kinds: the start clears it.

let h: Harness;
beforeAll(async () => {
  h = await createHarness('old_documents');
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
});
afterAll(async () => h.close());

it('new writes leave the old id arrays out', async () => {
  expect(await h.say('zhang', '建议 村口路灯坏了三个月，晚上出行很不方便，请尽快维修')).toContain('YJ2026-001');
  const o = await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean();
  expect(o).not.toHaveProperty('origins');
  expect(o!.timeline[0]!.origin).toBeTruthy();
});

it('an opinion with the old origins array: a retried 附议 applies once', async () => {
  const o = await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean();
  await h.models.Opinion.updateOne({ code: 'YJ2026-001' }, { $set: { origins: o!.timeline.map((e) => e.origin) } });
  const first = await h.say('li', '附议 1', { msgid: 'old-cosign-1' });
  expect(first).toContain('附议');
  // The inbox would answer a redelivery itself; go past it to the service's own replay guard.
  await h.models.InboundMessage.deleteOne({ _id: 'old-cosign-1' });
  await h.say('li', '附议 1', { msgid: 'old-cosign-1' });
  const after = await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean();
  expect(after!.cosigners).toEqual(['li']);
  expect(after!.timeline.filter((e) => e.action === 'cosigned')).toHaveLength(1);
});

it('a meeting with the old replyIds array: a slip is changed in place, never doubled', async () => {
  const code = /HY2026-\d{3}/.exec(
    await h.say('office1', '会议通知 主席团会议 时间：11月26日 14:00 地点：三楼会议室'),
  )![0];
  expect(await h.say('zhang', `回执 ${code} 参加`)).toContain('已收到您的回执');
  const m = await h.models.Meeting.findOne({ code }).lean();
  expect(m).not.toHaveProperty('replyIds');
  await h.models.Meeting.updateOne({ code }, { $set: { replyIds: m!.replies.map((r) => r.userid) } });
  expect(await h.say('zhang', `请假 ${code} 外出学习`)).toContain('已更新您的回执');
  expect(await h.say('li', `回执 ${code} 参加`)).toContain('已收到您的回执');
  const after = await h.models.Meeting.findOne({ code }).lean();
  expect(after!.replies.map((r) => [r.userid, r.answer])).toEqual([
    ['zhang', '请假'],
    ['li', '参加'],
  ]);
});

it('a study item with the old learnedIds array: marked once per deputy', async () => {
  await h.say('office1', '学习资料 宪法学习');
  await h.services.study.pushNext(h.clock.now(), 'old-docs:1');
  expect(await h.say('zhang', '已学 XX2026-001')).toContain('已记录');
  await h.models.StudyItem.updateOne({ code: 'XX2026-001' }, { $set: { learnedIds: ['zhang'] } });
  expect(await h.say('zhang', '已学 XX2026-001')).toContain('之前已经标记过');
  expect(await h.say('li', '已学 XX2026-001')).toContain('已记录');
  const item = await h.models.StudyItem.findOne({ code: 'XX2026-001' }).lean();
  expect(item!.learned.map((l) => l.userid)).toEqual(['zhang', 'li']);
});

it("an activity stored 'open' and the old rate_windows are upgraded at start, once; the activity acts as before", async () => {
  const code = /HD2026-\d{3}/.exec(
    await h.say('office1', '发布活动 视察敬老院 时间：11月28日 9:00 地点：镇敬老院 名额：1 类型：视察'),
  )![0];
  // As the previous version stored it, and a cancelled one beside it that must stay cancelled.
  await h.models.Activity.collection.updateOne({ code }, { $set: { status: 'open' } });
  const gone = /HD2026-\d{3}/.exec(await h.say('office1', '发布活动 走访农户 时间：11月29日 9:00 地点：东村'))![0];
  expect(await h.say('office1', `取消活动 ${gone} 天气原因`)).toContain('取消');
  const statuses = async () =>
    (await h.models.Activity.find({}, { code: 1, status: 1 }).sort({ code: 1 }).lean()).map((a) => [a.code, a.status]);

  // The shared send budget of the previous version (both kinds in one collection), which this one no longer reads.
  const oldWindows = h.db.connection.collection<{ _id: string; slots?: number[]; count?: number; at: Date }>(
    'rate_windows',
  );
  await oldWindows.insertMany([
    { _id: 'webhook', slots: [h.clock.now().getTime() * 1000], at: h.clock.now() },
    { _id: 'aibot:chat:m1', count: 3, at: h.clock.now() },
  ]);
  // A new version starting on the same database (a restart, or a second instance).
  const next = await createHarness('old_documents_next', { db: h.db, clock: h.clock });
  try {
    expect(await oldWindows.countDocuments({})).toBe(0);
    expect(await statuses()).toEqual([
      [code, 'active'],
      [gone, 'cancelled'],
    ]);
    expect(await next.say('zhang', '活动')).toContain(code);
    expect(await next.say('zhang', `报名 ${code}`)).toContain('报名成功');
    expect(await next.say('li', `报名 ${code}`)).toContain('候补');
    expect(await next.say('zhang', `取消报名 ${code}`)).toContain('取消');
    const after = await h.models.Activity.findOne({ code }).lean();
    expect(after!.confirmedIds).toEqual(['li']);
  } finally {
    await next.close();
  }
  // Once more (every start, every reconnection): nothing left to change.
  const again = await createHarness('old_documents_again', { db: h.db, clock: h.clock });
  await again.close();
  expect(await statuses()).toEqual([
    [code, 'active'],
    [gone, 'cancelled'],
  ]);
});
