import { type Harness, createHarness } from '../helpers/harness';
import { tapApp } from '../helpers/card-taps';
import { type TemplateCardJson, buttonKey, cardText } from '../helpers/cards';

// A tap in the self-built app: the passive answer renames the tapped button, and the whole updated card (the smart
// bot's) follows through message/update_template_card with the click's ResponseCode, once per tap.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('cards-app-updates', {
    env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' },
  });
  await h.addDeputy('zhangsan', '张三');
});
afterAll(async () => h.close());

const updates = () => h.wecom.pushes.filter((p) => p.msgtype === 'update_template_card');

it('不满意 in the app redraws the card with the reasons, then the chosen reason; a repeated event updates once', async () => {
  const code = /YJ2026-\d{3}/.exec(await h.say('zhangsan', '建议 北街路灯坏了，晚上很黑'))![0];
  await h.say('office1', `交办 ${code} 单位：交通运输局`);
  await h.say('office1', `答复 ${code} A 已安排维修，本周内完成`);
  await h.drain();
  const sent = h.wecom.pushes.find((p) => p.msgtype === 'template_card' && p.touser?.includes('zhangsan'));
  const vote = sent!.card as unknown as TemplateCardJson;
  const tap = {
    userid: 'zhangsan',
    taskId: vote.task_id,
    key: vote.submit_button!.key,
    cardType: 'vote_interaction',
    selected: { [vote.checkbox!.question_key]: ['unsatisfied'] },
    createTime: 1764000300,
  };

  const first = await tapApp(h, tap);
  expect(first.msgType).toBe('update_button');
  await h.drain();
  expect(updates()).toHaveLength(1);
  const [update] = updates();
  expect(update).toMatchObject({ channel: 'app', touser: ['zhangsan'], responseCode: 'rc-1764000300' });
  const reasons = update!.card as unknown as TemplateCardJson;
  expect(reasons.task_id).toBe(vote.task_id);
  expect(reasons.card_type).toBe('button_interaction');
  expect(reasons.button_list?.map((b) => b.text)).toContain('其他');

  // WeCom delivers the same event again: the same passive answer, no second update.
  expect(await tapApp(h, tap)).toEqual(first);
  await h.drain();
  expect(updates()).toHaveLength(1);

  // The reason, tapped on the redrawn card: its own response code, its own update; the next round starts.
  const reason = reasons.button_list!.find((b) => b.text !== '其他' && b.text !== reasons.button_list!.at(-1)!.text)!;
  await tapApp(h, {
    userid: 'zhangsan',
    taskId: reasons.task_id,
    key: buttonKey(reasons, reason.text),
    createTime: 1764000301,
  });
  await h.drain();
  expect(updates()).toHaveLength(2);
  expect(updates()[1]).toMatchObject({ responseCode: 'rc-1764000301', touser: ['zhangsan'] });
  expect(cardText(updates()[1]!.card as unknown as TemplateCardJson)).toContain('不满意');
  expect(await h.models.Opinion.findOne({ code }).lean()).toMatchObject({ rating: '不满意', round: 2 });
});
