import { createHash, randomBytes } from 'node:crypto';
import Router from '@koa/router';
import getRawBody from 'raw-body';
import { z } from 'zod';
import type { Context } from 'koa';
import type { FakeWecom, RecordedPush } from './fake-wecom';
import { type BotFrame, FakeWecomWs } from './fake-wecom-ws';

const sayBody = z.object({
  userid: z.string().min(1).max(128),
  mode: z.enum(['group', 'single', 'voice']),
  text: z.string().max(4_000),
  msgid: z.string().min(1).max(64),
  /** A picture the page uploaded to /demo/api/media: one-to-one an `image`, in the group a `mixed` message. */
  image: z.object({ url: z.string().max(2048), aeskey: z.string().max(64).optional() }).optional(),
});

/** A tap on a card the page shows: the template_card_event WeCom would deliver for it. */
const tapBody = z.object({
  userid: z.string().min(1).max(128),
  mode: z.enum(['group', 'single']),
  msgid: z.string().min(1).max(64),
  event: z.object({
    card_type: z.string().max(32),
    event_key: z.string().max(1024),
    task_id: z.string().max(128),
    selected_items: z
      .object({
        selected_item: z
          .array(
            z.object({
              question_key: z.string().max(1024),
              option_ids: z.object({ option_id: z.array(z.string().max(128)).max(20) }),
            }),
          )
          .max(10),
      })
      .optional(),
  }),
});

/** How long the simulator waits for the bot's finished stream before telling the page. */
const REPLY_WAIT_MS = 20_000;
/** WeCom takes a card's update within 5 s of the tap. */
const TAP_WAIT_MS = 5_000;

interface SimulatorOptions {
  botId: string;
  secret: string;
  sink: FakeWecom;
  chatid: string;
  aibotid: string;
}
type Say = z.infer<typeof sayBody>;
type Tap = z.infer<typeof tapBody>;

/**
 * Demo mode with DEMO_LONG_CONNECTION=true: this process also plays WeCom's long-connection
 * server on loopback; the bot dials it like wss://openws.work.weixin.qq.com, and the page's
 * messages travel as aibot_msg_callback frames. aibot_send_msg pushes land in the page's sink.
 */
export async function startLongConnectionSimulator(o: SimulatorOptions) {
  // A long-running demo keeps only the latest frames in memory.
  const fake = new FakeWecomWs({ botId: o.botId, secret: o.secret, keepFrames: 200 });
  const server = await fake.listen();
  fake.on('frame', (f: BotFrame) => {
    if (f.cmd === 'aibot_send_msg') o.sink.record(pushOf(f, fake));
  });
  return { url: server.url, router: pageRoutes(fake, o), fake, close: server.close };
}

/** An aibot_send_msg frame as the page's sink records a push. */
function pushOf(f: BotFrame, fake: FakeWecomWs): RecordedPush {
  // chat_type 1 is a one-to-one message: the page shows whom it went to.
  const touser = f.body?.chat_type === 1 ? [String(f.body.chatid)] : undefined;
  const msgtype = String(f.body?.msgtype ?? 'markdown');
  // A picture or file was uploaded first: the page shows the picture, and a file by its name.
  const mediaId = String(((f.body?.[msgtype] ?? {}) as { media_id?: string }).media_id ?? '');
  const media = fake.media.get(mediaId);
  const md = (f.body?.markdown ?? {}) as { content?: string };
  const card = msgtype === 'template_card' ? (f.body?.template_card as Record<string, unknown>) : undefined;
  const title = ((card?.main_title ?? {}) as { title?: string }).title ?? '';
  return {
    channel: 'aibot',
    msgtype: msgtype === 'image' ? 'image' : card ? 'template_card' : 'markdown',
    content:
      msgtype === 'file'
        ? `📎 ${media?.filename ?? mediaId}`
        : msgtype === 'image'
          ? ''
          : card
            ? title
            : (md.content ?? ''),
    mentions: [],
    touser,
    ...(card ? { card } : {}),
    ...(msgtype === 'image' && media
      ? {
          image: { base64: media.bytes.toString('base64'), md5: createHash('md5').update(media.bytes).digest('hex') },
        }
      : {}),
    at: new Date(),
  };
}

