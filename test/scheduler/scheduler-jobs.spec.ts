import { createJobs } from '../../jobs';
import { createLogger } from '../../src/logger';
import { createScheduler } from '../../src/scheduler/scheduler';
import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
const silent = createLogger({ level: 'silent' });

beforeEach(async () => {
  // Monday 2026-11-23 08:00 Beijing.
  // Installed in the summer: the tests below replay weeks before "now", all after the first start.
  h = await createHarness('scheduler_jobs', {
    now: '2026-11-23T08:00:00+08:00',
    installedAt: '2026-06-01T08:00:00+08:00',
  });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhangsan', '张三');
});
afterEach(async () => h.close());

/** A second scheduler with its own in-memory state on the same database: another bot instance. */
const otherInstance = () =>
  createScheduler({ jobs: createJobs(h.config), services: h.services, clock: h.clock, log: silent, config: h.config });

const at = (beijing: string) => new Date(`${beijing}+08:00`);

async function tickAt(beijing: string) {
  h.clock.set(at(beijing));
  const reports = await h.scheduler.tick(h.clock.now());
  await h.drain();
  return reports;
}

it('start-up catch-up with the real jobs: the digest a few hours late goes out once', async () => {
  h.clock.set(at('2026-11-23T11:00:00'));
  const started = createScheduler({
    jobs: createJobs(h.config),
    services: h.services,
    clock: h.clock,
    log: silent,
    config: h.config,
  });
  const reports = await started.tick(h.clock.now());
  expect(reports).toEqual(
    expect.arrayContaining([
      { job: 'digest', slot: 'digest:2026-11-23T09:00', outcome: 'succeeded' },
      { job: 'overdue', slot: 'overdue:2026-11-23T09:30', outcome: 'succeeded' },
      { job: 'cleanup', slot: 'cleanup:2026-11-23T03:00', outcome: 'succeeded' },
      { job: 'reminders', slot: 'reminders:2026-11-23T11:00', outcome: 'succeeded' },
      // Last Wednesday's study slot is far beyond its grace window.
      { job: 'study', slot: 'study:2026-11-18T10:00', outcome: 'skipped_late' },
    ]),
  );
  await otherInstance().tick(h.clock.now());
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**代表工作周报**'))).toHaveLength(1);
});

it('a crash after the study item was taken but before it was queued still pushes it, once', async () => {
  await h.say('office1', '学习资料 代表法第二讲 https://example.com/x');
  h.clock.set(at('2026-11-25T10:00:00'));
  const slot = 'study:2026-11-25T10:00';
  await h.services.jobRuns.claim({ job: 'study', slot, slotAt: h.clock.now(), now: h.clock.now(), owner: 'crashed' });
  await h.models.StudyItem.updateOne({ code: 'XX2026-001' }, { $set: { pushedAt: h.clock.now(), pushSlot: slot } });
  h.clock.set(at('2026-11-25T10:11:00'));
  await h.scheduler.tick(h.clock.now());
  await otherInstance().tick(h.clock.now());
  h.clock.set(at('2026-11-25T10:30:00'));
  await h.scheduler.tick(h.clock.now());
  await h.drain();
  expect(h.groupTexts().filter((t) => t.includes('本周学习资料'))).toHaveLength(1);
});

it('任务 lists each job with its last runs and when it is next due', async () => {
  h.clock.set(at('2026-11-23T11:00:00'));
  await h.scheduler.tick(h.clock.now());
  h.clock.set(at('2026-11-23T11:01:00'));
  await h.scheduler.tick(h.clock.now());
  const reply = await h.say('office1', '任务');
  expect(reply.split('\n')).toEqual([
    '**定时任务**（北京时间）',
    // From 1 November while 2027's holidays are not entered (chinese-days ends with 2026).
    '⚠️ 2027年的法定节假日安排还没有录入：期限落在 2027 年的工作日只按周末估算。国务院办公厅公布后请发送「节假日 设置 2027 休：… 班：…」。',
    '**提醒推送（会议、活动、值班、定时公告）**',
    '最近：11月23日 11:01 完成：没有需要处理的',
    '下次：2026年11月23日（周一）11:02',
    '**学习资料推送**',
    '最近：11月18日 10:00 未运行：助手当时不在线，已超过补发时限',
    '下次：2026年11月25日（周三）10:00',
    '**逾期意见提醒（发给人大办）**',
    '最近：11月23日 09:30 完成：没有需要发送的内容',
    '下次：2026年11月24日（周二）09:30',
    '**周报**',
    '最近：11月23日 09:00 完成：消息 1',
    '下次：2026年11月30日（周一）09:00',
    '**过期记录清理**',
    '最近：11月23日 03:00 完成：没有需要处理的',
    '下次：2026年11月24日（周二）03:00',
    '**三色预警（提醒承办单位、提请督办）**',
    '最近：11月23日 09:00 完成：没有需要处理的',
    '下次：2026年11月24日（周二）09:00',
    '周报可以先发送「周报」预览。',
  ]);
  expect(await h.say('zhangsan', '任务')).not.toContain('定时任务');
});

