import { ManualClock, ManualTimers } from '../helpers/clocks';
import {
  askOver,
  type BotFrame,
  longConnectionEnv,
  messageBody,
  startFakeWecomWs,
  until,
} from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';

// A unit contact told over the long connection (no self-built app): one-to-one once they have written to the bot,
// else a group @-mention that names the case but carries none of its content.
type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;
const contentOf = (f: BotFrame) => (f.body?.markdown as { content: string } | undefined)?.content ?? '';

let ws: Fake;
let h: Harness;

const ask = (body: Record<string, unknown>) => askOver(ws.fake, body);
/** What went out with aibot_send_msg since `from`: chat, chat type, content. */
async function sentSince(from: number): Promise<Array<[unknown, unknown, string]>> {
  await h.drain();
  return ws.fake.frames
    .slice(from)
    .filter((f) => f.cmd === 'aibot_send_msg')
    .map((f) => [f.body?.chatid, f.body?.chat_type, contentOf(f)]);
}

beforeAll(async () => {
  ws = await startFakeWecomWs();
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  const timers = new ManualTimers(clock);
  h = await createHarness('units_lc', {
    clock,
    env: { ...longConnectionEnv(ws), WECOM_WEBHOOK_KEY: '' },
    compose: { timers, instanceId: 'units-lc' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('office1', '陈主任', { isOffice: true });
  h.longConnection?.start();
  await until(() => h.longConnection?.health().link?.state === 'up', 'subscribed');
  await ask(messageBody({ userid: 'office1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 设为代表群' }));
  await h.services.roster.contacts.add({ unit: '住建办', userid: 'zj01', name: '陈工' }, h.clock.now());
  await h.services.roster.contacts.add({ unit: '住建办', userid: 'zj02', name: '何工' }, h.clock.now());
});
afterAll(async () => {
  await h.close();
  await ws.close();
});

it('tells a contact who wrote one-to-one privately, and the other by a group @-mention without the content', async () => {
  // zj01 has written to the bot one-to-one (their 待办), zj02 never has.
  expect(await ask(messageBody({ userid: 'zj01', text: '待办' }))).toContain('没有待答复的建议');
  await until(async () => (await h.models.BotChat.exists({ _id: 'single:zj01' })) !== null, 'recorded');
  const filed = await ask(
    messageBody({
      userid: 'zhangsan',
      chattype: 'group',
      chatid: 'wr-deputies',
      text: '@代表助手 建议 东村桥面有裂缝。雨天积水，车辆通行危险，联系人 13812345678',
    }),
  );
  const code = /YJ\d{4}-\d{3}/.exec(filed)![0];
  const from = ws.fake.frames.length;
  await ask(messageBody({ userid: 'office1', text: `交办 ${code} 单位：住建办` }));
  const out = await sentSince(from);
  const direct = out.filter(([chat, type]) => chat === 'zj01' && type === 1);
  expect(direct).toHaveLength(1);
  expect(direct[0]![2]).toContain('东村桥面有裂缝');
  expect(direct[0]![2]).not.toContain('13812345678');
  expect(direct[0]![2]).toContain(`答复 ${code} <A|B|C|D>`);
  const inGroup = out.filter(([chat]) => chat === 'wr-deputies').map(([, , c]) => c);
  const toZj02 = inGroup.find((c) => c.includes('<@zj02>'))!;
  expect(toZj02).toContain(code);
  expect(toZj02).toContain('请单聊助手发送「待办」');
  expect(toZj02).not.toContain('雨天积水');
  expect(inGroup.join('\n')).not.toContain('<@zj01>');
});
