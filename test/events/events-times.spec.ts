import { type Harness, createHarness } from '../helpers/harness';

// Natural-language times, check-in eligibility and liaison-station shifts. Clock: Sun 2026-11-22 10:00.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('events-times');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
});
afterAll(async () => h.close());
beforeEach(() => h.clock.set('2026-11-22T10:00:00+08:00'));

const publish = (time: string, extra = '') => h.say('office1', `发布活动 学习培训 时间：${time} 地点：党校 ${extra}`);
const codeIn = (reply: string) => /H[DY]2026-\d{3}/.exec(reply)![0];

describe('times are parsed, echoed in full, and refused with an example when wrong', () => {
  it.each([
    ['明天下午3点', '2026年11月23日（周一）15:00'],
    ['下周三上午9点', '2026年11月25日（周三）09:00'],
    ['11月25日14:30', '2026年11月25日（周三）14:30'],
    ['２０２６-１２-０１ ０９:００', '2026年12月1日（周二）09:00'],
  ])('%s → %s', async (typed, echoed) => {
    const reply = await publish(typed);
    expect(reply).toContain(`时间：${echoed}`);
    const a = await h.models.Activity.findOne({ code: codeIn(reply) }).lean();
    expect(a!.startAt).toEqual(a!.deadline);
  });

  it('refuses an impossible date, the past, a day without a clock time, and nonsense, each with an example', async () => {
    const impossible = await publish('11月31日 9:00');
    expect(impossible).toContain('不是有效的日期');
    expect(impossible).toContain('例：');
    expect(await publish('今天上午8点')).toContain('已经过去');
    expect(await publish('2026年11月20日9:00')).toContain('已经过去');
    expect(await publish('12月5日')).toContain('没有具体钟点');
    expect(await publish('改天再说')).toContain('没看懂时间');
    expect(await h.say('office1', '会议通知 主席团会议 时间：11月31日9:00 地点：会议室')).toContain('不是有效的日期');
    expect(
      await h.models.Activity.countDocuments({ title: '学习培训', startAt: { $lt: new Date('2026-11-22T02:00:00Z') } }),
    ).toBe(0);
  });

  it('takes an end time and a deadline, and refuses an unknown type with the list', async () => {
    const reply = await publish('11月25日14:30-17:00', '名额：5 截止：11月24日');
    expect(reply).toContain('报名截止：2026年11月24日（周二）23:59');
    const a = await h.models.Activity.findOne({ code: codeIn(reply) }).lean();
    expect(a!.endAt).toEqual(new Date('2026-11-25T17:00:00+08:00'));
    expect(await publish('11月25日14:30', '类型：郊游')).toContain('可选：视察、调研');
  });
});

describe('activity check-in', () => {
  it('only the signed-up may check in to an activity with places; anyone to an open-type one', async () => {
    await h.models.Activity.deleteMany({});
    const limited = codeIn(await h.say('office1', '发布活动 视察 时间：11月25日14:30 地点：敬老院 名额：2 类型：视察'));
    const open = codeIn(await h.say('office1', '发布活动 代表培训 时间：11月26日9:00 地点：党校 类型：培训'));
    await h.say('zhangsan', `报名 ${limited}`);
    h.clock.set('2026-11-25T13:00:00+08:00');
    expect(await h.say('zhangsan', `签到 ${limited}`)).toContain('还没到签到时间');
    h.clock.set('2026-11-25T13:30:00+08:00');
    const notSigned = await h.say('lisi', `签到 ${limited}`);
    expect(notSigned).toContain('只有报名的代表');
    expect(notSigned).toContain(`请先报名：报名 ${limited}`);
    expect(await h.say('zhangsan', '签到')).toContain(`签到成功：${limited}`);
    h.clock.set('2026-11-26T08:10:00+08:00');
    expect(await h.say('lisi', `签到 ${Number(open.slice(-3))}`)).toContain(`签到成功：${open}`);
    const record = await h.services.events.attendanceFor('zhangsan', 2026);
    expect(record.activities).toEqual([
      expect.objectContaining({ code: limited, signedUp: true, attended: true, excused: false }),
    ]);
  });

  it('walk-in check-in needs both: no places and a type the config opens', async () => {
    await h.models.Activity.deleteMany({});
    // 培训 is an open type, but with places the places are the limit: the waitlisted cannot walk in.
    const placed = codeIn(await h.say('office1', '发布活动 代表培训 时间：11月25日9:00 地点：党校 名额：1 类型：培训'));
    // No places, but 调研 is not an open type: sign up first.
    const survey = codeIn(await h.say('office1', '发布活动 调研 时间：11月25日14:30 地点：东村 类型：调研'));
    await h.say('zhangsan', `报名 ${placed}`);
    expect(await h.say('lisi', `报名 ${placed}`)).toContain('候补');
    h.clock.set('2026-11-25T08:30:00+08:00');
    expect(await h.say('lisi', `签到 ${placed}`)).toContain('候补名单中（第 1 位）');
    expect(await h.say('wangwu', `签到 ${placed}`)).toContain('只有报名的代表');
    expect(await h.say('zhangsan', `签到 ${placed}`)).toContain('签到成功');
    h.clock.set('2026-11-25T14:00:00+08:00');
    expect(await h.say('wangwu', `签到 ${survey}`)).toContain(`请先报名：报名 ${survey}`);
    expect(await h.say('wangwu', `报名 ${survey}`)).toContain('报名成功');
    expect(await h.say('wangwu', '签到')).toContain(`签到成功：${survey}`);
    // After the start (the default deadline) a deputy who never signed up is pointed to the office.
    h.clock.set('2026-11-25T14:40:00+08:00');
    expect(await h.say('lisi', `签到 ${survey}`)).toContain('联系人大办补登');
    const a = await h.models.Activity.findOne({ code: placed }).lean();
    expect(a!.checkinIds).toEqual(['zhangsan']);
  });
});