it('the Monday digest covers the coming week and last week from the real services, once', async () => {
  // Last week (Mon 16 – Sun 22 November): two opinions filed, one assigned, answered and rated.
  h.clock.set(at('2026-11-17T10:00:00'));
  expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修 #公共交通')).toContain('YJ2026-001');
  expect(await h.say('zhangsan', '建议 敬老院冬季取暖设施老化，联系人电话13812345678 #社会保障')).toContain(
    'YJ2026-002',
  );
  expect(await h.say('office1', '交办 YJ2026-001 单位：交通运输局')).toContain('YJ2026-001');
  h.clock.set(at('2026-11-19T10:00:00'));
  expect(await h.say('office1', '答复 YJ2026-001 A 已于11月19日完成路灯维修')).toContain('YJ2026-001');
  expect(await h.say('zhangsan', '评价 YJ2026-001 满意')).toContain('满意');
  // Study pushed last Wednesday and marked by one deputy.
  await h.say('office1', '学习资料 代表法第二讲 https://example.com/x');
  await tickAt('2026-11-18T10:00:00');
  await h.say('zhangsan', '已学 XX2026-001');
  // The coming week: an activity with places and a meeting.
  h.clock.set(at('2026-11-22T15:00:00'));
  expect(
    await h.say('office1', '发布活动 视察镇敬老院 时间：11月25日14:30 地点：镇敬老院 名额：10 类型：视察'),
  ).toContain('HD2026-001');
  expect(await h.say('zhangsan', '报名 HD2026-001')).toContain('HD2026-001');
  expect(
    await h.say('office1', '会议通知 主席团会议 时间：11月27日9:00 地点：镇政府三楼会议室 类型：主席团会议'),
  ).toContain('HY2026-001');
  expect(await h.say('zhangsan', '回执 HY2026-001 参加')).toContain('HY2026-001');

  const preview = await h.say('office1', '周报');
  await tickAt('2026-11-23T09:00:00');
  await otherInstance().tick(h.clock.now());
  await tickAt('2026-11-23T09:01:00');
  const digests = h.groupTexts().filter((t) => t.startsWith('**代表工作周报**'));
  expect(digests).toHaveLength(1);
  const digest = digests[0]!;
  expect(digest).toContain('- HD2026-001 视察镇敬老院｜11月25日 14:30｜镇敬老院｜余 9 个名额');
  expect(digest).toContain('- HY2026-001 主席团会议｜11月27日 09:00｜镇政府三楼会议室｜已回执 1/2');
  expect(digest).toContain('**上周意见建议**（11月16日—11月22日）\n新收 2 件：');
  expect(digest).toContain('交办 1 件，答复 1 件，办结 0 件');
  expect(digest).toContain('收到评价：满意 1，基本满意 0，不满意 0');
  expect(digest).toContain('上周推送 XX2026-001《代表法第二讲》，已学 1/2 人');
  expect(digest).toContain('答复率 100.0%，办结率 0.0%，满意率 100.0%');
  expect(digest).toContain('- 报名活动：报名 HD2026-001');
  expect(digest).not.toMatch(/1381234|13812345678/);
  // The preview on Sunday afternoon showed the same content and said when it goes out.
  expect(preview).toContain('- HD2026-001 视察镇敬老院');
  // On Sunday the preview already covers the week Monday's push will report, not the one before.
  expect(preview).toContain('**上周意见建议**（11月16日—11月22日）\n新收 2 件：');
  expect(preview.startsWith(digest)).toBe(true);
  expect(preview).toContain('——以上是预览，将于 2026年11月23日（周一）09:00 自动发到群里。');
  expect(await h.say('zhangsan', '周报')).toContain('只有人大办工作人员可以使用');
});

it('an empty week is one line', async () => {
  await tickAt('2026-11-23T09:00:00');
  expect(h.groupTexts()).toEqual([
    '**代表工作周报**（11月23日）\n本周没有新的活动、会议和意见建议，祝各位代表工作顺利。',
  ]);
});

