import { signIn } from '../helpers/console';
import { askOver, messageBody, type startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import type { Harness } from '../helpers/harness';
import { createLongConnectionHarness } from '../helpers/long-connection-harness';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

/** The office chooses which group gets the long connection's group pushes; until then they wait. */
describe('the push group (设为代表群) over the long connection', () => {
  let ws: Fake;
  let h: Harness;

  const ask = (body: Parameters<typeof messageBody>[0]) => askOver(ws.fake, messageBody(body));
  const inGroup = (chatid: string, userid: string, text: string) =>
    ask({ userid, chattype: 'group', chatid, text: `@代表助手 ${text}` });
  /** The group sends (chatid, content) since frame `from`. */
  const groupSends = (from: number) =>
    ws.fake.frames
      .slice(from)
      .filter((f) => f.cmd === 'aibot_send_msg' && f.body?.chat_type === 2)
      .map((f) => [f.body?.chatid, (f.body?.markdown as { content: string }).content]);
  const chosen = async () => (await h.models.BotChat.findById('group').lean())?.chatid;

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ws, h, close } = await createLongConnectionHarness('pushgroup', {
      now: '2026-11-22T10:00:00+08:00',
      instanceId: 'pg-a',
    }));
    await h.addDeputy('d1', '张三');
    await h.addDeputy('office1', '李主任', { isOffice: true });
  });

  afterAll(() => close());

  it('hears a test group first, then the deputies group, and pushes to neither: they wait in the outbox', async () => {
    await inGroup('wr-test', 'd1', '帮助');
    await inGroup('wr-deputies', 'd1', '活动');
    const from = ws.fake.frames.length;
    await h.services.notify.toGroup('pg:1', '**通知** 第一条');
    await h.services.notify.toGroup('pg:2', '**通知** 第二条');
    expect(await h.drain()).toMatchObject({ sent: 0, failed: 0 });
    expect(groupSends(from)).toEqual([]);
    const waiting = await h.models.OutboxItem.find({ key: /^pg:/ }).lean();
    expect(waiting.map((w) => [w.status, w.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
    expect(h.logLines.join('')).toContain('group pushes wait in the outbox: no push group chosen yet');
    expect(await ask({ userid: 'office1', text: '任务' })).toContain('代表群：尚未设定，2 条群推送正在等待');
  });

  it('refuses 设为代表群 one-to-one, and refuses a deputy in the group; nothing is chosen', async () => {
    expect(await ask({ userid: 'office1', text: '设为代表群' })).toContain('单聊中无法设定');
    expect(await inGroup('wr-deputies', 'd1', '设为代表群')).toContain('只有人大办工作人员可以使用');
    expect(await chosen()).toBeUndefined();
    expect(await h.drain()).toMatchObject({ sent: 0 });
  });

  it('the office chooses in the deputies group: the waiting pushes go out in order, to that group only', async () => {
    const from = ws.fake.frames.length;
    const reply = await inGroup('wr-deputies', 'office1', '设为代表群');
    expect(reply).toContain('已将本群设为代表群');
    expect(reply).toContain('等待中的 2 条群推送将按顺序发出');
    // The harness runs no background sender: one drain stands for the kick a choice gives it.
    expect(await h.drain()).toMatchObject({ sent: 2 });
    expect(groupSends(from)).toEqual([
      ['wr-deputies', '**通知** 第一条'],
      ['wr-deputies', '**通知** 第二条'],
    ]);
    expect(await h.models.BotChat.findById('group').lean()).toMatchObject({
      chatid: 'wr-deputies',
      chosenBy: 'office1',
    });
    // Saying it again changes nothing; the test group talking again does not take the pushes.
    expect(await inGroup('wr-deputies', 'office1', '设为代表群')).toContain('本群已经是代表群');
    await inGroup('wr-test', 'd1', '帮助');
    const later = ws.fake.frames.length;
    await h.services.notify.toGroup('pg:3', '**通知** 第三条');
    await h.drain();
    expect(groupSends(later)).toEqual([['wr-deputies', '**通知** 第三条']]);
  });

  it('系统 shows the push group and the groups heard from; the office may choose another, a deputy may not', async () => {
    // A group heard through the HTTP callback (this deployment has both) is a candidate as well.
    await h.say('d1', '帮助');
    await until(async () => (await h.models.BotChat.exists({ _id: 'group:wr-group-1' })) !== null, 'callback group');
    const office = await signIn(h, 'office1');
    const info = await office.get('/api/console/system');
    expect(info.status).toBe(200);
    expect(info.body.pushGroup).toMatchObject({
      needed: true,
      chosen: { chatid: 'wr-deputies', chosenBy: '李主任', automatic: false },
      waiting: 0,
    });
    expect(info.body.pushGroup.seen.map((g: { chatid: string }) => g.chatid).sort()).toEqual([
      'wr-deputies',
      'wr-group-1',
      'wr-test',
    ]);
    // A group the bot never heard from cannot be written to: a form error, nothing changes.
    const unknown = await office.post('/api/console/system/push-group', { chatid: 'wr-nowhere' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('还没有收到过这个群的消息');
    expect(await chosen()).toBe('wr-deputies');
    const deputy = await signIn(h, 'd1');
    expect((await deputy.post('/api/console/system/push-group', { chatid: 'wr-test' })).status).toBe(403);
    expect(await chosen()).toBe('wr-deputies');

    const ok = await office.post('/api/console/system/push-group', { chatid: 'wr-test' });
    expect(ok.status).toBe(200);
    const from = ws.fake.frames.length;
    await h.services.notify.toGroup('pg:4', '**通知** 第四条');
    await h.drain();
    expect(groupSends(from)).toEqual([['wr-test', '**通知** 第四条']]);
    await office.post('/api/console/system/push-group', { chatid: 'wr-deputies' });
  });

  it('upgrade: a group an earlier version took by itself stays while it is the only one, and is withdrawn when another talks', async () => {
    // What versions before the choice stored: the first group heard from, with no chosenBy.
    await h.models.BotChat.deleteMany({ _id: /^group/ });
    await h.models.BotChat.create({ _id: 'group', chatid: 'wr-legacy', learnedAt: h.clock.now(), learnedFrom: 'd1' });
    expect(await ask({ userid: 'office1', text: '任务' })).toContain('旧版本自动记录的第一个群');
    let from = ws.fake.frames.length;
    await h.services.notify.toGroup('pg:5', '**通知** 升级后');
    await h.drain();
    expect(groupSends(from)).toEqual([['wr-legacy', '**通知** 升级后']]);
    await inGroup('wr-legacy', 'd1', '帮助');
    expect(await chosen()).toBe('wr-legacy');

    await inGroup('wr-new', 'd1', '帮助');
    expect(await chosen()).toBeUndefined();
    expect(h.logLines.join('')).toContain('push group withdrawn');
    from = ws.fake.frames.length;
    await h.services.notify.toGroup('pg:6', '**通知** 撤回之后');
    expect(await h.drain()).toMatchObject({ sent: 0 });
    expect(groupSends(from)).toEqual([]);
    await inGroup('wr-legacy', 'office1', '设为代表群');
    expect(await h.drain()).toMatchObject({ sent: 1 });
    expect(groupSends(from)).toEqual([['wr-legacy', '**通知** 撤回之后']]);
  });
});
