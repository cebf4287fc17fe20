import { type Harness, createHarness } from '../helpers/harness';
import { askCard, tapButton, tapCallback } from '../helpers/card-taps';
import { buttonKey, cardText } from '../helpers/cards';
import { eventually } from '../helpers/eventually';

// Meeting cards through the signed callback: 会议 <编号> answers with 参加 / 请假, a tap records the reply slip
// as the typed 回执 does and updates the tapper's card; repeats, reasons, stale cards and rights.
let h: Harness;
let code: string;

beforeAll(async () => {
  h = await createHarness('cards-meetings');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  const reply = await h.say(
    'office1',
    '会议通知 第六次主席团会议 时间：11月25日14:30 地点：镇政府大会议室 类型：主席团会议',
  );
  code = /HY2026-\d{3}/.exec(reply)![0];
});
afterAll(async () => h.close());

const auditOf = async (userid: string) => h.models.AuditEntry.find({ 'actor.userid': userid }).sort({ at: 1 }).lean();

describe('会议 <编号> answered with a card, tapped through the callback', () => {
  it('shows the meeting with 参加 and 请假 and a task id by WeCom’s rules', async () => {
    const card = await askCard(h, 'zhangsan', `会议 ${code}`);
    expect(card.card_type).toBe('button_interaction');
    expect(cardText(card)).toContain(`会议通知 ${code}`);
    expect(cardText(card)).toContain('我的回执：未回执');
    expect(card.button_list?.map((b) => b.text)).toEqual(['参加', '请假']);
    expect(card.task_id).toMatch(/^[0-9A-Za-z_\-@]+$/);
    expect(Buffer.byteLength(card.task_id)).toBeLessThanOrEqual(128);
    // Never reused: the same question again gets a card of its own.
    const again = await askCard(h, 'zhangsan', `会议 ${code}`);
    expect(again.task_id).not.toBe(card.task_id);
  });

  it('参加 records the slip, logs it as 回执 via the card, and updates the tapper’s card only', async () => {
    const card = await askCard(h, 'zhangsan', `会议 ${code}`);
    const answer = await tapButton(h, 'zhangsan', card, '参加');
    expect(answer.responseType).toBe('update_template_card');
    expect(answer.userids).toEqual(['zhangsan']);
    expect(answer.card?.task_id).toBe(card.task_id);
    expect(cardText(answer.card!)).toContain('已回执：参加');
    expect(answer.card?.button_list?.map((b) => b.text)).toEqual(['改为请假']);
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.filter((r) => r.userid === 'zhangsan').map((r) => r.answer)).toEqual(['参加']);
    const log = await auditOf('zhangsan');
    expect(log.at(-1)).toMatchObject({ via: 'card', what: '回执' });
    // The typed command sees what the tap recorded.
    expect(await h.say('zhangsan', `会议 ${code}`)).toContain('我的回执：参加');
  });

  it('a repeated event and a double tap give one record and the same update', async () => {
    const card = await askCard(h, 'lisi', `会议 ${code}`);
    const key = buttonKey(card, '参加');
    const first = await tapCallback(h, { userid: 'lisi', taskId: card.task_id, key, msgid: 'same-event-1' });
    const redelivered = await tapCallback(h, { userid: 'lisi', taskId: card.task_id, key, msgid: 'same-event-1' });
    const doubleTap = await tapCallback(h, { userid: 'lisi', taskId: card.task_id, key });
    expect(redelivered.card).toEqual(first.card);
    expect(doubleTap.card).toEqual(first.card);
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.filter((r) => r.userid === 'lisi')).toHaveLength(1);
    expect((await auditOf('lisi')).filter((e) => e.via === 'card')).toHaveLength(1);
  });

  it('请假 offers common reasons; a reason records the leave; the updated card changes it back', async () => {
    const card = await askCard(h, 'wangwu', `会议 ${code}`);
    const reasons = await tapButton(h, 'wangwu', card, '请假');
    expect(reasons.card?.button_list?.map((b) => b.text)).toEqual([
      '工作冲突',
      '身体原因',
      '外出学习',
      '家中有事',
      '其他',
    ]);
    // Nothing is recorded until a reason is chosen.
    let m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.some((r) => r.userid === 'wangwu')).toBe(false);
    const left = await tapButton(h, 'wangwu', reasons.card!, '外出学习');
    expect(cardText(left.card!)).toContain('已回执：请假');
    expect(cardText(left.card!)).toContain('原因：外出学习');
    m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.find((r) => r.userid === 'wangwu')).toMatchObject({ answer: '请假', reason: '外出学习' });
    const back = await tapButton(h, 'wangwu', left.card!, '改为参加');
    expect(cardText(back.card!)).toContain('已回执：参加');
    m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.filter((r) => r.userid === 'wangwu').map((r) => r.answer)).toEqual(['参加']);
  });

  it('其他 asks for the reason in the chat, as the typed 请假 does', async () => {
    const card = await askCard(h, 'wangwu', `会议 ${code}`);
    const reasons = await tapButton(h, 'wangwu', card, '请假');
    const other = await tapButton(h, 'wangwu', reasons.card!, '其他');
    expect(cardText(other.card!)).toContain(`请直接发送：请假 ${code} <原因>`);
    expect(await h.say('wangwu', `请假 ${code} 参加区里培训`)).toContain('请假（参加区里培训）');
  });

  it('a card with a forged or unknown task id changes nothing and says it is out of date', async () => {
    const answer = await tapCallback(h, { userid: 'zhangsan', taskId: 'someone-elses-task', key: 'attend~0' });
    expect(cardText(answer.card!)).toContain('卡片已过期');
  });

  it('a stale card (the meeting was cancelled) says so instead of acting', async () => {
    const card = await askCard(h, 'lisi', `会议 ${code}`);
    await h.say('office1', `取消会议 ${code} 因故延期，另行通知`);
    const answer = await tapButton(h, 'lisi', card, '请假');
    expect(cardText(answer.card!)).toContain('已取消');
    const attend = await tapCallback(h, { userid: 'lisi', taskId: card.task_id, key: buttonKey(card, '参加') });
    expect(cardText(attend.card!)).toContain('已取消');
  });
});

