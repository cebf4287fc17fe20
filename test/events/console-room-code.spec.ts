import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';
import { roomCodeAt } from '../../src/services/events/room-code';

// The check-in code on the meeting-room screen: switched on from the console, checked by 签到 in the chat.
let h: Harness;
let office: ConsoleClient;
let meeting: string;
let activity: string;

const screen = async (code: string) => (await office.get(`/api/console/events/${code}/room-code`)).body;

beforeAll(async () => {
  h = await createHarness('console-room-code', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  for (const [id, name] of [
    ['zhang', '张三'],
    ['li', '李四'],
    ['wang', '王五'],
    ['zhao', '赵六'],
    ['qian', '钱七'],
  ])
    await h.addDeputy(id!, name!);
  h.clock.set('2026-11-22T10:00:00+08:00');
  meeting = /HY2026-\d{3}/.exec(
    await h.say('office1', '会议通知 第五次主席团会议 时间：11月25日14:30 地点：镇政府大会议室 类型：主席团会议'),
  )![0];
  activity = /HD2026-\d{3}/.exec(
    await h.say('office1', '发布活动 视察敬老院 时间：11月25日15:00 地点：镇敬老院 名额：10'),
  )![0];
  expect(await h.say('zhang', `报名 ${activity}`)).toContain('报名成功');
  h.clock.set('2026-11-25T13:40:10+08:00');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

describe('switching the room code', () => {
  it('is off until the office switches it on; bare 签到 works meanwhile', async () => {
    expect(await screen(meeting)).toEqual({
      code: meeting,
      title: '第五次主席团会议',
      status: 'active',
      on: false,
      slotSeconds: 60,
    });
    expect(await h.say('qian', `签到 ${meeting}`)).toContain('签到成功');
  });

  it('needs the CSRF token and the office role', async () => {
    const noCsrf = await office.post(`/api/console/events/${meeting}/room-code`, { on: true }, { csrf: null });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    const deputy = await signIn(h, 'zhao');
    const refused = await deputy.post(`/api/console/events/${meeting}/room-code`, { on: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await deputy.get(`/api/console/events/${meeting}/room-code`)).status).toBe(403);
    const m = await h.models.Meeting.findOne({ code: meeting }).lean();
    expect(m!.roomCode ?? null).toBeNull();
  });

  it('refuses bad input and unknown events clearly', async () => {
    const bad = await office.post(`/api/console/events/${meeting}/room-code`, { on: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid');
    expect((await office.post('/api/console/events/HY2026-099/room-code', { on: true })).status).toBe(404);
    expect((await office.get('/api/console/events/YJ2026-001/room-code')).status).toBe(404);
  });

  it('switches on once (a second switch keeps the code on the screen) and never shows the secret', async () => {
    const on = await office.post(`/api/console/events/${meeting}/room-code`, { on: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ code: meeting, on: true, slotSeconds: 60 });
    expect(on.body.current).toMatch(/^\d{4}$/);
    expect(on.body.changesAt).toBe('2026-11-25T05:41:00.000Z');
    expect(on.body.secondsLeft).toBe(50);
    expect(JSON.stringify(on.body)).not.toContain('secret');
    const again = await office.post(`/api/console/events/${meeting}/room-code`, { on: true });
    expect(again.body.current).toBe(on.body.current);
    const m = await h.models.Meeting.findOne({ code: meeting }).lean();
    expect(JSON.stringify(on.body)).not.toContain(m!.roomCode!.secret);
  });
});

describe('签到 with the code on the screen', () => {
  let secret: string;
  const slot = () => Math.floor(h.clock.now().getTime() / 60_000);

  beforeAll(async () => {
    secret = (await h.models.Meeting.findOne({ code: meeting }).lean())!.roomCode!.secret;
  });

  it('asks for the code when it is missing', async () => {
    const reply = await h.say('zhang', `签到 ${meeting}`);
    expect(reply).toContain('需要现场签到码');
    expect(reply).toContain(`签到 ${meeting} 4827`);
    expect(await h.say('wang', '签到')).toContain(`${meeting} 需要现场签到码`);
  });

  it('refuses a wrong code', async () => {
    const valid = new Set(Array.from({ length: 40 }, (_, i) => roomCodeAt(secret, slot() - i)));
    const wrong = ['0000', '1111', '2222', '3333', '4444', '5555'].find((c) => !valid.has(c))!;
    expect(await h.say('zhang', `签到 ${meeting} ${wrong}`)).toContain(`签到码 ${wrong} 不对`);
    expect(await h.say('zhang', `签到 ${meeting} 12a4`)).toContain('不对');
  });

  it('accepts the current code', async () => {
    const shown = (await screen(meeting)).current as string;
    expect(shown).toBe(roomCodeAt(secret, slot()));
    expect(await h.say('zhang', `签到 ${meeting} ${shown}`)).toContain('签到成功');
  });

  it('accepts the previous minute’s code, and a bare code when one event is open', async () => {
    const shown = (await screen(meeting)).current as string;
    h.clock.advance(60_000);
    expect((await screen(meeting)).current).toBe(roomCodeAt(secret, slot()));
    expect(await h.say('li', `签到 ${meeting} ${shown}`)).toContain('签到成功');
    // Only the meeting is open for 赵六 (the activity's window opens at 14:00): the code alone is enough.
    expect(await h.say('zhao', `签到 ${roomCodeAt(secret, slot())}`)).toContain(`签到成功：${meeting}`);
  });

  it('answers an older code as expired', async () => {
    h.clock.advance(5 * 60_000);
    const live = [roomCodeAt(secret, slot()), roomCodeAt(secret, slot() - 1)];
    // A code the screen showed a few minutes ago (one that has not come round again).
    const shown = [2, 3, 4, 5].map((i) => roomCodeAt(secret, slot() - i)).find((c) => !live.includes(c))!;
    expect(await h.say('wang', `签到 ${meeting} ${shown}`)).toContain(`签到码 ${shown} 已过期`);
    const m = await h.models.Meeting.findOne({ code: meeting }).lean();
    expect(m!.checkinIds).not.toContain('wang');
  });

  it('leaves events without a room code as they were', async () => {
    h.clock.set('2026-11-25T14:10:00+08:00');
    expect(await h.say('zhang', `签到 ${activity}`)).toContain('签到成功');
  });

  it('switches off: plain 签到 works again', async () => {
    const off = await office.post(`/api/console/events/${meeting}/room-code`, { on: false });
    expect(off.body).toMatchObject({ code: meeting, on: false });
    expect(off.body.current).toBeUndefined();
    expect(await h.say('wang', `签到 ${meeting}`)).toContain('签到成功');
  });

  it('will not switch on for a cancelled meeting', async () => {
    h.clock.set('2026-11-25T14:12:00+08:00');
    const other = /HY2026-\d{3}/.exec(
      await h.say('office1', '会议通知 临时会议 时间：11月28日9:00 地点：镇政府小会议室 类型：主席团会议'),
    )![0];
    expect(await h.say('office1', `取消会议 ${other} 原因：改期`)).toContain('取消');
    const r = await office.post(`/api/console/events/${other}/room-code`, { on: true });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'roomCode.cancelled', message: expect.stringContaining('已取消') });
  });
});
