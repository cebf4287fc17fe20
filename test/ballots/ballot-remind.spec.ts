import { createDirectChannel } from '../../src/wecom/long-connection/direct-channel';
import { type Harness, createHarness } from '../helpers/harness';

// 催投: the office reminds those who have not voted, privately (app message), never in the group, once per
// request; where no private way exists the office is told whom to tell itself.
let h: Harness;
let plain: Harness;
const single = { chattype: 'single' as const };
const APP = { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-remind' };

beforeAll(async () => {
  h = await createHarness('ballot-remind', { now: '2026-12-01T10:00:00+08:00', env: APP });
  plain = await createHarness('ballot-remind-plain', { now: '2026-12-01T10:00:00+08:00' });
  for (const x of [h, plain]) {
    await x.addDeputy('office1', '王主任');
    for (const [id, name] of [
      ['zhangsan', '张三'],
      ['lisi', '李四'],
      ['wangwu', '王五'],
      ['zhaoliu', '赵六'],
    ] as const)
      await x.addDeputy(id, name);
    await x.say('office1', '发起票决 民生实事 候选：甲；乙；丙 选1项 截止：12月10日18点', single);
  }
});
afterAll(async () => {
  await h.close();
  await plain.close();
});

let seen = 0;
/** App messages the fake WeCom received since the last call. */
function newAppMessages(x: Harness): Array<{ to: string[]; content: string }> {
  const all = x.wecom.pushes.filter((p) => p.channel === 'app');
  const fresh = all.slice(seen).map((p) => ({ to: [...(p.touser ?? [])].sort(), content: p.content }));
  seen = all.length;
  return fresh;
}

it('reminds only those who have not voted, privately, and says nothing of who has', async () => {
  await h.say('zhangsan', '投票 PJ2026-001 1', single);
  await h.drain();
  newAppMessages(h);
  const reply = await h.say('office1', '催投 PJ2026-001', { ...single, msgid: 'remind-1' });
  expect(reply).toBe('PJ2026-001 已投 1/4 人。已私下提醒 3 位未投票的代表。');
  await h.drain();
  const sent = newAppMessages(h);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.to).toEqual(['lisi', 'wangwu', 'zhaoliu']);
  expect(sent[0]!.content).toBe(
    '**请投票** PJ2026-001《民生实事》将于 2026年12月10日（周四）18:00 截止，您还没有投票。请私聊助手发送「票决」查看候选和投票方法。投票不记名。',
  );
  expect(h.groupTexts().some((t) => t.includes('请投票'))).toBe(false);
});

it('reminds once per request: a redelivered request sends nothing more, a new one reminds again', async () => {
  await h.say('office1', '催投 PJ2026-001', { ...single, msgid: 'remind-1' });
  await h.drain();
  expect(newAppMessages(h)).toEqual([]);
  await h.say('lisi', '投票 PJ2026-001 2', single);
  expect(await h.say('office1', '催投 PJ2026-001', single)).toBe(
    'PJ2026-001 已投 2/4 人。已私下提醒 2 位未投票的代表。',
  );
  await h.drain();
  expect(newAppMessages(h).map((m) => m.to)).toEqual([['wangwu', 'zhaoliu']]);
});

it('is the office’s, and refuses a closed ballot or one everyone voted in', async () => {
  expect(await h.say('zhangsan', '催投 PJ2026-001', single)).toContain('只有人大办工作人员可以使用');
  expect(await h.say('office1', '催投', single)).toContain('格式：催投 <编号>');
  expect(await h.say('office1', '催投 PJ2026-009', single)).toBe('没有找到票决 PJ2026-009。发送「票决」查看编号。');
  await h.say('wangwu', '投票 PJ2026-001 1', single);
  await h.say('zhaoliu', '投票 PJ2026-001 1', single);
  expect(await h.say('office1', '催投 PJ2026-001', single)).toBe('PJ2026-001 全部代表都已投票，不用提醒。');
  await h.say('office1', '结束票决 PJ2026-001', single);
  expect(await h.say('office1', '催投 PJ2026-001', single)).toBe('票决 PJ2026-001《民生实事》已经结束。');
  await h.drain();
  expect(newAppMessages(h)).toEqual([]);
});

it('without a private channel names whom the office must tell, and posts nothing to the group', async () => {
  await plain.say('lisi', '投票 PJ2026-001 1', single);
  expect(await plain.say('office1', '催投 PJ2026-001', single)).toBe(
    [
      'PJ2026-001 已投 1/4 人。已私下提醒 0 位未投票的代表。',
      '3 位没有私聊过助手，无法私下提醒，请另行通知：张三、王五、赵六',
    ].join('\n'),
  );
  await plain.drain();
  expect(plain.groupTexts().some((t) => t.includes('请投票'))).toBe(false);
  expect(await plain.models.OutboxItem.countDocuments({ key: /^ballot-remind:/ })).toBe(0);
});

it('a private-only message refused one-to-one is never turned into a group @-mention', () => {
  // The long connection's fallback for a refused one-to-one message; only its item is read.
  const channel = createDirectChannel({
    keeper: () => undefined,
    budget: undefined as never,
    media: undefined as never,
  });
  const item = {
    key: 'ballot-remind:PJ2026-001:m1:direct:lisi',
    msgtype: 'markdown',
    content: '请投票',
    userids: ['lisi'],
  };
  expect(channel.fallback?.({ ...item, privateOnly: true })).toBeUndefined();
  expect(channel.fallback?.(item)?.by).toBe('group-fallback');
});

it('reaches deputies by the app whenever it can send, as the office’s private cards do (NOTIFY_CHANNEL aside)', async () => {
  // Personal notices stay in the group here (NOTIFY_CHANNEL unset); a private-only one still takes the app.
  const { NOTIFY_CHANNEL: _, ...appOnly } = APP;
  const x = await createHarness('ballot-remind-app-group', { now: '2026-12-01T10:00:00+08:00', env: appOnly });
  try {
    await x.addDeputy('office1', '王主任');
    await x.addDeputy('zhangsan', '张三');
    await x.addDeputy('lisi', '李四');
    await x.say('office1', '发起票决 民生实事 候选：甲；乙 选1项 截止：12月10日18点', single);
    await x.drain();
    x.wecom.clear();
    expect(await x.say('office1', '催投 PJ2026-001', single)).toBe(
      'PJ2026-001 已投 0/2 人。已私下提醒 2 位未投票的代表。',
    );
    await x.drain();
    const app = x.wecom.pushes.filter((p) => p.channel === 'app');
    expect(app.map((p) => [...(p.touser ?? [])].sort())).toEqual([['lisi', 'zhangsan']]);
    expect(x.groupTexts().some((t) => t.includes('请投票'))).toBe(false);
  } finally {
    await x.close();
  }
});
