import { type Harness, createHarness } from '../helpers/harness';
import { askCard, tapButton, tapCallback } from '../helpers/card-taps';
import { type TemplateCardJson, cardText } from '../helpers/cards';

// The office's one-to-one cards: a new opinion's 承办单位 dropdown, deadline and 交办; the overdue list with 督办.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('cards-office');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  // Units the office has used: 住建局 twice, 交通运输局 once.
  for (const unit of ['住建局', '交通运输局', '住建局']) {
    const code = /YJ2026-\d{3}/.exec(await h.say('zhangsan', `建议 ${unit}相关的问题 ${Math.random()}`))![0];
    await h.say('office1', `交办 ${code} 单位：${unit}`);
  }
});
afterAll(async () => h.close());

async function newOpinion(text: string): Promise<string> {
  return /YJ2026-\d{3}/.exec(await h.say('zhangsan', `建议 ${text}`))![0];
}

function choose(card: TemplateCardJson, userid: string, unit: string, deadline: string) {
  const [units, deadlines] = card.select_list!;
  return {
    userid,
    taskId: card.task_id,
    key: card.submit_button!.key,
    cardType: 'multiple_interaction',
    selected: {
      [units!.question_key]: [units!.option_list.find((o) => o.text === unit)!.id],
      [deadlines!.question_key]: [deadlines!.option_list.find((o) => o.text === deadline)!.id],
    },
  };
}

describe('交办 from a new opinion’s card', () => {
  it('offers the known units, most used first, and a deadline; 交办 assigns as the typed 交办 does', async () => {
    const code = await newOpinion('北街路灯坏了');
    const card = await askCard(h, 'office1', `进度 ${code}`);
    expect(card.card_type).toBe('multiple_interaction');
    expect(card.select_list?.[0]?.option_list.map((o) => o.text)).toEqual(['住建局', '交通运输局']);
    expect(card.select_list?.[1]?.option_list.map((o) => o.text)).toContain('15个工作日');
    const answer = await tapCallback(h, choose(card, 'office1', '交通运输局', '15个工作日'));
    expect(cardText(answer.card!)).toContain('已交办：交通运输局');
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o).toMatchObject({ status: '已交办', unit: '交通运输局' });
    expect(o!.timeline.find((e) => e.action === 'assigned')?.via).toBe('card');
    const log = await h.models.AuditEntry.find({ 'actor.userid': 'office1', via: 'card' }).lean();
    expect(log.map((e) => e.what)).toContain('交办');
    // A stale card: another office member taps it after it was assigned, and is told so.
    const late = await tapCallback(h, choose(card, 'clerk', '住建局', '默认期限'));
    expect(late.card!.main_title?.title).toMatch(/^已由.+交办$/);
    expect((await h.models.Opinion.findOne({ code }).lean())!.unit).toBe('交通运输局');
  });

  it('a deputy tapping an office card gets a polite refusal and nothing changes', async () => {
    const code = await newOpinion('南街下水道堵了');
    const card = await askCard(h, 'office1', `进度 ${code}`);
    const answer = await tapCallback(h, choose(card, 'zhangsan', '住建局', '默认期限'));
    expect(cardText(answer.card!)).toContain('人大办工作人员的操作');
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.status).toBe('待交办');
    expect(await h.models.AuditEntry.countDocuments({ 'actor.userid': 'zhangsan', via: 'card' })).toBe(0);
  });
});

describe('督办 from the overdue list', () => {
  it('lists overdue cases with a button each; a tap records the 督办 and tells the filer', async () => {
    const code = await newOpinion('西街积水严重');
    await h.say('office1', `交办 ${code} 单位：住建局 期限：5个工作日`);
    h.clock.set('2026-12-10T10:00:00+08:00');
    const card = await askCard(h, 'office1', '督办');
    expect(card.button_list?.map((b) => b.text)).toContain(code);
    expect(cardText(card)).toMatch(new RegExp(`【红牌】${code} 住建局 逾期\\d+个工作日`));
    const chased = await tapButton(h, 'office1', card, code);
    expect(cardText(chased.card!)).toContain(`已督办 ${code}`);
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o!.timeline.filter((e) => e.action === 'reminded').map((e) => e.via)).toEqual(['card']);
    await h.drain();
    expect(h.wecom.pushes.some((p) => p.content.includes(code) && p.content.includes('督办'))).toBe(true);
    // The typed 督办 in the group keeps its text.
    expect(await h.say('office1', '督办')).toContain(code);
  });
});
