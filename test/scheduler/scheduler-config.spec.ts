import { ConfigError, loadConfig } from '../../config';
import { createJobs } from '../../jobs';
import { type Harness, createHarness } from '../helpers/harness';

// Operators steer the jobs through the environment: a schedule per job and an on/off switch per job.
let h: Harness;

beforeAll(async () => {
  // Monday 2026-11-23 08:00 Beijing.
  h = await createHarness('scheduler_config', {
    now: '2026-11-23T08:00:00+08:00',
    env: { JOB_ENABLED_DIGEST: 'false', JOB_SCHEDULE_STUDY: '0 9 * * 4', JOB_ENABLED_CLEANUP: '' },
  });
  await h.addDeputy('office1', '王主任');
});
afterAll(async () => h.close());

it('a job switched off by JOB_ENABLED_<NAME>=false does not run, and 任务 and 周报 say so', async () => {
  h.clock.set('2026-11-23T09:00:00+08:00');
  const reports = await h.scheduler.tick(h.clock.now());
  await h.drain();
  expect(reports.map((r) => r.job)).not.toContain('digest');
  expect(h.groupTexts().filter((t) => t.startsWith('**代表工作周报**'))).toEqual([]);
  expect(await h.models.JobRun.countDocuments({ job: 'digest' })).toBe(0);

  const tasks = (await h.say('office1', '任务')).split('\n');
  expect(tasks.slice(tasks.indexOf('**周报**（已关闭）'), tasks.indexOf('**周报**（已关闭）') + 3)).toEqual([
    '**周报**（已关闭）',
    '还没有运行过',
    '下次：—',
  ]);
  // An empty switch keeps the default (on).
  expect(tasks).toContain('**过期记录清理**');
  expect(await h.say('office1', '周报')).toContain('周报定时任务当前未开启，不会自动发送。');
});

it('JOB_SCHEDULE_<NAME> moves a job; 任务 and 学习资料 follow it', async () => {
  h.clock.set('2026-11-23T10:00:00+08:00');
  const tasks = (await h.say('office1', '任务')).split('\n');
  expect(tasks[tasks.indexOf('**学习资料推送**') + 2]).toBe('下次：2026年11月26日（周四）09:00');
  expect(await h.say('office1', '学习资料 宪法学习 https://example.com/xf')).toContain(
    '预计 2026年11月26日（周四）09:00 推送到群里',
  );
});

it('bad values stop start-up, naming the variable', () => {
  const base = { NODE_ENV: 'test' };
  expect(() => loadConfig({ ...base, JOB_ENABLED_STUDY: 'yes' })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, JOB_ENABLED_STUDY: 'yes' })).toThrow(/JOB_ENABLED_STUDY/);
  expect(loadConfig({ ...base, JOB_ENABLED_OVERDUE: 'false' }).tunables.jobs.overdue.enabled).toBe(false);
  expect(() => createJobs(loadConfig({ ...base, JOB_SCHEDULE_DIGEST: '0 25 * * 1' }))).toThrow(
    /^JOB_SCHEDULE_DIGEST: cron "0 25 \* \* 1": hour "25"/,
  );
});
