import { ManualClock, ManualTimers } from '../helpers/clocks';
import { createLogger } from '../../src/logger';
import { createModels, ensureIndexes } from '../../src/models';
import { noticeCard } from '../../src/cards';
import type { InboundMessage, Reply } from '../../src/dispatcher/contract';
import { createLongConnection } from '../../src/wecom/long-connection';
import { defaults } from '../../config/defaults';
import { startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { cardEventBody } from '../helpers/cards';
import { openTestDatabase, type TestDatabase } from '../helpers/db';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

// A tap over the long connection whose work outlasts the card deadline (WeCom takes the update within 5 s and asks
// once): the transport hands the tap over once, lets the work finish (the inbox records it), and sends no late update.
// The transport alone, with injected timers and a receive function the test controls (the inbox's place).
const DEADLINE_MS = 4_000;
let ws: Fake;
let db: TestDatabase;
let timers: ManualTimers;
let lc: ReturnType<typeof createLongConnection>;
let handler: (msg: InboundMessage) => Promise<Reply> = async () => null;
const received: InboundMessage[] = [];

const updates = (reqId: string) =>
  ws.fake.frames.filter((f) => f.cmd === 'aibot_respond_update_msg' && f.headers.req_id === reqId);

beforeAll(async () => {
  ws = await startFakeWecomWs();
  db = await openTestDatabase('cardsdeadline');
  const models = createModels(db.connection);
  await ensureIndexes(models);
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  timers = new ManualTimers(clock);
  lc = createLongConnection({
    config: { botId: ws.botId, secret: ws.secret, url: ws.url },
    models,
    clock,
    timers,
    log: createLogger({ level: 'silent' }),
    tunables: defaults.longConnection,
    streamBytes: defaults.replyLimits.streamBytes,
    cardDeadlineMs: DEADLINE_MS,
    receive: (msg) => {
      received.push(msg);
      return handler(msg);
    },
    instanceId: 'cards-deadline',
  });
  lc.start();
  await until(() => lc.health().link?.state === 'up', 'up');
});

afterAll(async () => {
  await lc.stop();
  await ws.close();
  await db.drop();
});

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
