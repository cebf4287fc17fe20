import { askForReply, messageBody, type startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { type Harness, createHarness } from '../helpers/harness';
import { createLongConnectionHarness } from '../helpers/long-connection-harness';
import { type TemplateCardJson, cardEventBody, cardText } from '../helpers/cards';
import { tapApp } from '../helpers/card-taps';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

// A new opinion reaches office staff one-to-one as the 交办 card (承办单位 dropdown, deadline, 交办): over the long
// connection to those who wrote to the bot one-to-one, or by the self-built app; never in the group, never to deputies.

/** The 承办单位 and deadline choices of a 交办 card, as a tap selects them. */
function chosen(card: TemplateCardJson, unit: string, deadline: string): Record<string, string[]> {
  const [units, deadlines] = card.select_list!;
  return {
    [units!.question_key]: [units!.option_list.find((o) => o.text === unit)!.id],
    [deadlines!.question_key]: [deadlines!.option_list.find((o) => o.text === deadline)!.id],
  };
}

describe('over the long connection', () => {
  let ws: Fake;
  let h: Harness;
  let close: () => Promise<void>;

  const say = async (userid: string, text: string, chattype: 'group' | 'single' = 'single') =>
    (await askForReply(ws.fake, messageBody({ userid, text, chattype }))).text;

  async function tap(userid: string, card: TemplateCardJson, selected: Record<string, string[]>) {
    const from = ws.fake.frames.length;
    const body = cardEventBody({
      userid,
      taskId: card.task_id,
      key: card.submit_button!.key,
      cardType: 'multiple_interaction',
      selected,
    });
    const id = ws.fake.sendEventBody(body);
    const f = await ws.fake.waitFor((x) => x.cmd === 'aibot_respond_update_msg' && x.headers.req_id === id, from);
    return f.body as { userids: string[]; template_card: TemplateCardJson };
  }

  /** The 交办 cards sent one-to-one since frame `from`, by recipient. */
  function assignCards(from: number): Map<string, TemplateCardJson> {
    const out = new Map<string, TemplateCardJson>();
    for (const f of ws.fake.frames.slice(from)) {
      const card = f.body?.template_card as TemplateCardJson | undefined;
      if (f.cmd === 'aibot_send_msg' && card?.card_type === 'multiple_interaction')
        out.set(String(f.body?.chatid), card);
    }
    return out;
  }

  beforeAll(async () => {
    ({ ws, h, close } = await createLongConnectionHarness('cards-office-notice-lc', {
      now: '2026-11-22T10:00:00+08:00',
      instanceId: 'office-notice',
    }));
    await h.addDeputy('d1', '张三');
    await h.addDeputy('d2', '李四');
    await h.addDeputy('clerk', '赵干事', { isOffice: true });
    await say('office1', '设为代表群', 'group');
    // Everyone has written to the bot one-to-one, deputies included: only office staff get the card.
    for (const u of ['office1', 'clerk', 'd1', 'd2']) await say(u, '帮助');
    await until(async () => (await h.models.BotChat.countDocuments({ _id: /^single:/ })) === 4, 'chats recorded');
    // Units the office has used: 住建局 twice, 交通运输局 once.
    for (const unit of ['住建局', '交通运输局', '住建局']) {
      const code = /YJ2026-\d{3}/.exec(await say('d2', `建议 ${unit}相关的问题 ${unit.length}${Math.random()}`))![0];
      await say('office1', `交办 ${code} 单位：${unit}`);
    }
    await h.drain();
  });
  afterAll(async () => close());

  it('a filing reaches each office member one-to-one as the 交办 card, not the group or deputies', async () => {
    const from = ws.fake.frames.length;
    const code = /YJ2026-\d{3}/.exec(await say('d1', '建议 北街路灯坏了，晚上很黑'))![0];
    await h.drain();
    const cards = assignCards(from);
    expect([...cards.keys()].sort()).toEqual(['clerk', 'office1']);
    const card = cards.get('office1')!;
    expect(card.main_title?.title).toContain(code);
    expect(card.select_list?.[0]?.option_list.map((o) => o.text)).toEqual(['住建局', '交通运输局']);
    expect(card.submit_button?.text).toBe('交办');
    // Each chat's card has its own task id (WeCom refuses one used twice).
    expect(cards.get('clerk')!.task_id).not.toBe(card.task_id);
    const sent = ws.fake.frames.slice(from).filter((f) => f.cmd === 'aibot_send_msg');
    expect(sent.every((f) => f.body?.chat_type === 1)).toBe(true);
    expect(sent.some((f) => f.body?.chatid === 'wr-group-1' || f.body?.chatid === 'd2')).toBe(false);
  });

  it('交办 on the card assigns as the typed 交办 (same audit entry, the filer told); a second tap says who did', async () => {
    const from = ws.fake.frames.length;
    const code = /YJ2026-\d{3}/.exec(await say('d1', '建议 南街下水道堵了，请尽快疏通'))![0];
    await h.drain();
    const cards = assignCards(from);
    const answer = await tap(
      'office1',
      cards.get('office1')!,
      chosen(cards.get('office1')!, '交通运输局', '15个工作日'),
    );
    expect(answer.userids).toEqual(['office1']);
    expect(cardText(answer.template_card)).toContain('已交办：交通运输局');
    const o = await h.models.Opinion.findOne({ code }).lean();
    expect(o).toMatchObject({ status: '已交办', unit: '交通运输局' });
    expect(o!.timeline.filter((e) => e.action === 'assigned').map((e) => e.via)).toEqual(['card']);
    const log = await h.models.AuditEntry.find({ 'actor.userid': 'office1', via: 'card', what: '交办' }).lean();
    expect(log.length).toBe(1);
    const told = ws.fake.frames.length;
    await h.drain();
    const toFiler = ws.fake.frames.slice(told).filter((f) => f.cmd === 'aibot_send_msg' && f.body?.chatid === 'd1');
    expect(JSON.stringify(toFiler.map((f) => f.body))).toContain(code);

    // The clerk's card, tapped after the assignment: it now says who assigned it, and nothing changes.
    const late = await tap('clerk', cards.get('clerk')!, chosen(cards.get('clerk')!, '住建局', '默认期限'));
    const by = o!.timeline.find((e) => e.action === 'assigned')!.byName;
    expect(late.template_card.main_title?.title).toBe(`已由${by}交办`);
    expect(cardText(late.template_card)).toContain('交通运输局');
    const after = await h.models.Opinion.findOne({ code }).lean();
    expect(after).toMatchObject({ unit: '交通运输局', round: o!.round });
    expect(after!.timeline.length).toBe(o!.timeline.length);
    expect(await h.models.AuditEntry.countDocuments({ 'actor.userid': 'clerk', via: 'card' })).toBe(0);
  });
});

describe('by the self-built app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('cards-office-notice-app', {
      env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' },
    });
    await h.addDeputy('zhangsan', '张三');
    await h.addDeputy('clerk', '赵干事', { isOffice: true });
    const code = /YJ2026-\d{3}/.exec(await h.say('zhangsan', '建议 东街住建相关的问题要处理'))![0];
    await h.say('office1', `交办 ${code} 单位：住建局`);
    await h.drain();
  });
  afterAll(async () => h.close());

  it('one message/send template_card to the office staff only; a tap in the app assigns', async () => {
    const from = h.wecom.pushes.length;
    const code = /YJ2026-\d{3}/.exec(await h.say('zhangsan', '建议 西街积水严重，雨天无法通行'))![0];
    await h.drain();
    const cardPushes = h.wecom.pushes
      .slice(from)
      .filter(
        (p) => p.msgtype === 'template_card' && (p.card as { card_type?: string }).card_type === 'multiple_interaction',
      );
    expect(cardPushes.length).toBe(1);
    expect(cardPushes[0]!.channel).toBe('app');
    expect([...(cardPushes[0]!.touser ?? [])].sort()).toEqual(['clerk', 'office1']);
    // Nothing about it in the group.
    expect(h.wecom.pushes.slice(from).some((p) => p.channel === 'webhook' && p.content.includes(code))).toBe(false);
    const card = cardPushes[0]!.card as unknown as TemplateCardJson;
    const answer = await tapApp(h, {
      userid: 'clerk',
      taskId: card.task_id,
      key: card.submit_button!.key,
      cardType: 'multiple_interaction',
      selected: chosen(card, '住建局', '默认期限'),
      createTime: 1764000200,
    });
    expect(answer.status).toBe(200);
    expect(await h.models.Opinion.findOne({ code }).lean()).toMatchObject({ status: '已交办', unit: '住建局' });
  });
});
