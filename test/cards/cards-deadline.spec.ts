import { ManualTimers } from '../helpers/clocks';
import { noticeCard } from '../../src/cards';
import type { InboundMessage, Reply } from '../../src/dispatcher/contract';
import { askForReply, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { type TemplateCardJson, buttonKey, cardEventBody } from '../helpers/cards';
import type { Harness } from '../helpers/harness';
import { createLongConnectionHarness } from '../helpers/long-connection-harness';
import { startTransportOnly } from '../helpers/transport-only';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

// A tap over the long connection whose work outlasts the card deadline (WeCom takes the update within 5 s and asks
// once): the transport hands the tap over once, lets the work finish (the inbox records it), and sends no late update.
// The transport alone, with injected timers and a receive function the test controls (the inbox's place).
const DEADLINE_MS = 4_000;
let ws: Fake;
let timers: ManualTimers;
let handler: (msg: InboundMessage) => Promise<Reply> = async () => null;
const received: InboundMessage[] = [];

const updates = (reqId: string) =>
  ws.fake.frames.filter((f) => f.cmd === 'aibot_respond_update_msg' && f.headers.req_id === reqId);

let close: () => Promise<void>;
beforeAll(async () => {
  ({ ws, timers, close } = await startTransportOnly(
    'cardsdeadline',
    (msg) => {
      received.push(msg);
      return handler(msg);
    },
    { cardDeadlineMs: DEADLINE_MS },
  ));
});

afterAll(async () => close());

const taskId = 'c_HY2026-001_mifz3k00_0123456789ab';
const card = noticeCard(taskId, '已参加', '已记录', 1);

it('a tap answered within the deadline gets its update on the event’s req_id', async () => {
  handler = async () => ({ text: '已记录', card });
  const reqId = ws.fake.sendEventBody(cardEventBody({ userid: 'd1', taskId, key: 'attend~0' }));
  const f = await ws.fake.waitFor((x) => x.cmd === 'aibot_respond_update_msg' && x.headers.req_id === reqId);
  expect(f.body).toMatchObject({ response_type: 'update_template_card', userids: ['d1'] });
});

it('a tap that misses the deadline is handed over once and finishes, with no late update', async () => {
  let finish: (r: Reply) => void = () => undefined;
  let finished = false;
  handler = () =>
    new Promise<Reply>((r) => {
      finish = r;
    }).then((reply) => {
      finished = true;
      return reply;
    });
  const before = received.length;
  const reqId = ws.fake.sendEventBody(cardEventBody({ userid: 'd2', taskId, key: 'attend~0' }));
  await until(() => received.length === before + 1, 'handed to the inbox');
  // The deadline passes while the work is still running.
  await until(() => timers.dueIn().includes(DEADLINE_MS), 'deadline armed');
  timers.advance(DEADLINE_MS);
  finish({ text: '已记录', card });
  await until(() => finished, 'work finished');
  // A later frame through the same socket: everything the transport did for the late tap has been sent by then.
  const probe = ws.fake.sendEventBody(cardEventBody({ userid: 'd3', taskId, key: 'attend~0' }));
  handler = async () => ({ text: '已记录', card });
  await ws.fake.waitFor((x) => x.cmd === 'aibot_respond_update_msg' && x.headers.req_id === probe);
  expect(updates(reqId)).toEqual([]);
  expect(received.filter((m) => m.senderId === 'd2')).toHaveLength(1);
});

describe('through the real inbox (the deadline always passes first)', () => {
  // The card deadline's timer fires as soon as it is armed, before any database round trip can finish: every tap
  // here misses its deadline, whatever the machine's speed, with no sleeping.
  const CARD_DEADLINE_MS = 3_917;
  class DeadlineAtOnce extends ManualTimers {
    override setTimeout(fn: () => void, ms: number) {
      if (ms !== CARD_DEADLINE_MS) return super.setTimeout(fn, ms);
      queueMicrotask(fn);
      return { id: -1 };
    }
  }
  let fake: Fake;
  let h: Harness;
  let close: () => Promise<void>;

  const say = async (userid: string, text: string, chattype: 'group' | 'single' = 'single') =>
    (await askForReply(fake.fake, messageBody({ userid, text, chattype }))).text;

  beforeAll(async () => {
    ({
      ws: fake,
      h,
      close,
    } = await createLongConnectionHarness('cards-deadline-inbox', {
      now: '2026-11-22T10:00:00+08:00',
      instanceId: 'cards-deadline-inbox',
      timers: (clock) => new DeadlineAtOnce(clock),
      tunables: { inbound: { cardDeadlineMs: CARD_DEADLINE_MS } },
    }));
    await h.addDeputy('d1', '张三');
    await say('office1', '设为代表群', 'group');
  });
  afterAll(async () => close());

  it('a late tap is recorded once, a repeat of it records nothing more, and no update is sent for either', async () => {
    const text = await say('office1', '会议通知 第八次主席团会议 时间：11月27日9:00 地点：镇政府二楼会议室', 'group');
    const code = /HY2026-\d{3}/.exec(text)![0];
    const from = fake.fake.frames.length;
    await h.drain();
    const notice = fake.fake.frames
      .slice(from)
      .find((f) => f.cmd === 'aibot_send_msg' && f.body?.msgtype === 'template_card')!.body!
      .template_card as TemplateCardJson;
    const body = cardEventBody({
      userid: 'd1',
      taskId: notice.task_id,
      key: buttonKey(notice, '参加'),
      chattype: 'group',
      msgid: 'ev-late',
    });
    const first = fake.fake.sendEventBody(body);
    await until(async () => {
      const m = await h.models.Meeting.findOne({ code }).lean();
      return (m?.replies ?? []).some((r) => r.userid === 'd1');
    }, 'the late tap recorded');
    const second = fake.fake.sendEventBody(body);
    // Frames are taken in order: once a later message is answered, the repeat has been handed over (and missed its
    // deadline at once); the inbox answers it from the first one's record.
    await say('d1', '帮助');
    const m = await h.models.Meeting.findOne({ code }).lean();
    expect(m!.replies.filter((r) => r.userid === 'd1').map((r) => r.answer)).toEqual(['参加']);
    const late = fake.fake.frames.filter(
      (f) => f.cmd === 'aibot_respond_update_msg' && [first, second].includes(f.headers.req_id),
    );
    expect(late).toEqual([]);
  });
});
