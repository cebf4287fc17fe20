import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// The 操作日志 covers the scheduled jobs too: a job's writes are recorded under the job's name, via 'job'.

let h: Harness;
let office: ConsoleClient;

beforeAll(async () => {
  // Sunday 2026-11-22 10:00 Beijing; the study job runs Wednesdays at 10:00.
  h = await createHarness('audit-jobs', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

type Row = { who: { userid: string; name: string }; via: string; what: string; kind: string; code: string; op: string };
const log = async (query: string): Promise<Row[]> => (await office.get(`/api/console/audit?${query}`)).body.items;

it('records the reminders job sending a scheduled announcement and the study job pushing an item', async () => {
  expect(await h.say('office1', '公告 时间：11月25日 9:00 周三上午全体代表培训')).toContain('GG2026-001');
  expect(await h.say('office1', '学习资料 代表法第二讲 https://example.com/daibiaofa')).toContain('XX2026-001');
  // A tick with nothing due writes nothing, so it logs nothing.
  await h.scheduler.tick(new Date('2026-11-24T09:00:00+08:00'));
  expect((await log('person=job:reminders')).length).toBe(0);

  await h.scheduler.tick(new Date('2026-11-25T09:00:10+08:00'));
  await h.scheduler.tick(new Date('2026-11-25T10:00:10+08:00'));
  await h.drain();

  expect((await log('code=GG2026-001')).map((e) => [e.via, e.who.userid, e.what, e.op])).toEqual([
    ['job', 'job:reminders', '定时任务·提醒推送（会议、活动、值班、定时公告）', 'update'],
    ['job', 'job:reminders', '定时任务·提醒推送（会议、活动、值班、定时公告）', 'update'],
    ['chat', 'office1', '公告', 'create'],
  ]);
  const study = await log('code=XX2026-001');
  expect(study.map((e) => [e.via, e.who.userid, e.who.name, e.kind])).toEqual([
    ['job', 'job:study', '定时任务·学习资料推送', 'StudyItem'],
    ['chat', 'office1', '王主任', 'StudyItem'],
  ]);
  // The page's person filter finds a job by its name too.
  expect((await log(`person=${encodeURIComponent('定时任务·学习资料推送')}`)).length).toBe(0);
  expect((await log('person=job:study')).map((e) => e.code)).toEqual(['XX2026-001']);
});

it('records an activity reminder sent by the reminders job; the chat’s writes stay the person’s', async () => {
  const hd = /HD\d{4}-\d{3}/.exec(await h.say('office1', '发布活动 视察敬老院 时间：11月27日14:30 地点：镇敬老院'))![0];
  expect(await h.say('zhang', `报名 ${hd}`)).toContain('报名成功');
  await h.scheduler.tick(new Date('2026-11-26T14:30:30+08:00'));
  await h.drain();
  const rows = await log(`code=${hd}`);
  // The sweep claims the reminder, then records it sent: each write that took effect is one entry.
  const byJob = rows.filter((e) => e.via === 'job');
  expect(byJob.length).toBeGreaterThan(0);
  expect(new Set(byJob.map((e) => `${e.who.userid} ${e.kind} ${e.op}`))).toEqual(
    new Set(['job:reminders Activity update']),
  );
  expect(rows.slice(byJob.length).map((e) => [e.via, e.who.userid, e.op])).toEqual([
    ['chat', 'zhang', 'update'],
    ['chat', 'office1', 'create'],
  ]);
  // The announcement of the activity, then the reminder the job sent.
  expect(h.wecom.groupPushes().filter((p) => p.content.includes(hd)).length).toBeGreaterThanOrEqual(2);
});
