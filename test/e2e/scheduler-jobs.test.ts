import { createJobs } from '../../jobs';
import { type Composed, composeApp } from '../../src/compose';
import { createLogger } from '../../src/logger';
import { createScheduler } from '../../src/scheduler/scheduler';
import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
let second: Composed;
const silent = createLogger({ level: 'silent' });

beforeEach(async () => {
  // Monday 2026-11-23 08:00 Beijing.
  h = await createHarness('scheduler_jobs', { now: '2026-11-23T08:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhangsan', '张三');
  second = await composeApp({ config: h.config, connection: h.db.connection, log: silent, clock: h.clock });
});
afterEach(async () => {
  await second.stop();
  await h.close();
});

const at = (beijing: string) => new Date(`${beijing}+08:00`);

async function tickAt(beijing: string) {
  h.clock.set(at(beijing));
  const reports = await h.scheduler.tick(h.clock.now());
  await h.drain();
  return reports;
}

it('start-up catch-up with the real jobs: the digest a few hours late goes out once', async () => {
  h.clock.set(at('2026-11-23T11:00:00'));
  const started = createScheduler({ jobs: createJobs(h.config), services: h.services, clock: h.clock, log: silent, config: h.config });
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
  await second.scheduler.tick(h.clock.now());
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
  await second.scheduler.tick(h.clock.now());
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
    '周报可以先发送「周报」预览。',
  ]);
  expect(await h.say('zhangsan', '任务')).not.toContain('定时任务');
});
