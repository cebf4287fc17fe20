import { type Harness, createHarness } from '../helpers/harness';

// Sign-up with places and waitlist, through the HTTP callback. Clock: 2026-11-22 (Sun) 10:00 Beijing.
let h: Harness;
const deputies = Array.from({ length: 20 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  h = await createHarness('events-signup');
  for (const [i, u] of deputies.entries()) await h.addDeputy(u, `代表${String(i + 1).padStart(2, '0')}`);
});
afterAll(async () => h.close());

async function publish(extra = ''): Promise<string> {
  const reply = await h.say('office1', `发布活动 视察敬老院 时间：11月25日14:30 地点：镇敬老院 ${extra}`);
  const code = /HD2026-\d{3}/.exec(reply)?.[0];
  if (!code) throw new Error(`no code in: ${reply}`);
  return code;
}

const activity = (code: string) => h.models.Activity.findOne({ code }).lean();

describe('a 3-place activity with 20 concurrent sign-ups', () => {
  let code: string;
  let replies: string[];

  beforeAll(async () => {
    code = await publish('名额：3 类型：视察');
    replies = await Promise.all(deputies.map((u) => h.say(u, `报名 ${code}`)));
  });

  it('confirms exactly 3 and waitlists 17 in the order the database applied them', async () => {
    const a = await activity(code);
    expect(replies.filter((r) => r.startsWith('报名成功'))).toHaveLength(3);
    expect(a!.confirmedIds).toHaveLength(3);
    expect(a!.confirmedCount).toBe(3);
    expect(a!.waitlistIds).toHaveLength(17);
    expect(new Set([...a!.confirmedIds, ...a!.waitlistIds]).size).toBe(20);
    const positions = replies
      .map((r) => /排第 (\d+) 位/.exec(r)?.[1])
      .filter(Boolean)
      .map(Number);
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    // Each deputy was told the position the database gave them.
    deputies.forEach((u, i) => {
      const m = /排第 (\d+) 位/.exec(replies[i]!);
      if (m) expect(a!.waitlistIds.indexOf(u) + 1).toBe(Number(m[1]));
    });
  });

  it('refuses a second sign-up by the same deputy, confirmed or waitlisted', async () => {
    const a = await activity(code);
    expect(await h.say(a!.confirmedIds[0]!, `报名 ${code}`)).toContain('不用重复报名');
    expect(await h.say(a!.waitlistIds[4]!, `报名 ${code}`)).toContain('第 5 位');
    expect((await activity(code))!.waitlistIds).toHaveLength(17);
  });

  it('a cancellation promotes exactly the first waitlisted deputy and tells them', async () => {
    const before = await activity(code);
    const leaving = before!.confirmedIds[1]!;
    const first = before!.waitlistIds[0]!;
    await h.drain();
    h.wecom.clear();
    const reply = await h.say(leaving, `取消报名 ${code}`);
    expect(reply).toContain('已取消您对');
    const after = await activity(code);
    expect(after!.confirmedIds).toHaveLength(3);
    expect(after!.confirmedIds).toContain(first);
    expect(after!.confirmedIds).not.toContain(leaving);
    expect(after!.waitlistIds).toEqual(before!.waitlistIds.slice(1));
    // Told right away: nothing is left for the crash-recovery sweep.
    expect(after!.promotedPending).toEqual([]);
    await h.drain();
    const pushes = h.wecom.groupPushes();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.content).toContain(`<@${first}>`);
    expect(pushes[0]!.content).toContain('从候补转为正式报名');
    // The waitlist position of the next one moved up.
    expect(await h.say(after!.waitlistIds[0]!, `报名 ${code}`)).toContain('第 1 位');
  });

  it('a promotion whose push a crash cut off is sent once by the next reminders run', async () => {
    const before = await activity(code);
    const leaving = before!.confirmedIds[0]!;
    const first = before!.waitlistIds[0]!;
    await h.say(leaving, `取消报名 ${code}`);
    await h.drain();
    h.wecom.clear();
    // As if the process died after the promotion was written but before its push was queued:
    // put the promotion back into the pending list and drop its outbox item.
    await h.models.Activity.updateOne({ code }, { $push: { promotedPending: first } });
    await h.models.OutboxItem.deleteMany({ key: { $regex: `^activity:${code}:promoted:${first}:` } });
    await h.scheduler.tick(h.clock.now());
    await h.scheduler.tick(new Date(h.clock.now().getTime() + 60_000));
    await h.drain();
    const pushes = h.wecom.groupPushes().filter((p) => p.content.includes('从候补转为正式报名'));
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.content).toContain(`<@${first}>`);
    expect((await activity(code))!.promotedPending).toEqual([]);
  });

  it('a waitlisted deputy cancelling promotes nobody', async () => {
    const before = await activity(code);
    await h.say(before!.waitlistIds[2]!, `取消 ${code}`);
    const after = await activity(code);
    expect(after!.confirmedIds).toEqual(before!.confirmedIds);
    expect(after!.waitlistIds).toHaveLength(before!.waitlistIds.length - 1);
  });

  it('lists the activity with places and my status', async () => {
    const a = await activity(code);
    const list = await h.say(a!.confirmedIds[0]!, '活动');
    expect(list).toContain(code);
    expect(list).toContain('剩余0个');
    expect(list).toContain('我已报名');
    expect(await h.say(a!.waitlistIds[0]!, '活动')).toContain('我在候补第1位');
  });
});

