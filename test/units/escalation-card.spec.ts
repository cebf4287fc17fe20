import { tapApp } from '../helpers/card-taps';
import { type TemplateCardJson, buttonKey, cardText } from '../helpers/cards';
import { type Harness, createHarness } from '../helpers/harness';

// A case red for ESCALATE_WORKDAYS working days: where the office reads cards one-to-one (here the self-built app),
// the request to 督办 carries a 督办 button, and a tap does what the typed 催办 does.
const bj = (s: string) => new Date(`${s}+08:00`);
let h: Harness;

beforeAll(async () => {
  h = await createHarness('units_escalation_card', {
    now: '2026-09-28T10:00:00+08:00',
    installedAt: '2026-09-01T08:00:00+08:00',
    env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.say('zhangsan', '建议 老街消防通道被占用，请尽快处理');
  await h.say('office1', '交办 YJ2026-001 单位：派出所 期限：2026-09-30');
  await h.drain();
}, 60_000);
afterAll(async () => h?.close());

const escalationCards = () =>
  h.wecom.pushes.filter((p) => p.channel === 'app' && p.msgtype === 'template_card' && p.touser?.includes('office1'));

it('asks the office once with a 督办 button; the tap chases the case as 催办 does', async () => {
  // 09-30 is the deadline; red from 10-01, and the National Day holiday does not count: 5 red working days on 10-13.
  h.clock.set(bj('2026-10-12T09:00:00'));
  await h.scheduler.tick(h.clock.now());
  await h.drain();
  expect(escalationCards()).toHaveLength(0);
  h.clock.set(bj('2026-10-13T09:00:00'));
  await h.scheduler.tick(h.clock.now());
  await h.drain();
  const pushed = escalationCards();
  expect(pushed).toHaveLength(1);
  const card = pushed[0]!.card as unknown as TemplateCardJson;
  expect(card.main_title?.title).toBe('提请督办 YJ2026-001');
  expect(cardText(card)).toContain('【红牌】YJ2026-001 派出所 逾期5个工作日');

  const answer = await tapApp(h, {
    userid: 'office1',
    taskId: card.task_id,
    key: buttonKey(card, 'YJ2026-001'),
    createTime: 1791853300,
  });
  expect(answer).toMatchObject({ msgType: 'update_button' });
  const o = await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean();
  expect(o!.timeline.at(-1)).toMatchObject({ action: 'reminded', via: 'card', by: 'office1' });

  // The next day's run does not ask again.
  h.clock.set(bj('2026-10-14T09:00:00'));
  await h.scheduler.tick(h.clock.now());
  await h.drain();
  expect(escalationCards()).toHaveLength(1);
});