it('the overdue report goes to the office on workdays by the official calendar only', async () => {
  // The office's daily push (the colours job's 提请督办 goes to the office too: test/units/colours.spec.ts).
  const overduePushes = () => h.groupTexts().filter((t) => t.startsWith('<@office1>\n**督办提醒**'));
  h.clock.set(at('2026-09-01T10:00:00'));
  await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修 #公共交通');
  await h.say('office1', '交办 YJ2026-001 单位：交通运输局 期限：2026-09-10');
  // Thursday 1 October 2026 is the National Day holiday: cron says 1-5, the calendar says no.
  const holiday = await tickAt('2026-10-01T09:30:00');
  expect(holiday).toContainEqual({ job: 'overdue', slot: 'overdue:2026-10-01T09:30', outcome: 'succeeded' });
  expect(await h.models.JobRun.findOne({ slot: 'overdue:2026-10-01T09:30' }).lean()).toMatchObject({
    note: 'not_workday',
  });
  expect(overduePushes()).toEqual([]);
  // Friday 9 October is a working day.
  await tickAt('2026-10-09T09:30:00');
  await tickAt('2026-10-09T09:31:00');
  const sent = overduePushes();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toContain('YJ2026-001');
  // 任务 names the next working day: Saturday 10 October is a make-up working day, Sunday is not.
  expect(await h.say('office1', '任务')).toContain(
    '**逾期意见提醒（发给人大办）**\n最近：10月9日 09:30 完成：发送 1\n下次：2026年10月10日（周六）09:30',
  );
  await tickAt('2026-10-10T09:30:00');
  expect(overduePushes()).toHaveLength(2);
  expect(await h.say('office1', '任务')).toContain('下次：2026年10月12日（周一）09:30');
  await tickAt('2026-10-11T09:30:00');
  expect(await h.models.JobRun.findOne({ slot: 'overdue:2026-10-11T09:30' }).lean()).toMatchObject({
    note: 'not_workday',
  });
  expect(overduePushes()).toHaveLength(2);
});

it('cleanup expires old delivery records, finished pushes and old runs, and keeps what is still owed', async () => {
  const old = at('2026-10-01T10:00:00');
  await h.models.InboundMessage.create([
    { _id: 'old-msg', streamId: 's1', senderId: 'zhangsan', status: 'done', startedAt: old },
    { _id: 'new-msg', streamId: 's2', senderId: 'zhangsan', status: 'done', startedAt: at('2026-11-22T10:00:00') },
  ]);
  const item = {
    channel: 'webhook' as const,
    msgtype: 'text' as const,
    content: 'x',
    nextAttemptAt: old,
    createdAt: old,
  };
  await h.models.OutboxItem.create([
    { ...item, key: 'old-sent', status: 'sent' as const },
    { ...item, key: 'old-dead', status: 'dead' as const },
    { ...item, key: 'old-pending', status: 'pending' as const, nextAttemptAt: at('2026-12-01T10:00:00') },
  ]);
  await h.models.RateSlots.create({ _id: 'webhook:old', slots: [old.getTime() * 1000], at: old });
  await h.models.RateCount.create({ _id: 'aibot:old:m1', count: 3, at: old });
  await h.models.JobRun.create([
    {
      job: 'digest',
      slot: 'digest:2026-01-05T09:00',
      slotAt: at('2026-01-05T09:00:00'),
      status: 'succeeded',
      startedAt: at('2026-01-05T09:00:00'),
    },
    {
      job: 'study',
      slot: 'study:2026-11-18T10:00',
      slotAt: at('2026-11-18T10:00:00'),
      status: 'running',
      startedAt: at('2026-11-18T10:00:00'),
    },
  ]);
  await tickAt('2026-11-23T03:00:00');
  expect(await h.models.JobRun.findOne({ slot: 'cleanup:2026-11-23T03:00' }).lean()).toMatchObject({
    status: 'succeeded',
    counts: { inbound: 1, outbox: 2, rateWindows: 2, jobRuns: 1, abandonedRuns: 1 },
  });
  expect((await h.models.InboundMessage.find({}).lean()).map((m) => m._id)).toEqual(['new-msg']);
  expect((await h.models.OutboxItem.find({ key: /^old-/ }).lean()).map((m) => m.key)).toEqual(['old-pending']);
  expect(await h.models.JobRun.findOne({ slot: 'study:2026-11-18T10:00' }).lean()).toMatchObject({ status: 'failed' });
});