describe('deadline and codes', () => {
  it('refuses sign-up and cancellation after the deadline, naming it', async () => {
    h.clock.set('2026-11-22T10:00:00+08:00');
    const code = await publish('名额：5 截止：11月24日18:00');
    expect(await h.say('d01', `报名 ${code}`)).toContain('报名成功');
    h.clock.set('2026-11-24T18:00:01+08:00');
    const late = await h.say('d02', `报名 ${code}`);
    expect(late).toContain('2026年11月24日（周二）18:00 截止');
    expect(await h.say('d01', `取消报名 ${code}`)).toContain('截止');
    expect((await activity(code))!.confirmedIds).toEqual(['d01']);
    // Leave with a reason is still possible before the start, and recorded.
    expect(await h.say('d01', `请假 ${code} 临时出差`)).toContain('已为您登记');
    expect((await activity(code))!.leaves).toMatchObject([{ userid: 'd01', reason: '临时出差' }]);
    h.clock.set('2026-11-22T10:00:00+08:00');
  });

  it('accepts the code as HD2026-001, hd2026-1, 1 and full-width', async () => {
    const code = await publish('名额：10');
    const seq = Number(code.slice(-3));
    expect(await h.say('d03', `报名 ${code}`)).toContain(`报名成功：${code}`);
    expect(await h.say('d04', `报名 hd2026-${seq}`)).toContain(`报名成功：${code}`);
    expect(await h.say('d05', `报名 ${seq}`)).toContain(`报名成功：${code}`);
    const fullWidth = `ＨＤ２０２６－${String(seq).replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`;
    expect(await h.say('d06', `报名 ${fullWidth}`)).toContain(`报名成功：${code}`);
    expect(await h.say('d07', '报名 HX2026-1')).toContain('不是活动编号');
    expect(await h.say('d07', '报名 HD2026-999')).toContain('没有找到活动 HD2026-999');
  });
});

describe('a whole group answering a meeting notice at once', () => {
  const many = Array.from({ length: 40 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);

  it('records all 40 concurrent reply slips and every concurrent change, one slip each', async () => {
    h.clock.set('2026-11-22T10:00:00+08:00');
    for (const u of many) await h.addDeputy(u, `回执${u}`);
    const code = /HY2026-\d{3}/.exec(
      await h.say('office1', '会议通知 镇人代会 时间：11月28日9:00 地点：礼堂 类型：人代会'),
    )![0];
    const first = await Promise.all(many.map((u, i) => h.say(u, i % 2 ? `参加 ${code}` : `请假 ${code} 外出`)));
    expect(first.filter((r) => r.startsWith('已收到您的回执'))).toHaveLength(40);
    // Everyone changes their mind at once, and one deputy taps twice.
    const second = await Promise.all([
      ...many.map((u, i) => h.say(u, i % 2 ? `请假 ${code} 有事` : `回执 ${code} 参加`)),
      h.say('r01', `请假 ${code} 出差`),
    ]);
    expect(second.filter((r) => r.startsWith('已更新您的回执'))).toHaveLength(41);
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies).toHaveLength(40);
    expect(new Set(m!.replies.map((r) => r.userid)).size).toBe(40);
    expect(m!.replies.find((r) => r.userid === 'r02')).toMatchObject({ answer: '请假', reason: '有事' });
    expect(m!.replies.find((r) => r.userid === 'r03')!.answer).toBe('参加');
  });

  it('concurrent cancellations all succeed and promote from the waitlist in order', async () => {
    const code = await publish('名额：5');
    for (const u of many.slice(0, 15)) await h.say(u, `报名 ${code}`);
    const before = await activity(code);
    const leaving = before!.confirmedIds;
    const replies = await Promise.all([
      ...leaving.map((u) => h.say(u, `取消报名 ${code}`)),
      ...many.slice(15, 25).map((u) => h.say(u, `报名 ${code}`)),
    ]);
    expect(replies.slice(0, 5).every((r) => r.includes('已取消您对'))).toBe(true);
    const after = await activity(code);
    expect(after!.confirmedIds).toEqual(before!.waitlistIds.slice(0, 5));
    expect(after!.confirmedIds.some((u) => leaving.includes(u))).toBe(false);
    expect(after!.waitlistIds.slice(0, 5)).toEqual(before!.waitlistIds.slice(5));
    expect(after!.waitlistIds).toHaveLength(15);
  });
});