describe('liaison-station shifts', () => {
  it('schedules deputies, remembers the station, lists mine first, and checks in on the day', async () => {
    const first = await h.say('office1', '排班 11月28日 张三、李四 地点：东村代表联络站');
    expect(first).toContain('2026年11月28日（周六） 东村代表联络站');
    expect(first).toContain('张三、李四');
    expect(first).toContain('新联络站');
    const second = await h.say('office1', '排班 11月29日 王五 地点：东村联络站');
    expect(second).toContain('东村代表联络站');
    expect(second).not.toContain('新联络站');
    expect(await h.say('office1', '排班 11月28日 张三 地点：东村代表联络站')).toContain('已在这个班次：张三');
    expect(await h.say('office1', '排班 11月28日 赵七')).toContain('没有在册的「赵七」');
    const list = await h.say('wangwu', '值班');
    expect(list.indexOf('我的值班')).toBeLessThan(list.indexOf('其他排班'));
    expect(list.split('其他排班')[0]).toContain('11月29日');
    expect(await h.say('zhangsan', '签到 值班')).toContain('还没到值班签到时间');
    h.clock.set('2026-11-28T09:05:00+08:00');
    expect(await h.say('zhangsan', '签到 值班')).toContain('签到成功：接访值班');
    expect(await h.say('zhangsan', '签到 值班')).toContain('已签到过');
    expect(await h.say('wangwu', '签到 值班')).toContain('还没到值班签到时间');
    const record = await h.services.events.attendanceFor('zhangsan', 2026);
    expect(record.shifts).toEqual([expect.objectContaining({ station: '东村代表联络站', checkedIn: true })]);
  });

  it('names that are unknown or ambiguous are all listed at once, and nothing is scheduled', async () => {
    await h.addDeputy('zhangsi', '张四');
    const reply = await h.say('office1', '排班 12月6日 李四 张 赵七 钱八 地点：东村代表联络站');
    expect(reply).toContain('这次没有排班');
    expect(reply).toContain('「张」对应多人：张三（zhangsan）、张四（zhangsi）');
    expect(reply).toContain('没有在册的「赵七」');
    expect(reply).toContain('没有在册的「钱八」');
    expect(await h.models.Shift.countDocuments({ slot: '2026-12-06' })).toBe(0);
    const bad = await h.say('office1', '排班 12月32日 张三 地点：东村代表联络站');
    expect(bad).toContain('「12月32日」不是有效的日期');
    expect(bad).toContain('例：排班 12月5日');
  });

  it('a station name that could be two known ones is asked about, and nothing is scheduled', async () => {
    await h.say('office1', '排班 12月7日 张三 地点：东街代表联络站（新）');
    const reply = await h.say('office1', '排班 12月8日 张三 地点：东联络站');
    expect(reply).toBe(
      '「东联络站」可能是：东村代表联络站、东街代表联络站。请写全称；确是新联络站请在末尾加「（新）」。',
    );
    expect(await h.models.Shift.countDocuments({ slot: '2026-12-08' })).toBe(0);
  });
});
