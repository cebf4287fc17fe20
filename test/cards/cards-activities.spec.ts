import { type Harness, createHarness } from '../helpers/harness';
import { askCard, tapApp, tapButton } from '../helpers/card-taps';
import { buttonKey, cardText } from '../helpers/cards';

// Activity cards through the signed callback (and a tap through the self-built app's XML callback): 报名 /
// 取消报名 run the typed commands' use cases; a closed activity's card says so; typed commands keep working.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('cards-activities');
  for (const [id, name] of [
    ['zhangsan', '张三'],
    ['lisi', '李四'],
    ['wangwu', '王五'],
  ] as const)
    await h.addDeputy(id, name);
});
afterAll(async () => h.close());

async function publish(title: string, capacity: number): Promise<string> {
  const reply = await h.say(
    'office1',
    `发布活动 ${title} 时间：11月27日9:00-11:30 地点：镇农贸市场 名额：${capacity} 截止：11月26日18:00`,
  );
  return /HD2026-\d{3}/.exec(reply)![0];
}

describe('活动 <编号> and its card through the callback', () => {
  it('signs up, waitlists with the position, cancels and promotes, as the typed commands do', async () => {
    const code = await publish('调研农贸市场', 1);
    const card = await askCard(h, 'zhangsan', `活动 ${code}`);
    expect(cardText(card)).toContain('名额：剩余 1 / 共 1');
    expect(cardText(card)).toContain('我的状态：我未报名');
    expect(card.button_list?.map((b) => b.text)).toEqual(['报名']);
    const signed = await tapButton(h, 'zhangsan', card, '报名');
    expect(cardText(signed.card!)).toContain('名额：剩余 0 / 共 1');
    const waiting = await tapButton(h, 'lisi', await askCard(h, 'lisi', `活动 ${code}`), '报名');
    expect(cardText(waiting.card!)).toContain('候补第 1 位');
    // Typed and tapped meet on the same record.
    expect(await h.say('wangwu', `报名 ${code}`)).toContain('排第 2 位');
    const cancelled = await tapButton(h, 'zhangsan', signed.card!, '取消报名');
    expect(cardText(cancelled.card!)).toContain('名额已递补给 李四');
    const a = await h.models.Activity.findOne({ code }).lean();
    expect(a!.confirmedIds).toEqual(['lisi']);
    expect(a!.waitlistIds).toEqual(['wangwu']);
    const log = await h.models.AuditEntry.find({ 'actor.userid': 'zhangsan', via: 'card' }).lean();
    expect([...new Set(log.map((e) => e.what))].sort()).toEqual(['取消报名', '报名']);
  });

  it('a card tapped after the sign-up closed says so and changes nothing', async () => {
    const code = await publish('走访养老院', 5);
    const card = await askCard(h, 'wangwu', `活动 ${code}`);
    h.clock.set('2026-11-26T18:30:00+08:00');
    const late = await tapButton(h, 'wangwu', card, '报名');
    expect(cardText(late.card!)).toContain('未能办理');
    expect(cardText(late.card!)).toMatch(/截止/);
    const a = await h.models.Activity.findOne({ code }).lean();
    expect(a!.confirmedIds).toEqual([]);
    h.clock.set('2026-11-22T10:00:00+08:00');
  });

  it('a tap through the self-built app records the sign-up and renames the tapped button for the tapper', async () => {
    const code = await publish('走访敬老院', 3);
    const card = await askCard(h, 'wangwu', `活动 ${code}`);
    const answer = await tapApp(h, { userid: 'wangwu', taskId: card.task_id, key: buttonKey(card, '报名') });
    expect(answer).toMatchObject({ status: 200, msgType: 'update_button', replaceName: '已报名', toUser: 'wangwu' });
    const again = await tapApp(h, { userid: 'wangwu', taskId: card.task_id, key: buttonKey(card, '报名') });
    expect(again.replaceName).toBe('已报名');
    const a = await h.models.Activity.findOne({ code }).lean();
    expect(a!.confirmedIds).toEqual(['wangwu']);
  });
});
