import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// 活动与会议 created and edited from the console's form: the same services, rules and notices as
// 发布活动 / 会议通知 / 修改活动 / 修改会议 in the chat, with the console's version check and field errors.
let h: Harness;
let office: ConsoleClient;
let n = 0;
const requestId = () => `req-${Date.now()}-${++n}`;

const codeIn = (re: RegExp, text: string) => {
  const code = re.exec(text)?.[0];
  if (!code) throw new Error(`no code in: ${text}`);
  return code;
};
/** A push's text with event codes blanked, to compare a console notice with the chat's. */
const blank = (s: string) => s.replace(/H[DY]\d{4}-\d{3}/g, '<code>');

const activityForm = (o: Record<string, unknown> = {}) => ({
  kind: 'activity',
  title: '调研农贸市场',
  type: '调研',
  startAt: '2026-11-27 09:00',
  endAt: '2026-11-27 11:30',
  place: '镇农贸市场',
  capacity: 2,
  signupDeadline: '2026-11-26 18:00',
  roomCode: false,
  requestId: requestId(),
  ...o,
});

beforeAll(async () => {
  h = await createHarness('console-event-forms', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  for (const [id, name] of [
    ['zhang', '张三'],
    ['li', '李四'],
    ['wang', '王五'],
  ])
    await h.addDeputy(id!, name!);
  h.clock.set('2026-11-22T10:00:00+08:00');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

describe('creating', () => {
  it('creates an activity with the same announcement as 发布活动, once per request', async () => {
    await h.drain();
    h.wecom.clear();
    const viaChat = codeIn(
      /HD2026-\d{3}/,
      await h.say(
        'office1',
        '发布活动 调研农贸市场 时间：11月27日9:00-11:30 地点：镇农贸市场 名额：2 截止：11月26日18:00 类型：调研',
      ),
    );
    const body = activityForm();
    const r = await office.post('/api/console/events', body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'activity',
      title: '调研农贸市场',
      type: '调研',
      place: '镇农贸市场',
      capacity: 2,
      startAt: '2026-11-27T01:00:00.000Z',
      endAt: '2026-11-27T03:30:00.000Z',
      deadline: '2026-11-26T10:00:00.000Z',
      deadlineIsDefault: false,
      status: 'active',
      version: 0,
      existed: false,
    });
    expect(r.body.code).not.toBe(viaChat);
    await h.drain();
    const [chat, console] = h.groupTexts();
    expect(h.groupTexts()).toHaveLength(2);
    expect(console).toContain(r.body.code);
    expect(blank(console!)).toBe(blank(chat!));
    // The same request again (a retried click): the first activity, no second announcement.
    const again = await office.post('/api/console/events', body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ code: r.body.code, existed: true });
    await h.drain();
    expect(h.groupTexts()).toHaveLength(2);
    expect(await h.models.Activity.countDocuments({ title: '调研农贸市场' })).toBe(2);
  });

  it('creates a meeting with the same @全体 notice as 会议通知, expected = every active deputy, room code on', async () => {
    await h.drain();
    h.wecom.clear();
    await h.say('office1', '会议通知 第六次主席团会议 时间：11月28日14:30 地点：镇政府大会议室 类型：主席团会议');
    const r = await office.post('/api/console/events', {
      kind: 'meeting',
      title: '第六次主席团会议',
      type: '主席团会议',
      startAt: '2026-11-28 14:30',
      place: '镇政府大会议室',
      roomCode: true,
      requestId: requestId(),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'meeting', expected: 4, roomCode: true, endAt: null });
    expect(r.body.room.on).toBe(true);
    await h.drain();
    // The notice, then the @全体 line: the chat's two pushes, then the console's two.
    const pushes = h.wecom.groupPushes();
    expect(pushes).toHaveLength(4);
    expect(pushes.slice(2).map((p) => blank(p.content))).toEqual(pushes.slice(0, 2).map((p) => blank(p.content)));
    expect(pushes[3]!.mentions).toEqual(['@all']);
    const opts = await office.get('/api/console/event-form');
    expect(opts.body).toMatchObject({ meetingExpected: 4 });
    expect(opts.body.activityTypes).toContain('调研');
  });

  it('answers field errors in Chinese and writes nothing', async () => {
    await h.drain();
    h.wecom.clear();
    const before = await h.models.Activity.countDocuments();
    const bad = await office.post('/api/console/events', activityForm({ title: ' ', place: '', startAt: '明天' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'invalid',
      fields: {
        title: '请填写「标题」',
        place: '请填写「地点」',
        startAt: '「开始时间」应是日期和钟点，格式如 2026-12-05 14:30',
      },
    });
    const past = await office.post('/api/console/events', activityForm({ startAt: '2026-11-21 09:00', endAt: null }));
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('event.startPast');
    expect(past.body.error.fields).toEqual({ startAt: expect.stringContaining('已经过去了') });
    const ends = await office.post('/api/console/events', activityForm({ endAt: '2026-11-27 08:00' }));
    expect(ends.body.error.fields).toEqual({ endAt: '结束时间要晚于开始时间（2026年11月27日（周五）09:00）。' });
    const late = await office.post('/api/console/events', activityForm({ signupDeadline: '2026-11-28 09:00' }));
    expect(late.body.error.fields.signupDeadline).toContain('不能晚于开始时间');
    const type = await office.post('/api/console/events', activityForm({ type: '郊游' }));
    expect(type.body.error.fields.type).toContain('没有「郊游」这个活动类型');
    const cap = await office.post('/api/console/events', activityForm({ capacity: 0 }));
    expect(cap.body.error.fields.capacity).toBe('「名额」不能小于 1');
    const extra = await office.post('/api/console/events', { ...activityForm(), secret: 1 });
    expect(extra.status).toBe(400);
    expect(await h.models.Activity.countDocuments()).toBe(before);
    await h.drain();
    expect(h.wecom.pushes).toHaveLength(0);
  });

  it('refuses a deputy and a write without the CSRF token', async () => {
    const deputy = await signIn(h, 'zhang');
    expect((await deputy.post('/api/console/events', activityForm())).status).toBe(403);
    expect((await deputy.get('/api/console/event-form')).status).toBe(403);
    const noCsrf = await office.post('/api/console/events', activityForm(), { csrf: null });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    const created = await h.models.Activity.countDocuments({ createdBy: 'zhang' });
    expect(created).toBe(0);
  });
});

describe('editing', () => {
  let code: string;
  let twin: string;

  beforeAll(async () => {
    code = (await office.post('/api/console/events', activityForm({ title: '视察敬老院', capacity: 3 }))).body.code;
    twin = codeIn(
      /HD2026-\d{3}/,
      await h.say(
        'office1',
        '发布活动 视察敬老院 时间：11月27日9:00-11:30 地点：镇农贸市场 名额：3 截止：11月26日18:00 类型：调研',
      ),
    );
    for (const c of [code, twin]) {
      expect(await h.say('zhang', `报名 ${c}`)).toContain('报名成功');
      expect(await h.say('li', `报名 ${c}`)).toContain('报名成功');
    }
  });

  it('changes time and place with the same notices as 修改活动 (group and the signed-up deputies)', async () => {
    await h.drain();
    h.wecom.clear();
    await h.say('office1', `修改活动 ${twin} 时间：11月27日14:00-16:00 地点：镇政府二楼会议室`);
    await h.drain();
    const d = (await office.get(`/api/console/events/${code}`)).body;
    expect(d.version).toBe(2);
    const r = await office.post(`/api/console/events/${code}/change`, {
      version: d.version,
      startAt: '2026-11-27 14:00',
      endAt: '2026-11-27 16:00',
      place: '镇政府二楼会议室',
      capacity: 3,
      signupDeadline: '2026-11-26 18:00',
      roomCode: false,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ changed: ['时间', '地点'], place: '镇政府二楼会议室', version: 3 });
    await h.drain();
    // The change notice, then the line to the deputies signed up: the chat's two, then the console's two.
    const groups = h.wecom.groupPushes();
    expect(groups).toHaveLength(4);
    expect(groups.slice(2).map((p) => blank(p.content))).toEqual(groups.slice(0, 2).map((p) => blank(p.content)));
    expect(groups[3]!.content).toContain(code);
    expect(groups[3]!.content).toMatch(/^<@zhang> <@li>\n/);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const d = (await office.get(`/api/console/events/${code}`)).body;
    expect(await h.say('wang', `报名 ${code}`)).toContain('报名成功'); // a sign-up meanwhile
    const r = await office.post(`/api/console/events/${code}/change`, {
      version: d.version,
      startAt: '2026-11-27 15:00',
      place: '镇政府二楼会议室',
      capacity: 3,
      roomCode: false,
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'event.changedMeanwhile', message: expect.stringContaining(code) });
    const after = await h.models.Activity.findOne({ code }).lean();
    expect(after!.startAt.toISOString()).toBe('2026-11-27T06:00:00.000Z');
  });

  it('refuses places below the sign-ups (the rule of 修改活动); raising them works and is told', async () => {
    const d = (await office.get(`/api/console/events/${code}`)).body;
    expect(d.confirmed).toBe(3);
    const form = {
      version: d.version,
      startAt: '2026-11-27 14:00',
      endAt: '2026-11-27 16:00',
      place: '镇政府二楼会议室',
      signupDeadline: '2026-11-26 18:00',
      roomCode: false,
    };
    const r = await office.post(`/api/console/events/${code}/change`, { ...form, capacity: 2 });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: 'activity.capacityBelowSigned',
      fields: { capacity: `${code} 已有 3 人报名，名额不能少于 3。如确需减少，请先与代表沟通后由代表取消报名。` },
    });
    expect((await h.models.Activity.findOne({ code }).lean())!.capacity).toBe(3);
    const up = await office.post(`/api/console/events/${code}/change`, { ...form, capacity: 5, roomCode: true });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ changed: ['名额'], capacity: 5, roomCode: true });
    // Only the room-code switch: no change notice.
    await h.drain();
    h.wecom.clear();
    const room = await office.post(`/api/console/events/${code}/change`, {
      ...form,
      version: up.body.version,
      capacity: 5,
      roomCode: false,
    });
    expect(room.status).toBe(200);
    expect(room.body).toMatchObject({ changed: [], roomCode: false });
    // Fields left out stay as they are (the end, places, deadline, room code).
    const bare = await office.post(`/api/console/events/${code}/change`, {
      version: room.body.version,
      startAt: '2026-11-27 14:00',
      place: '镇政府二楼会议室',
    });
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({
      changed: [],
      capacity: 5,
      endAt: '2026-11-27T08:00:00.000Z',
      deadlineIsDefault: false,
    });
    await h.drain();
    expect(h.wecom.pushes).toHaveLength(0);
  });

  it('refuses editing a cancelled meeting and a finished activity with a clear message', async () => {
    const m = await office.post('/api/console/events', {
      kind: 'meeting',
      title: '代表座谈会',
      startAt: '2026-11-29 09:00',
      place: '镇政府三楼会议室',
      requestId: requestId(),
    });
    expect(m.status).toBe(201);
    await h.say('office1', `取消会议 ${m.body.code} 因故延期`);
    const d = (await office.get(`/api/console/events/${m.body.code}`)).body;
    const r = await office.post(`/api/console/events/${m.body.code}/change`, {
      version: d.version,
      startAt: '2026-11-30 09:00',
      place: '镇政府三楼会议室',
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'event.cancelled', message: expect.stringContaining('已取消') });
    expect((await h.models.Meeting.findOne({ code: m.body.code }).lean())!.startAt.toISOString()).toBe(
      '2026-11-29T01:00:00.000Z',
    );
    h.clock.set('2026-11-27T18:00:00+08:00');
    const fresh = await signIn(h, 'office1');
    const a = (await fresh.get(`/api/console/events/${twin}`)).body;
    const over = await fresh.post(`/api/console/events/${twin}/change`, {
      version: a.version,
      startAt: '2026-12-01 09:00',
      place: '镇敬老院',
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('event.over');
    expect(over.body.error.message).toBe(`${twin} 已经结束，不能再修改或取消。`);
    expect(
      (
        await fresh.post('/api/console/events/HD2026-099/change', {
          version: 0,
          startAt: '2026-12-01 09:00',
          place: 'x',
        })
      ).status,
    ).toBe(404);
    // The console's writes are in the 操作日志 as the office member's, via the console.
    const log = await fresh.get(`/api/console/audit?code=${code}`);
    const rows = log.body.items as Array<{ via: string; what: string; op: string; who: { userid: string } }>;
    expect(rows.filter((e) => e.via === 'console').map((e) => e.what)).toEqual(
      expect.arrayContaining(['POST /api/console/events', 'POST /api/console/events/:code/change']),
    );
    expect(rows.find((e) => e.what === 'POST /api/console/events')).toMatchObject({
      op: 'create',
      who: { userid: 'office1' },
    });
    office = fresh;
  });
});
