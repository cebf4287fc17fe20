import { ManualClock, ManualTimers } from '../helpers/clocks';
import { type BotFrame, longConnectionEnv, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { type Harness, createHarness } from '../helpers/harness';
import { type TemplateCardJson, buttonKey, cardEventBody, cardText } from '../helpers/cards';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

// Cards over the long connection: the notice goes out as aibot_send_msg template_card into the push group, a
// reply to 会议/活动 <编号> is aibot_respond_msg template_card, and a tap (aibot_event_callback) is answered with
// aibot_respond_update_msg on the event's req_id, for the tapper only.
let ws: Fake;
let h: Harness;

const isFinished = (f: BotFrame) => (f.body?.stream as { finish?: boolean } | undefined)?.finish === true;

/** A message over the socket; resolves with the card or the finished stream's text. */
async function ask(userid: string, text: string, chattype: 'group' | 'single' = 'single') {
  const from = ws.fake.frames.length;
  const id = ws.fake.sendMessage(messageBody({ userid, text, chattype }));
  const f = await ws.fake.waitFor(
    (x) =>
      x.cmd === 'aibot_respond_msg' &&
      x.headers.req_id === id &&
      (isFinished(x) || x.body?.msgtype === 'template_card'),
    from,
  );
  return {
    card: f.body?.template_card as TemplateCardJson | undefined,
    text: (f.body?.stream as { content?: string } | undefined)?.content ?? '',
  };
}

/** A tap over the socket; resolves with the update frame answering it. */
async function tap(userid: string, card: TemplateCardJson, button: string, chattype: 'group' | 'single' = 'single') {
  const from = ws.fake.frames.length;
  const body = cardEventBody({ userid, taskId: card.task_id, key: buttonKey(card, button), chattype });
  const id = ws.fake.sendEventBody(body);
  const f = await ws.fake.waitFor((x) => x.cmd === 'aibot_respond_update_msg' && x.headers.req_id === id, from);
  return f.body as { response_type: string; userids: string[]; template_card: TemplateCardJson };
}

beforeAll(async () => {
  ws = await startFakeWecomWs();
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  h = await createHarness('cards-lc', {
    clock,
    env: { ...longConnectionEnv(ws), WECOM_WEBHOOK_KEY: '' },
    compose: { timers: new ManualTimers(clock), instanceId: 'cards-a' },
  });
  for (const [id, name] of [
    ['d1', '张三'],
    ['d2', '李四'],
    ['d3', '王五'],
  ] as const)
    await h.addDeputy(id, name);
  await h.longConnection?.start();
  await until(() => h.longConnection?.health().link?.state === 'up', 'subscribed');
  await ask('office1', '设为代表群', 'group');
});
afterAll(async () => {
  await h.close();
  await ws.close();
});

describe('meeting cards over the long connection', () => {
  let notice: TemplateCardJson;
  let code: string;

  it('sends the meeting notice into the push group as a card with 参加 / 请假', async () => {
    const { text } = await ask(
      'office1',
      '会议通知 第七次主席团会议 时间：11月26日9:00 地点：镇政府二楼会议室',
      'group',
    );
    code = /HY2026-\d{3}/.exec(text)![0];
    const from = ws.fake.frames.length;
    await h.drain();
    const sent = ws.fake.frames.slice(from).filter((f) => f.cmd === 'aibot_send_msg');
    const cardFrame = sent.find((f) => f.body?.msgtype === 'template_card');
    expect(cardFrame?.body).toMatchObject({ chatid: 'wr-group-1', chat_type: 2 });
    notice = cardFrame!.body!.template_card as TemplateCardJson;
    expect(cardText(notice)).toContain(`会议通知 ${code}`);
    expect(notice.button_list?.map((b) => b.text)).toEqual(['参加', '请假']);
  });

  it('a tap in the group records that deputy’s slip and updates the card for them alone', async () => {
    const update = await tap('d1', notice, '参加', 'group');
    expect(update.response_type).toBe('update_template_card');
    expect(update.userids).toEqual(['d1']);
    expect(update.template_card.task_id).toBe(notice.task_id);
    expect(cardText(update.template_card)).toContain('已回执：参加');
    const other = await tap('d2', notice, '请假', 'group');
    const left = await tap('d2', other.template_card, '身体原因', 'group');
    expect(cardText(left.template_card)).toContain('原因：身体原因');
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.map((r) => [r.userid, r.answer, r.reason ?? ''])).toEqual([
      ['d1', '参加', ''],
      ['d2', '请假', '身体原因'],
    ]);
  });

  it('the same event frame twice gives one slip and the same update', async () => {
    const body = cardEventBody({
      userid: 'd3',
      taskId: notice.task_id,
      key: buttonKey(notice, '参加'),
      msgid: 'ev-twice',
    });
    const from = ws.fake.frames.length;
    const first = ws.fake.sendEventBody(body);
    const second = ws.fake.sendEventBody(body);
    const [a, b] = await Promise.all(
      [first, second].map((id) =>
        ws.fake.waitFor((x) => x.cmd === 'aibot_respond_update_msg' && x.headers.req_id === id, from),
      ),
    );
    expect(b!.body).toEqual(a!.body);
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.filter((r) => r.userid === 'd3')).toHaveLength(1);
  });

  it('会议 <编号> one-to-one answers with aibot_respond_msg template_card', async () => {
    const { card } = await ask('d3', `会议 ${code}`);
    expect(cardText(card!)).toContain('我的回执：参加');
    const update = await tap('d3', card!, '请假');
    expect(update.template_card.button_list?.map((b) => b.text)).toContain('其他');
  });
});

