import { type Harness, createHarness } from '../helpers/harness';

// Meeting notices, reply slips, tallies, check-in windows, changes and cancellations.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('events-meetings');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  await h.addDeputy('zhaoliu', '赵六');
});
afterAll(async () => h.close());

async function notice(title: string, time: string): Promise<string> {
  const reply = await h.say('office1', `会议通知 ${title} 时间：${time} 地点：镇政府大会议室 类型：主席团会议`);
  const code = /HY2026-\d{3}/.exec(reply)?.[0];
  if (!code) throw new Error(`no code in: ${reply}`);
  return code;
}

describe('a meeting from notice to attendance', () => {
  let code: string;

  beforeAll(async () => {
    h.clock.set('2026-11-22T10:00:00+08:00');
    code = await notice('第五次主席团会议', '11月25日14:30');
  });

  it('announces with @全体 and expects every active deputy', async () => {
    await h.drain();
    const pushes = h.wecom.groupPushes();
    expect(
      pushes.some((p) => p.content.includes(`会议通知 ${code}`) && p.content.includes('2026年11月25日（周三）14:30')),
    ).toBe(true);
    expect(pushes.some((p) => p.mentions.includes('@all'))).toBe(true);
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect([...m!.expectedIds].sort()).toEqual(['lisi', 'wangwu', 'zhangsan', 'zhaoliu']);
  });

  it('takes reply slips, needs a reason for leave, and lets a slip change until the start', async () => {
    expect(await h.say('zhangsan', `参加 ${code}`)).toContain('已收到您的回执');
    expect(await h.say('lisi', `请假 ${code}`)).toContain('请写明原因');
    expect(await h.say('lisi', `回执 ${code} 请假`)).toContain('请写明原因');
    expect(await h.say('lisi', `请假 ${code} 外出学习`)).toContain('请假（外出学习）');
    expect(await h.say('wangwu', `回执 ${code} 请假 原因：住院`)).toContain('请假（住院）');
    expect(await h.say('wangwu', `回执 ${code} 参加`)).toContain('已更新您的回执');
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.filter((r) => r.userid === 'wangwu')).toHaveLength(1);
    expect(await h.say('zhaoliu', '会议')).toContain('我的回执：未回执');
    expect(await h.say('lisi', `会议 ${code}`)).toContain('我的回执：请假（外出学习）');
  });

  it('shows the office the tally with the names of the excused and the silent', async () => {
    const tally = await h.say('office1', `会议 ${code.toLowerCase()}`);
    expect(tally).toContain('应到 4 人');
    expect(tally).toContain('参加 2 人：王五、张三');
    expect(tally).toContain('请假 1 人：李四（外出学习）');
    expect(tally).toContain('未回执 1 人：赵六');
  });

  it('refuses check-in outside the window, with the window in the answer', async () => {
    h.clock.set('2026-11-25T13:29:00+08:00');
    const early = await h.say('zhangsan', `签到 ${code}`);
    expect(early).toContain('还没到签到时间');
    expect(early).toContain('2026年11月25日（周三）13:30 至 2026年11月25日（周三）17:30');
    h.clock.set('2026-11-25T13:30:00+08:00');
    expect(await h.say('zhangsan', `签到 ${code}`)).toContain('签到成功');
    expect(await h.say('zhangsan', `签到 ${code}`)).toContain('不用重复签到');
    h.clock.set('2026-11-25T14:31:00+08:00');
    expect(await h.say('wangwu', `回执 ${code} 请假 临时有事`)).toContain('回执已截止');
    h.clock.set('2026-11-25T17:31:00+08:00');
    expect(await h.say('wangwu', `签到 ${code}`)).toContain('签到已结束');
  });

  it('after the meeting each expected deputy is attended, excused or absent', async () => {
    h.clock.set('2026-11-25T18:00:00+08:00');
    const tally = await h.say('office1', `会议 ${code}`);
    expect(tally).toContain('出席 1 人：张三');
    expect(tally).toContain('请假 1 人：李四（外出学习）');
    expect(tally).toContain('缺席 2 人：王五、赵六');
    const record = await h.services.events.attendanceFor('lisi', 2026);
    expect(record.meetings).toEqual([expect.objectContaining({ code, result: 'excused' })]);
    expect((await h.services.events.attendanceFor('zhangsan', 2026)).meetings[0]!.result).toBe('attended');
    expect((await h.services.events.attendanceFor('zhaoliu', 2026)).meetings[0]!.result).toBe('absent');
  });
});

