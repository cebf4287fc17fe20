import { FakeWecomWs } from '../../src/demo/fake-wecom-ws';
import { nextMsgId } from './wecom-payloads';

export { FakeWecomWs };
export type { BotFrame } from '../../src/demo/fake-wecom-ws';

/** Starts a fake WeCom long-connection server on loopback that expects these credentials. */
export async function startFakeWecomWs(botId = 'bot-test', secret = 'long-conn-secret-42') {
  const fake = new FakeWecomWs({ botId, secret });
  const server = await fake.listen();
  return { fake, url: server.url, botId, secret, close: server.close };
}

/** The settings that point the app's long connection at a fake started by startFakeWecomWs. */
export function longConnectionEnv(ws: { botId: string; secret: string; url: string }): Record<string, string> {
  return { WECOM_BOT_ID: ws.botId, WECOM_BOT_SECRET: ws.secret, WECOM_WS_URL: ws.url };
}

/** Lets pending I/O callbacks run until `cond` holds (loopback sockets, the database); no timers involved. */
export async function until(
  cond: () => boolean | Promise<boolean>,
  what = 'condition',
  limitMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!(await cond())) {
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

export interface CallbackBody {
  msgid?: string;
  userid: string;
  chattype?: 'group' | 'single';
  chatid?: string;
  text?: string;
  voice?: string;
  msgtype?: string;
}

/** An aibot_msg_callback body as WeCom sends it (the callback mode's JSON, unencrypted). */
export function messageBody(o: CallbackBody): Record<string, unknown> {
  const chattype = o.chattype ?? 'single';
  const msgtype = o.msgtype ?? (o.voice !== undefined ? 'voice' : 'text');
  return {
    msgid: o.msgid ?? nextMsgId(),
    aibotid: 'bot-test',
    chatid: chattype === 'group' ? (o.chatid ?? 'wr-group-1') : undefined,
    chattype,
    from: { userid: o.userid },
    msgtype,
    ...(msgtype === 'text' ? { text: { content: o.text ?? '' } } : {}),
    ...(msgtype === 'voice' ? { voice: { content: o.voice ?? '' } } : {}),
    ...(msgtype === 'image' ? { image: { url: 'https://example.invalid/x.jpg', aeskey: 'k' } } : {}),
  };
}

/** Sends a message callback; resolves with the reply: a template card, or the finished stream's text. */
export async function askForReply(
  fake: FakeWecomWs,
  body: Record<string, unknown>,
): Promise<{ text: string; card?: Record<string, unknown> }> {
  const from = fake.frames.length;
  const id = fake.sendMessage(body);
  const f = await fake.waitFor(
    (x) =>
      x.cmd === 'aibot_respond_msg' &&
      x.headers.req_id === id &&
      ((x.body?.stream as { finish?: boolean } | undefined)?.finish === true || x.body?.msgtype === 'template_card'),
    from,
  );
  const card = f.body?.template_card as Record<string, unknown> | undefined;
  return { text: (f.body?.stream as { content?: string } | undefined)?.content ?? '', ...(card ? { card } : {}) };
}

/** Sends a message callback and resolves with the reply's text (empty when the reply is a card). */
export async function askOver(fake: FakeWecomWs, body: Record<string, unknown>): Promise<string> {
  return (await askForReply(fake, body)).text;
}