describe('activity cards over the long connection', () => {
  it('报名 shows the places left, a full activity the waitlist position; 取消报名 moves the first one up', async () => {
    const { text } = await ask(
      'office1',
      '发布活动 走访农贸市场 时间：11月27日9:00-11:30 地点：镇农贸市场 名额：1 截止：11月26日18:00',
      'group',
    );
    const code = /HD2026-\d{3}/.exec(text)![0];
    const from = ws.fake.frames.length;
    await h.drain();
    const notice = ws.fake.frames
      .slice(from)
      .find((f) => f.cmd === 'aibot_send_msg' && f.body?.msgtype === 'template_card')!.body!
      .template_card as TemplateCardJson;
    expect(cardText(notice)).toContain('名额：剩余 1 / 共 1');
    const first = await tap('d1', notice, '报名', 'group');
    expect(cardText(first.template_card)).toContain('已报名');
    expect(cardText(first.template_card)).toContain('名额：剩余 0 / 共 1');
    expect(first.template_card.button_list?.map((b) => b.text)).toEqual(['取消报名']);
    const second = await tap('d2', notice, '报名', 'group');
    expect(cardText(second.template_card)).toContain('候补第 1 位');
    expect(second.template_card.button_list?.map((b) => b.text)).toEqual(['取消候补']);
    const cancelled = await tap('d1', first.template_card, '取消报名', 'group');
    expect(cardText(cancelled.template_card)).toContain('已取消报名');
    expect(cardText(cancelled.template_card)).toContain('名额已递补给 李四');
    const a = await h.models.Activity.findOne({ code }).lean();
    expect(a!.confirmedIds).toEqual(['d2']);
    // The typed command agrees.
    expect((await ask('d2', '活动')).text).toContain('我已报名');
  });
});

describe('study cards over the long connection', () => {
  it('the study push carries 已学; a tap marks it as the typed 已学 does, a double tap gives the same update', async () => {
    const { text } = await ask('office1', '学习资料 代表法第二讲 https://example.com/daibiaofa');
    const code = /XX2026-\d{3}/.exec(text)![0];
    const from = ws.fake.frames.length;
    await h.services.study.pushNext(h.clock.now(), 'cards-test-slot');
    await h.drain();
    const card = ws.fake.frames
      .slice(from)
      .find((f) => f.cmd === 'aibot_send_msg' && f.body?.msgtype === 'template_card')!.body!
      .template_card as TemplateCardJson;
    expect(cardText(card)).toContain(`本周学习资料 ${code}`);
    const marked = await tap('d1', card, '已学', 'group');
    expect(cardText(marked.template_card)).toContain('已记录学习');
    const item = await h.models.StudyItem.findOne({ code }).lean();
    expect(item!.learned.map((l) => l.userid)).toEqual(['d1']);
    const doubleTap = await tap('d1', card, '已学', 'group');
    expect(doubleTap).toEqual(marked);
    expect(await ask('d1', `已学 ${code}`).then((r) => r.text)).toContain('已经标记过');
  });
});