describe('changes and cancellations', () => {
  it('a changed meeting is announced to everyone with the new time; a cancelled one stops reply slips', async () => {
    h.clock.set('2026-11-22T10:00:00+08:00');
    const code = await notice('临时会议', '11月27日9:00');
    await h.drain();
    h.wecom.clear();
    const changed = await h.say('office1', `修改会议 ${code} 时间：11月28日上午9点 地点：村委会`);
    expect(changed).toContain('2026年11月28日（周六）09:00');
    await h.drain();
    const pushes = h.wecom.groupPushes();
    expect(pushes.find((p) => p.content.includes(`会议变更 ${code}`))!.content).toContain('村委会');
    expect(pushes.some((p) => p.mentions.includes('@all'))).toBe(true);
    h.wecom.clear();
    expect(await h.say('zhangsan', `取消会议 ${code} 改期`)).toContain('只有人大办');
    expect(await h.say('office1', `取消会议 ${code} 因故延期`)).toContain('已取消');
    await h.drain();
    expect(h.groupTexts().some((t) => t.includes(`会议取消 ${code}`) && t.includes('因故延期'))).toBe(true);
    expect(await h.say('lisi', `参加 ${code}`)).toContain('已取消');
  });

  it('an activity change tells the signed-up deputies; a cancellation tells them too', async () => {
    h.clock.set('2026-11-22T10:00:00+08:00');
    const created = await h.say('office1', '发布活动 调研农村道路 时间：11月26日9:00 地点：东村 名额：2 类型：调研');
    const code = /HD2026-\d{3}/.exec(created)![0];
    await h.say('zhangsan', `报名 ${code}`);
    await h.say('lisi', `报名 ${code}`);
    await h.say('wangwu', `报名 ${code}`);
    await h.drain();
    h.wecom.clear();
    const reply = await h.say('office1', `修改活动 ${code} 地点：西村 名额：3`);
    expect(reply).toContain('候补转正：王五');
    await h.drain();
    const texts = h.groupTexts();
    expect(texts.some((t) => t.includes(`活动变更 ${code}`) && t.includes('西村'))).toBe(true);
    const told = texts.find((t) => t.includes('有变更'))!;
    for (const u of ['zhangsan', 'lisi']) expect(told).toContain(`<@${u}>`);
    expect(texts.some((t) => t.includes('<@wangwu>') && t.includes('从候补转为正式报名'))).toBe(true);
    h.wecom.clear();
    expect(await h.say('office1', `取消活动 ${code} 道路施工`)).toContain('3 位代表');
    await h.drain();
    const cancelled = h.groupTexts().find((t) => t.includes('已取消，原因：道路施工'))!;
    for (const u of ['zhangsan', 'lisi', 'wangwu']) expect(cancelled).toContain(`<@${u}>`);
    expect(cancelled).not.toContain('<@zhaoliu>');
    expect(await h.say('zhaoliu', `报名 ${code}`)).toContain('已取消');
  });

  it('a cancellation retried after a crash re-sends its notice once; another cancel is refused', async () => {
    // A minute of its own: earlier tests used up the robot's 20 pushes for 10:00.
    h.clock.set('2026-11-22T11:00:00+08:00');
    const meeting = /HY2026-\d{3}/.exec(
      await h.say('office1', '会议通知 主席团会议 时间：12月3日9:00 地点：镇政府三楼'),
    )![0];
    const activity = /HD2026-\d{3}/.exec(
      await h.say('office1', '发布活动 视察河道 时间：12月4日9:00 地点：北河 名额：5'),
    )![0];
    await h.addDeputy('qianqi', '钱七');
    expect(await h.say('qianqi', `报名 ${activity}`)).toContain(activity);
    await h.drain();
    h.wecom.clear();
    const cases = [
      [`取消会议 ${meeting} 与上级会议冲突`, 'cancel-m', `^meeting:${meeting}:cancelled`],
      [`取消活动 ${activity} 汛期封河`, 'cancel-a', `^activity:${activity}:cancelled`],
    ] as const;
    for (const [cmd, msgid, keys] of cases) {
      await h.say('office1', cmd, { msgid });
      // The crash: the cancellation was stored, but its notices never reached the outbox, and the
      // inbound record was never finished — so WeCom's retry runs the command again.
      await h.models.OutboxItem.deleteMany({ key: { $regex: keys } });
      await h.models.InboundMessage.deleteOne({ _id: `bot:${msgid}` });
      expect(await h.say('office1', cmd, { msgid })).toContain('已取消');
    }
    await h.drain();
    const texts = h.groupTexts();
    expect(texts.filter((t) => t.includes(`会议取消 ${meeting}`) && t.includes('与上级会议冲突'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('已取消，原因：汛期封河') && t.includes('<@qianqi>'))).toHaveLength(1);
    // A different message trying to cancel again is still told it is already cancelled.
    expect(await h.say('office1', `取消会议 ${meeting} 再取消一次`)).toContain('已经取消');
  });
});

describe('retries, ambiguity and what the group may read', () => {
  it('a notice retried after a crash re-queues its announcement once and creates nothing new', async () => {
    h.clock.set('2026-11-22T12:00:00+08:00');
    await h.drain();
    h.wecom.clear();
    const cases = [
      ['会议通知 补选会议 时间：12月8日9:00 地点：礼堂', 'create-m', /HY2026-\d{3}/, '会议通知'],
      ['发布活动 视察学校 时间：12月9日9:00 地点：中心校 名额：4', 'create-a', /HD2026-\d{3}/, '活动通知'],
    ] as const;
    for (const [cmd, msgid, pattern, heading] of cases) {
      const code = pattern.exec(await h.say('office1', cmd, { msgid }))![0];
      // The crash: stored, but the announcement never reached the outbox and the inbound record was never finished.
      await h.models.OutboxItem.deleteMany({ key: { $regex: `:${code}:created` } });
      await h.models.InboundMessage.deleteOne({ _id: `bot:${msgid}` });
      const again = await h.say('office1', cmd, { msgid });
      expect(again).toContain('已经发');
      expect(again).toContain(code);
      await h.drain();
      expect(h.groupTexts().filter((t) => t.includes(`**${heading} ${code}**`))).toHaveLength(1);
    }
    expect(await h.models.Meeting.countDocuments({ title: '补选会议' })).toBe(1);
    expect(await h.models.Activity.countDocuments({ title: '视察学校' })).toBe(1);
  });

  it('a bare number that is both my activity and a meeting ahead: 请假 asks which', async () => {
    h.clock.set('2026-11-22T13:00:00+08:00');
    await h.models.Activity.deleteMany({});
    await h.models.Meeting.deleteMany({});
    await h.models.Counter.deleteMany({});
    const act = /HD2026-\d{3}/.exec(await h.say('office1', '发布活动 调研 时间：12月10日9:00 地点：东村 名额：3'))![0];
    const meet = /HY2026-\d{3}/.exec(await h.say('office1', '会议通知 主席团会议 时间：12月11日9:00 地点：会议室'))![0];
    expect(act.slice(-3)).toBe(meet.slice(-3));
    const n = Number(act.slice(-3));
    await h.say('zhangsan', `报名 ${act}`);
    const which = await h.say('zhangsan', `请假 ${n} 外出`);
    expect(which).toContain(`请假 ${meet} <原因>`);
    expect(which).toContain(`请假 ${act} <原因>`);
    expect((await h.models.Meeting.findOne({ code: meet }).lean())!.replies).toEqual([]);
    expect((await h.models.Activity.findOne({ code: act }).lean())!.confirmedIds).toEqual(['zhangsan']);
    // Not on the activity: the number means the meeting.
    expect(await h.say('lisi', `请假 ${n} 外出`)).toContain(`已收到您的回执：${meet}`);
  });

  it('reasons are masked and mention nobody; a cancelled meeting says so when looked up', async () => {
    h.clock.set('2026-11-22T14:00:00+08:00');
    const code = /HY2026-\d{3}/.exec(await h.say('office1', '会议通知 主席团会议 时间：12月12日9:00 地点：会议室'))![0];
    const reply = await h.say('wangwu', `请假 ${code} 住院 电话13812345678 <@all>`);
    expect(reply).not.toContain('13812345678');
    expect(reply).not.toContain('<@all>');
    const tally = await h.say('office1', `会议 ${code}`);
    expect(tally).toContain('王五（住院');
    expect(tally).not.toContain('13812345678');
    expect(tally).not.toContain('<@all>');
    expect(tally).toContain('24小时、2小时的提醒会在群里点名未回执的代表');
    expect(await h.say('wangwu', `会议 ${code}`)).not.toContain('13812345678');
    await h.say('office1', `取消会议 ${code} 改期`);
    for (const u of ['office1', 'wangwu']) {
      const seen = await h.say(u, `会议 ${code}`);
      expect(seen).toContain('已取消，原因：改期');
      expect(seen).not.toContain('回执情况');
    }
  });
});
