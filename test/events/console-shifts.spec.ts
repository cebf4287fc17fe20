import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// 值班 in the console: the week's liaison-station shifts, 排班 and taking a deputy off, through the
// shift services the chat's 排班 uses, with the same notices.
let h: Harness;
let office: ConsoleClient;
let n = 0;
const requestId = () => `shift-${Date.now()}-${++n}`;
/** Pushes to named deputies (the harness's channel mentions them in the group): who and what. */
const told = () =>
  h.wecom.groupPushes().map((p) => {
    const [head, ...rest] = p.content.split('\n');
    return { to: [...head!.matchAll(/<@([^>]+)>/g)].map((m) => m[1]!), text: rest.join('\n') };
  });

type View = {
  id: string;
  day: string;
  time: string | null;
  station: string;
  members: Array<{ userid: string; name: string }>;
  checkins: Array<{ userid: string; name: string }>;
  editable: boolean;
};

beforeAll(async () => {
  h = await createHarness('console-shifts', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  for (const [id, name] of [
    ['zhang', '张三'],
    ['li', '李四'],
    ['wang', '王五'],
  ])
    await h.addDeputy(id!, name!);
  h.clock.set('2026-11-23T08:00:00+08:00'); // a Monday
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

describe('排班 from the page', () => {
  it('puts deputies on a shift with the same notice as 排班, and shows the week', async () => {
    await h.drain();
    h.wecom.clear();
    // The chat's 排班 for comparison: the same notice to the deputies put on.
    expect(await h.say('office1', '排班 11月24日 王五 地点：东村代表联络站')).toContain('已排班');
    const r = await office.post('/api/console/shifts', {
      day: '2026-11-25',
      station: '东村代表联络站',
      userids: ['zhang', 'li'],
      requestId: requestId(),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ added: ['张三', '李四'], already: [], station: { name: '东村代表联络站' } });
    expect(r.body.shift).toMatchObject({ day: '2026-11-25', time: null, station: '东村代表联络站', editable: true });
    await h.drain();
    const pushes = told();
    expect(pushes).toHaveLength(2);
    expect(pushes[0]!.to).toEqual(['wang']);
    expect(pushes[1]!.to).toEqual(['zhang', 'li']);
    expect(pushes[1]!.text).toBe(pushes[0]!.text.replace('11月24日（周二）', '11月25日（周三）'));

    const week = await office.get('/api/console/shifts?week=2026-11-26');
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({ from: '2026-11-23', to: '2026-11-29', stations: ['东村代表联络站'] });
    expect(week.body.days).toHaveLength(7);
    expect((week.body.items as View[]).map((s) => [s.day, s.members.map((m) => m.name)])).toEqual([
      ['2026-11-24', ['王五']],
      ['2026-11-25', ['张三', '李四']],
    ]);
    expect((await office.get('/api/console/shifts?week=2026-11-30')).body.items).toEqual([]);
    expect((await office.get('/api/console/shifts?station=西村联络站')).body.items).toEqual([]);
  });

  it('does not put the same deputy on a shift twice, nor tell them twice', async () => {
    await h.drain();
    h.wecom.clear();
    const body = { day: '2026-11-25', station: '东村', userids: ['zhang', 'wang'], requestId: requestId() };
    const r = await office.post('/api/console/shifts', body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      added: ['王五'],
      already: ['张三'],
      station: { name: '东村代表联络站', corrected: true },
    });
    const again = await office.post('/api/console/shifts', body);
    expect(again.body).toMatchObject({ added: [], already: ['张三', '王五'] });
    const doc = await h.models.Shift.findOne({ slot: '2026-11-25' }).lean();
    expect(doc!.memberIds).toEqual(['zhang', 'li', 'wang']);
    expect(doc!.members).toHaveLength(3);
    await h.drain();
    expect(told().map((p) => p.to)).toEqual([['wang']]);
  });

  it('answers field errors and writes nothing', async () => {
    await h.drain();
    h.wecom.clear();
    const before = await h.models.Shift.countDocuments();
    const bad = await office.post('/api/console/shifts', {
      day: '2026-02-30',
      time: '25:00',
      station: '',
      userids: [],
      requestId: requestId(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'invalid',
      fields: {
        day: '「日期」应是日期，格式如 2026-12-31',
        time: '「开始时间」应是钟点，格式如 09:30',
        station: '请填写「联络站」',
        userids: '「值班代表」至少要有 1 项',
      },
    });
    const past = await office.post('/api/console/shifts', {
      day: '2026-11-22',
      station: '东村代表联络站',
      userids: ['zhang'],
      requestId: requestId(),
    });
    expect(past.body.error.fields).toEqual({ day: '2026年11月22日（周日） 已经过去了，只能安排今天及以后的值班。' });
    const unknown = await office.post('/api/console/shifts', {
      day: '2026-11-27',
      station: '东村代表联络站',
      userids: ['zhang', 'nobody'],
      requestId: requestId(),
    });
    expect(unknown.body.error.fields).toEqual({ userids: '名册中没有在册代表「nobody」，请从列表中选择。' });
    // A name that could be two known stations: the refusal's code, on the station field, in the form's words.
    await h.models.Station.create({ name: '东街代表联络站' });
    const ambiguous = await office.post('/api/console/shifts', {
      day: '2026-11-27',
      station: '东联络站',
      userids: ['zhang'],
      requestId: requestId(),
    });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body.error).toMatchObject({ code: 'station.ambiguous' });
    expect(ambiguous.body.error.fields.station).toContain('「东联络站」可能是：');
    expect(ambiguous.body.error.fields.station).toContain('东街代表联络站');
    expect(await h.models.Shift.countDocuments()).toBe(before);
    await h.drain();
    expect(h.wecom.pushes).toHaveLength(0);
  });

  it('refuses a deputy and a write without the CSRF token', async () => {
    const deputy = await signIn(h, 'zhang');
    expect((await deputy.get('/api/console/shifts')).status).toBe(403);
    const body = { day: '2026-11-27', station: '东村代表联络站', userids: ['zhang'], requestId: requestId() };
    expect((await deputy.post('/api/console/shifts', body)).status).toBe(403);
    const noCsrf = await office.post('/api/console/shifts', body, { csrf: null });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    expect(await h.models.Shift.countDocuments({ slot: '2026-11-27' })).toBe(0);
  });
});

describe('check-ins and taking a deputy off', () => {
  let shift: View;

  beforeAll(async () => {
    const r = await office.post('/api/console/shifts', {
      day: '2026-11-23',
      time: '14:00',
      station: '东村代表联络站',
      userids: ['zhang', 'li'],
      requestId: requestId(),
    });
    expect(r.status).toBe(200);
    shift = r.body.shift;
    expect(shift.time).toBe('14:00');
  });

  it('shows the shift’s check-ins; a deputy who checked in stays on it', async () => {
    h.clock.set('2026-11-23T13:50:00+08:00');
    expect(await h.say('zhang', '签到 值班')).toContain('签到成功');
    const fresh = await signIn(h, 'office1');
    const week = await fresh.get('/api/console/shifts');
    const s = (week.body.items as View[]).find((x) => x.id === shift.id)!;
    expect(s.checkins).toEqual([
      expect.objectContaining({ userid: 'zhang', name: '张三', at: '2026-11-23T05:50:00.000Z' }),
    ]);
    const refused = await fresh.post(`/api/console/shifts/${shift.id}/remove`, { userid: 'zhang' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'shift.memberCheckedIn',
      message: expect.stringContaining('张三 已在'),
    });
    office = fresh;
  });

  it('takes a deputy off and tells them; a retried removal changes nothing; an empty shift goes', async () => {
    await h.drain();
    h.wecom.clear();
    const r = await office.post(`/api/console/shifts/${shift.id}/remove`, { userid: 'li' });
    expect(r.status).toBe(200);
    expect(r.body.removed).toBe(true);
    expect(r.body.shift.members.map((m: { userid: string }) => m.userid)).toEqual(['zhang']);
    const again = await office.post(`/api/console/shifts/${shift.id}/remove`, { userid: 'li' });
    expect(again.body.removed).toBe(false);
    await h.drain();
    expect(told().map((p) => [p.to, p.text])).toEqual([
      [['li'], '人大办已取消您 2026年11月23日（周一）14:00 东村代表联络站 的接访值班安排。发「值班」可查看最新排班。'],
    ]);
    const wed = await h.models.Shift.findOne({ slot: '2026-11-24' }).lean();
    const gone = await office.post(`/api/console/shifts/${String(wed!._id)}/remove`, { userid: 'wang' });
    expect(gone.body).toEqual({ shift: null, removed: true });
    expect(await h.models.Shift.countDocuments({ slot: '2026-11-24' })).toBe(0);
    expect((await office.post('/api/console/shifts/abc/remove', { userid: 'li' })).status).toBe(404);
    // In the 操作日志, as the console's.
    const log = await office.get(`/api/console/audit?code=${shift.id}`);
    expect((log.body.items as Array<{ what: string; via: string }>).map((e) => [e.via, e.what])).toEqual(
      expect.arrayContaining([
        ['console', 'POST /api/console/shifts/:id/remove'],
        ['console', 'POST /api/console/shifts'],
      ]),
    );
  });

  it('refuses changing a shift that is over', async () => {
    h.clock.set('2026-11-24T09:00:00+08:00');
    const fresh = await signIn(h, 'office1');
    const r = await fresh.post(`/api/console/shifts/${shift.id}/remove`, { userid: 'zhang' });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'shift.pastLocked',
      message: expect.stringContaining('已经过去，不能再调整'),
    });
    const week = await fresh.get('/api/console/shifts?week=2026-11-23');
    expect((week.body.items as View[]).find((x) => x.id === shift.id)!.editable).toBe(false);
  });
});