describe('a tap that misses WeCom’s 5 s', () => {
  let slow: Harness;
  beforeAll(async () => {
    // A deadline nothing meets: every tap is answered past it.
    slow = await createHarness('cards-deadline', { tunables: { inbound: { cardDeadlineMs: 0 } } });
    await slow.addDeputy('zhangsan', '张三');
  });
  afterAll(async () => slow.close());

  it('is answered empty in time, still recorded, and a redelivery records nothing more', async () => {
    const reply = await slow.say('office1', '会议通知 第九次主席团会议 时间：11月26日9:00 地点：镇政府大会议室');
    const meeting = /HY2026-\d{3}/.exec(reply)![0];
    const card = await askCard(slow, 'zhangsan', `会议 ${meeting}`);
    const tap = { userid: 'zhangsan', taskId: card.task_id, key: buttonKey(card, '参加'), msgid: 'late-tap' };
    const late = await tapCallback(slow, tap);
    expect(late).toMatchObject({ status: 200, raw: '' });
    await eventually(async () => {
      const m = await slow.models.Meeting.findOne({ code: meeting }).lean();
      return m?.replies.some((r) => r.userid === 'zhangsan');
    }, 'the late tap recorded the slip');
    await eventually(
      async () =>
        (await slow.models.InboundMessage.findOne({ status: 'done', replyCard: { $exists: true } }).lean()) !== null,
      'the late tap finished',
    );
    const again = await tapCallback(slow, tap);
    const m = await slow.models.Meeting.findOne({ code: meeting }).lean();
    expect(m!.replies.filter((r) => r.userid === 'zhangsan')).toHaveLength(1);
    expect(again.status).toBe(200);
  });
});