/** The page's two doors into the simulated long connection: a message (ws-say) and a tap on a card (ws-tap). */
function pageRoutes(fake: FakeWecomWs, o: SimulatorOptions): Router {
  const router = new Router();
  router.post('/demo/api/ws-say', async (ctx) => {
    const input = await readInput(ctx, sayBody, '32kb');
    if (!input || !connected(ctx, fake)) return;
    const reqId = `demo-${randomBytes(8).toString('hex')}`;
    const frames = replyFrames(fake, reqId);
    fake.sendMessage(messageBody(input, o), reqId);
    ctx.body = {
      reqId,
      frames: (await frames).map((f) => ({
        req_id: f.headers.req_id,
        stream: f.body?.stream,
        template_card: f.body?.template_card,
      })),
    };
  });

  // A tap on a card: delivered as aibot_event_callback; the bot answers with aibot_respond_update_msg (5 s).
  router.post('/demo/api/ws-tap', async (ctx) => {
    const input = await readInput(ctx, tapBody, '16kb');
    if (!input || !connected(ctx, fake)) return;
    const reqId = `demo-tap-${randomBytes(8).toString('hex')}`;
    const update = updateFrame(fake, reqId);
    fake.sendEventBody(tapEventBody(input, o), reqId);
    ctx.body = { reqId, update: (await update)?.body ?? null };
  });
  return router;
}

/** The page's JSON, checked; a 400 (and undefined) when it is not what the schema says. */
async function readInput<T extends z.ZodType>(
  ctx: Context,
  schema: T,
  limit: string,
): Promise<z.output<T> | undefined> {
  ctx.set('cache-control', 'no-store');
  try {
    return schema.parse(JSON.parse(await getRawBody(ctx.req, { limit, encoding: 'utf8' })));
  } catch {
    ctx.status = 400;
    ctx.body = { error: 'bad request' };
    return undefined;
  }
}

/** Whether the bot has dialled in; a 503 when it has not. */
function connected(ctx: Context, fake: FakeWecomWs): boolean {
  if (fake.openSockets() > 0) return true;
  ctx.status = 503;
  ctx.body = { error: 'the bot is not connected to the simulator yet' };
  return false;
}

/** The aibot_msg_callback body WeCom would send for what the page typed, spoke or pictured. */
function messageBody(input: Say, o: SimulatorOptions): Record<string, unknown> {
  const group = input.mode === 'group';
  return {
    msgid: input.msgid,
    aibotid: o.aibotid,
    chattype: group ? 'group' : 'single',
    from: { userid: input.userid },
    ...(group ? { chatid: o.chatid } : {}),
    ...(input.image
      ? input.text.trim() || group
        ? {
            msgtype: 'mixed',
            mixed: {
              msg_item: [
                { msgtype: 'text', text: { content: input.text } },
                { msgtype: 'image', image: input.image },
              ],
            },
          }
        : { msgtype: 'image', image: input.image }
      : input.mode === 'voice'
        ? { msgtype: 'voice', voice: { content: input.text } }
        : { msgtype: 'text', text: { content: input.text } }),
  };
}

/** The aibot_event_callback body WeCom would send for a tap. */
function tapEventBody(input: Tap, o: SimulatorOptions): Record<string, unknown> {
  const group = input.mode === 'group';
  return {
    msgid: input.msgid,
    create_time: Math.floor(Date.now() / 1000),
    aibotid: o.aibotid,
    chattype: group ? 'group' : 'single',
    from: { userid: input.userid },
    ...(group ? { chatid: o.chatid } : {}),
    msgtype: 'event',
    event: { eventtype: 'template_card_event', template_card_event: input.event },
  };
}

/** Collects the bot's stream frames for one callback until the finished one (or a long wait). */
function replyFrames(fake: FakeWecomWs, reqId: string): Promise<BotFrame[]> {
  const got: BotFrame[] = [];
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      fake.off('frame', on);
      resolve(got);
    };
    const on = (f: BotFrame) => {
      if (f.cmd !== 'aibot_respond_msg' || f.headers?.req_id !== reqId) return;
      got.push(f);
      // A finished stream, or a card (a reply is one or the other).
      if ((f.body?.stream as { finish?: boolean } | undefined)?.finish === true) done();
      else if (f.body?.msgtype === 'template_card') done();
    };
    const timer = setTimeout(done, REPLY_WAIT_MS);
    fake.on('frame', on);
  });
}

/** The update frame answering a tap, or undefined past WeCom's 5 s. */
function updateFrame(fake: FakeWecomWs, reqId: string): Promise<BotFrame | undefined> {
  return new Promise((resolve) => {
    const on = (f: BotFrame) => {
      if (f.cmd !== 'aibot_respond_update_msg' || f.headers?.req_id !== reqId) return;
      clearTimeout(timer);
      fake.off('frame', on);
      resolve(f);
    };
    const timer = setTimeout(() => {
      fake.off('frame', on);
      resolve(undefined);
    }, TAP_WAIT_MS);
    fake.on('frame', on);
  });
}
