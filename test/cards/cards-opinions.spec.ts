import { type Harness, createHarness } from '../helpers/harness';
import { askCard, tapButton, tapCallback, tapApp } from '../helpers/card-taps';
import { type TemplateCardJson, cardText } from '../helpers/cards';

// The filer's vote card on an answer (满意 / 基本满意 / 不满意 and why), the help card, and the app's card push.

async function answered(h: Harness, filer: string, text: string): Promise<string> {
  const code = /YJ2026-\d{3}/.exec(await h.say(filer, `建议 ${text}`))![0];
  await h.say('office1', `交办 ${code} 单位：交通运输局`);
  await h.say('office1', `答复 ${code} A 已安排维修，本周内完成`);
  return code;
}

const vote = (card: TemplateCardJson, userid: string, optionId: string) => ({
  userid,
  taskId: card.task_id,
  key: card.submit_button!.key,
  cardType: 'vote_interaction',
  selected: { [card.checkbox!.question_key]: [optionId] },
});

describe('rating an answer with a tap (callback; the group robot carries no card)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('cards-opinions');
    await h.addDeputy('zhangsan', '张三');
    await h.addDeputy('lisi', '李四');
  });
  afterAll(async () => h.close());

  it('the notice stays text in the group; 进度 by the filer of an answered, unrated case answers with the vote card', async () => {
    const code = await answered(h, 'zhangsan', '北街路灯坏了，晚上很黑');
    await h.drain();
    expect(h.groupTexts().some((x) => x.includes(`评价 ${code} 满意`))).toBe(true);
    const card = await askCard(h, 'zhangsan', `进度 ${code}`);
    expect(card.card_type).toBe('vote_interaction');
    expect(card.checkbox?.option_list.map((o) => o.text)).toEqual(['满意', '基本满意', '不满意']);
    expect(cardText(card)).toContain('已安排维修');
    // Not for someone else, not in a group.
    expect(await h.say('lisi', `进度 ${code}`, { chattype: 'single' })).not.toContain('提交评价');
    expect(await h.say('zhangsan', `进度 ${code}`)).toContain(code);
  });

  it('满意 records the rating as 评价 does, once for a repeated event; the card is then done', async () => {
    const code = await answered(h, 'zhangsan', '南街垃圾桶太少');
    const card = await askCard(h, 'zhangsan', `进度 ${code}`);
    const first = await tapCallback(h, { ...vote(card, 'zhangsan', 'satisfied'), msgid: 'rate-once' });
    const again = await tapCallback(h, { ...vote(card, 'zhangsan', 'satisfied'), msgid: 'rate-once' });
    expect(cardText(first.card!)).toContain('已评价：满意');
    expect(again.card).toEqual(first.card);
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.rating).toBe('满意');
    const rated = o!.timeline.filter((e) => e.action === 'rated');
    expect(rated).toHaveLength(1);
    expect(rated[0]!.via).toBe('card');
    // A second vote on the same card is refused as the typed 评价 would be.
    const late = await tapCallback(h, vote(card, 'zhangsan', 'basic'));
    expect(cardText(late.card!)).toContain('已经评价过');
  });

  it('不满意 asks why, then starts the next round as 评价 不满意 does', async () => {
    const code = await answered(h, 'zhangsan', '西街积水严重');
    const card = await askCard(h, 'zhangsan', `进度 ${code}`);
    const why = await tapCallback(h, vote(card, 'zhangsan', 'unsatisfied'));
    expect(why.card?.button_list?.map((b) => b.text)).toEqual([
      '问题没有解决',
      '答复不具体',
      '办理太慢',
      '其他',
      '不写原因',
    ]);
    let o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.rating).toBeUndefined();
    const done = await tapButton(h, 'zhangsan', why.card!, '问题没有解决');
    expect(cardText(done.card!)).toContain('第 2 轮办理');
    o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.round).toBe(2);
    expect(o!.timeline.find((e) => e.action === 'rated')).toMatchObject({ via: 'card', note: '问题没有解决' });
  });

  it('someone other than the filer tapping the vote card is refused and nothing changes', async () => {
    const code = await answered(h, 'zhangsan', '东街井盖松动');
    const card = await askCard(h, 'zhangsan', `进度 ${code}`);
    const other = await tapCallback(h, vote(card, 'lisi', 'satisfied'));
    expect(cardText(other.card!)).toContain('未能办理');
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.rating).toBeUndefined();
  });

  it('帮助 one-to-one is a card of the role’s common commands; a button shows that command’s answer', async () => {
    const card = await askCard(h, 'zhangsan', '帮助');
    expect(card.button_list?.map((b) => b.text)).toEqual(['会议', '活动', '学习', '我的建议', '履职', '值班']);
    const mine = await tapButton(h, 'zhangsan', card, '我的建议');
    expect(cardText(mine.card!)).toContain('YJ2026-');
    expect(mine.card?.task_id).toBe(card.task_id);
    const office = await askCard(h, 'office1', '帮助');
    expect(office.button_list?.map((b) => b.text)).toContain('督办');
    // In the group, where everyone reads it, and with 全部: the whole list as text.
    expect(await h.say('zhangsan', '帮助')).toContain('代表命令');
    expect(await h.say('zhangsan', '帮助 全部', { chattype: 'single' })).toContain('代表命令');
  });
});

describe('the self-built app carries the vote card (NOTIFY_CHANNEL=app)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('cards-opinions-app', {
      env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' },
    });
    await h.addDeputy('zhangsan', '张三');
    await h.addDeputy('lisi', '李四');
  });
  afterAll(async () => h.close());

  it('the filer gets message/send template_card, co-signers the text; a tap in the app records the rating', async () => {
    const code = /YJ2026-\d{3}/.exec(await h.say('zhangsan', '建议 北街路灯坏了，晚上很黑'))![0];
    await h.say('lisi', `附议 ${code}`);
    await h.say('office1', `交办 ${code} 单位：交通运输局`);
    await h.say('office1', `答复 ${code} A 已安排维修，本周内完成`);
    await h.drain();
    const app = h.wecom.pushes.filter((p) => p.channel === 'app');
    const cardPush = h.wecom.pushes.find((p) => p.channel === 'app' && p.msgtype === 'template_card');
    expect(cardPush?.touser).toEqual(['zhangsan']);
    const card = cardPush!.card as unknown as TemplateCardJson;
    expect(card.card_type).toBe('vote_interaction');
    expect(app.some((p) => p.touser?.includes('lisi') && p.msgtype !== 'template_card')).toBe(true);
    const answer = await tapApp(h, { ...vote(card, 'zhangsan', 'basic'), createTime: 1764000100 });
    expect(answer).toMatchObject({ msgType: 'update_button', replaceName: '已评价：基本满意' });
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.rating).toBe('基本满意');
  });
});
