import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;

beforeEach(async () => {
  // Sunday 2026-11-22 10:00 Beijing.
  h = await createHarness('announcements', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhangsan', '张三');
});
afterEach(async () => h.close());

const announcementsSent = () => h.wecom.groupPushes().filter((p) => p.content.includes('【公告】'));

/** One scheduler tick at a Beijing wall time, then the outbox drained. */
async function tickAt(beijing: string) {
  h.clock.set(`${beijing}+08:00`);
  await h.scheduler.tick(h.clock.now());
  await h.drain();
}

it('posts an announcement at once, stored with a code, once even if WeCom retries the message', async () => {
  const reply = await h.say('office1', '公告 本周五下午3点在镇政府三楼会议室召开代表小组会议，请准时参加。', {
    msgid: 'ann-1',
  });
  expect(reply).toBe('公告 GG2026-001 已发到群里。发送「公告列表」查看最近的公告。');
  expect(
    await h.say('office1', '公告 本周五下午3点在镇政府三楼会议室召开代表小组会议，请准时参加。', { msgid: 'ann-1' }),
  ).toBe(reply);
  await h.drain();
  const sent = announcementsSent();
  expect(sent).toHaveLength(1);
  expect(sent[0]!.msgtype).toBe('markdown');
  expect(sent[0]!.content).toBe(
    '**【公告】**\n本周五下午3点在镇政府三楼会议室召开代表小组会议，请准时参加。\n\n<font color="comment">人大办 王主任 · GG2026-001</font>',
  );
  expect(await h.models.Announcement.countDocuments({})).toBe(1);
  expect(await h.models.Announcement.findOne({ code: 'GG2026-001' }).lean()).toMatchObject({
    authorId: 'office1',
    status: 'sent',
    mentionAll: false,
  });
});

it('an announcement stored but not queued (crash) is posted by the next reminders run, once', async () => {
  expect(await h.say('office1', '公告 下午三点停电，请注意', { msgid: 'ann-crash' })).toContain('GG2026-001');
  // Simulate a crash right after the record was written: nothing queued, still 'sending'.
  await h.models.OutboxItem.deleteMany({});
  await h.models.Announcement.updateOne({ code: 'GG2026-001' }, { $set: { status: 'sending' }, $unset: { sentAt: 1 } });
  await tickAt('2026-11-22T10:01:00');
  await tickAt('2026-11-22T10:02:00');
  expect(announcementsSent().map((p) => p.content.split('\n')[1])).toEqual(['下午三点停电，请注意']);
  expect(await h.models.Announcement.findOne({ code: 'GG2026-001' }).lean()).toMatchObject({ status: 'sent' });
});

it('takes a colon after the command as punctuation, not content', async () => {
  expect(await h.say('office1', '公告：周五下午开会')).toContain('公告 GG2026-001 已发到群里');
  expect(await h.say('office1', '公告＠全体：周六上午培训')).toContain('公告 GG2026-002 已发到群里，并提醒了所有人');
  expect(await h.say('office1', '公告：时间：明天上午9点：请带好材料')).toContain('内容：请带好材料');
  await h.drain();
  expect(announcementsSent().map((p) => p.content.split('\n')[1])).toEqual(['周五下午开会', '周六上午培训']);
});

it('keeps the office markdown but neutralises mentions unless 公告@全体 is used', async () => {
  await h.say('office1', '公告 **重要** 请<@zhangsan>和@all 注意 <font color="warning">周五</font>');
  await h.drain();
  const [plain] = announcementsSent();
  expect(plain!.content).toContain('**重要** 请＜@zhangsan＞和＠all 注意 <font color="warning">周五</font>');
  expect(h.wecom.groupPushes().every((p) => p.mentions.length === 0)).toBe(true);

  expect(await h.say('office1', '公告@全体 明天上午9点全体代表大会')).toBe(
    '公告 GG2026-002 已发到群里，并提醒了所有人。发送「公告列表」查看最近的公告。',
  );
  await h.drain();
  const last = h.wecom.groupPushes().slice(-2);
  expect(last.map((p) => p.msgtype)).toEqual(['markdown', 'text']);
  expect(last[1]!.mentions).toEqual(['@all']);
});

it('refuses non-office senders and unclear input with a line that shows the right form', async () => {
  expect(await h.say('zhangsan', '公告 大家好')).toContain('只有人大办工作人员可以使用');
  expect(await h.say('office1', '公告')).toContain('公告 时间：明天上午9点 <内容>');
  expect(await h.say('office1', '公告 时间：某天 开会')).toContain('没看懂时间「某天 开会」');
  expect(await h.say('office1', '公告 时间：11月25日 开会')).toBe(
    '「2026年11月25日（周三）」只有日期，请写上几点发送。例：公告 时间：2026年11月25日（周三） 09:00 <内容>',
  );
  expect(await h.say('office1', '公告 时间：昨天上午9点 开会')).toContain('已经过去了');
  expect(await h.say('office1', `公告 ${'长'.repeat(4001)}`)).toContain('公告最长 4000 字，这条有 4001 字');
  expect(await h.say('office1', '公告 时间：明天9点')).toBe(
    '请在时间后面写公告内容。例：公告 时间：2026年11月23日（周一）09:00 请各位代表按时参加培训',
  );
  expect(await h.say('office1', '公告@全体：')).toContain('公告 时间：明天上午9点 <内容>');
  await h.drain();
  expect(announcementsSent()).toHaveLength(0);
});

it('sends a scheduled announcement once, in its minute, and not after being revoked', async () => {
  const reply = await h.say('office1', '公告 时间：明天上午9点 请各位代表带好履职手册。');
  expect(reply).toBe(
    '已安排公告 GG2026-001：将于 2026年11月23日（周一）09:00 发到群里。\n内容：请各位代表带好履职手册。\n时间或内容不对？发送「公告 撤销 GG2026-001」撤销后重新安排。',
  );
  expect(await h.say('office1', '公告@全体 时间：11月23日 09:30，下午的会议改到三楼')).toContain(
    '将于 2026年11月23日（周一）09:30 发到群里并提醒所有人',
  );

  const list = await h.say('office1', '公告列表');
  expect(await h.say('office1', '公告 列表')).toBe(list);
  expect(list).toContain('- GG2026-001 待发 11月23日 09:00 · 请各位代表带好履职手册。');
  expect(list).toContain('- GG2026-002 待发 11月23日 09:30 · 下午的会议改到三楼');

  await tickAt('2026-11-23T08:59:30');
  expect(announcementsSent()).toHaveLength(0);
  await tickAt('2026-11-23T09:00:00');
  expect(announcementsSent().map((p) => p.content)).toEqual([expect.stringContaining('请各位代表带好履职手册。')]);
  await tickAt('2026-11-23T09:01:00');
  expect(announcementsSent()).toHaveLength(1);

  expect(await h.say('office1', '公告 撤销 GG2026-002')).toBe(
    '已撤销公告 GG2026-002（原定 2026年11月23日（周一）09:30 发送），不会再发出。',
  );
  expect(await h.say('office1', '公告 撤销 2')).toBe('公告 GG2026-002 之前已经撤销了，不会发出。');
  expect(await h.say('office1', '公告 撤销 gg2026-1')).toContain('已经发到群里，无法撤销');
  expect(await h.say('office1', '公告 撤销 GG2026-099')).toContain('没有找到公告 GG2026-099');
  for (const minute of ['09:29', '09:30', '09:31', '10:30']) await tickAt(`2026-11-23T${minute}:00`);
  expect(announcementsSent()).toHaveLength(1);
  expect(h.wecom.groupPushes().some((p) => p.mentions.includes('@all'))).toBe(false);
  expect(await h.models.Announcement.findOne({ code: 'GG2026-001' }).lean()).toMatchObject({ status: 'sent' });
});

it('does not post a scheduled announcement hours late after downtime; it tells the office instead', async () => {
  await h.say('office1', '公告 时间：明天上午9点 上午十点开会');
  // The bot was down from before 09:00 until 13:00.
  await tickAt('2026-11-23T13:00:00');
  expect(announcementsSent()).toHaveLength(0);
  const notice = h.wecom.groupPushes().find((p) => p.content.includes('GG2026-001'));
  expect(notice!.content).toBe(
    '<@office1>\n定时公告 GG2026-001「上午十点开会」原定 2026年11月23日（周一）09:00 发送，但助手当时不在线，超过时限后没有补发。请确认内容是否仍然需要，需要的话请重新发送。',
  );
  expect(await h.say('office1', '公告 撤销 GG2026-001')).toBe('公告 GG2026-001 因超时没有发出，无需撤销。');
});

it('a short outage is caught up: the announcement goes out late but once', async () => {
  await h.say('office1', '公告 时间：明天上午9点 上午十点开会');
  await tickAt('2026-11-23T09:07:00');
  await tickAt('2026-11-23T09:08:00');
  expect(announcementsSent()).toHaveLength(1);
});

it('splits a long announcement into parts under the markdown byte limit', async () => {
  const line = '各位代表：请于本周五前完成年度履职情况自查，并将材料交到人大办。';
  const text = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${line}`).join('\n');
  await h.say('office1', `公告 ${text}`);
  await h.drain();
  const parts = h.wecom.groupPushes();
  expect(parts.length).toBeGreaterThan(1);
  for (const p of parts) expect(Buffer.byteLength(p.content, 'utf8')).toBeLessThanOrEqual(4096);
  expect(parts.map((p) => p.content).join('\n')).toContain(`60. ${line}`);
});
