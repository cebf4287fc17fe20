import ExcelJS from 'exceljs';
import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// 活动与会议 in the console: listings and one event's people, from what the chat commands recorded.
let h: Harness;
let office: ConsoleClient;
let activity: string;
let meeting: string;
let past: string;

const codeIn = (re: RegExp, text: string) => {
  const code = re.exec(text)?.[0];
  if (!code) throw new Error(`no code in: ${text}`);
  return code;
};

beforeAll(async () => {
  h = await createHarness('console-events', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  for (const [id, name] of [
    ['zhang', '张三'],
    ['li', '李四'],
    ['wang', '王五'],
    ['zhao', '赵六'],
  ])
    await h.addDeputy(id!, name!);
  h.clock.set('2026-11-10T10:00:00+08:00');
  past = codeIn(
    /HY2026-\d{3}/,
    await h.say('office1', '会议通知 第四次主席团会议 时间：11月12日9:00 地点：镇政府大会议室 类型：主席团会议'),
  );
  h.clock.set('2026-11-22T10:00:00+08:00');
  activity = codeIn(
    /HD2026-\d{3}/,
    await h.say('office1', '发布活动 视察敬老院 时间：11月26日15:00 地点：镇敬老院 名额：1'),
  );
  meeting = codeIn(
    /HY2026-\d{3}/,
    await h.say('office1', '会议通知 第五次主席团会议 时间：11月25日14:30 地点：镇政府大会议室 类型：主席团会议'),
  );
  expect(await h.say('zhang', `报名 ${activity}`)).toContain('报名成功');
  h.clock.advance(1000);
  expect(await h.say('li', `报名 ${activity}`)).toContain('候补');
  h.clock.advance(1000);
  expect(await h.say('wang', `报名 ${activity}`)).toContain('候补');
  expect(await h.say('zhang', `参加 ${meeting}`)).toContain('已收到您的回执');
  expect(await h.say('li', `请假 ${meeting} 外出学习`)).toContain('请假（外出学习）');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

describe('listings', () => {
  it('lists upcoming events soonest first and past ones latest first', async () => {
    const up = await office.get('/api/console/events?when=upcoming');
    expect(up.status).toBe(200);
    expect(up.body.items.map((r: { code: string }) => r.code)).toEqual([meeting, activity]);
    expect(up.body.items[1]).toMatchObject({ kind: 'activity', capacity: 1, confirmed: 1, waitlisted: 2 });
    expect(up.body.items[0]).toMatchObject({ kind: 'meeting', expected: 5, answered: 2, roomCode: false });
    const before = await office.get('/api/console/events?when=past');
    expect(before.body.items.map((r: { code: string }) => r.code)).toEqual([past]);
  });

  it('refuses a bad filter, deputies and unknown codes', async () => {
    const bad = await office.get('/api/console/events?when=tomorrow');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid');
    const deputy = await signIn(h, 'zhao');
    expect((await deputy.get('/api/console/events')).status).toBe(403);
    expect((await deputy.get(`/api/console/events/${meeting}`)).status).toBe(403);
    expect((await deputy.get(`/api/console/events/${meeting}/export.xlsx`)).status).toBe(403);
    expect((await office.get('/api/console/events/HD2026-099')).status).toBe(404);
    expect((await office.get('/api/console/events/abc')).status).toBe(404);
  });
});

describe('one event', () => {
  it('shows an activity’s sign-ups and its waitlist in promotion order', async () => {
    const r = await office.get(`/api/console/events/${activity.toLowerCase()}`);
    expect(r.status).toBe(200);
    expect(r.body.signedUp.map((p: { name: string }) => p.name)).toEqual(['张三']);
    expect(r.body.waitlist.map((p: { name: string }) => p.name)).toEqual(['李四', '王五']);
    expect(r.body.room).toEqual({ on: false, slotSeconds: 60 });
  });

  it('shows a meeting’s reply slips with reasons, who has not answered, and check-ins', async () => {
    h.clock.set('2026-11-25T13:45:00+08:00');
    expect(await h.say('zhang', `签到 ${meeting}`)).toContain('签到成功');
    office = await signIn(h, 'office1'); // the session of three days ago has ended
    const r = await office.get(`/api/console/events/${meeting}`);
    expect(r.body.attending.map((p: { name: string }) => p.name)).toEqual(['张三']);
    expect(r.body.excused).toEqual([expect.objectContaining({ name: '李四', reason: '外出学习' })]);
    expect(r.body.silent.map((p: { name: string }) => p.name).sort()).toEqual(['王主任', '王五', '赵六'].sort());
    expect(r.body.checkins).toEqual([{ userid: 'zhang', name: '张三', at: '2026-11-25T05:45:00.000Z' }]);
  });

  it('exports the meeting’s list as .xlsx', async () => {
    const res = await office
      .get(`/api/console/events/${meeting}/export.xlsx`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${meeting} 第五次主席团会议 名单.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['名单', '姓名', '时间', '原因']);
    expect(rows.find((r) => r[1] === '李四')).toEqual(expect.arrayContaining(['回执：请假', '外出学习']));
    expect(rows.filter((r) => r[0] === '未回执')).toHaveLength(3);
  });
});

describe('cancelling from the console', () => {
  it('needs the CSRF token, the office role and a reason', async () => {
    const noCsrf = await office.post(`/api/console/events/${meeting}/cancel`, { cancelReason: '改期' }, { csrf: null });
    expect(noCsrf.status).toBe(403);
    const deputy = await signIn(h, 'zhao');
    expect((await deputy.post(`/api/console/events/${meeting}/cancel`, { cancelReason: '改期' })).status).toBe(403);
    const empty = await office.post(`/api/console/events/${meeting}/cancel`, { cancelReason: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.cancelReason).toBe('请填写「取消原因」');
    expect((await h.models.Meeting.findOne({ code: meeting }).lean())!.status).toBe('active');
  });

  it('cancels a meeting with the chat’s notice, once; a cancelled meeting is refused clearly', async () => {
    await h.drain();
    h.wecom.clear();
    const r = await office.post(`/api/console/events/${meeting}/cancel`, { cancelReason: '改期' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: meeting, status: 'cancelled', cancelReason: '改期' });
    await h.drain();
    expect(h.groupTexts().some((t) => t.includes(meeting) && t.includes('改期'))).toBe(true);
    const again = await h.say('office1', `取消会议 ${meeting} 再次取消`);
    expect(again).toContain('已经取消过了');
    // The same request again (a retried click) is a replay: no second notice.
    const replay = await office.post(`/api/console/events/${meeting}/cancel`, { cancelReason: '改期' });
    expect(replay.status).toBe(200);
    await h.addDeputy('office2', '刘干事', { isOffice: true });
    const other = await (
      await signIn(h, 'office2')
    ).post(`/api/console/events/${meeting}/cancel`, { cancelReason: '又改期' });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'event.alreadyCancelled', message: `${meeting} 已经取消过了。` });
    await h.drain();
    expect(h.groupTexts().filter((t) => t.includes(meeting) && t.includes('改期'))).toHaveLength(1);
  });

  it('cancels an activity and tells the signed-up deputies', async () => {
    const r = await office.post(`/api/console/events/${activity}/cancel`, { cancelReason: '天气原因' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('cancelled');
    expect((await office.post('/api/console/events/HD2026-099/cancel', { cancelReason: 'x' })).status).toBe(404);
  });
});
