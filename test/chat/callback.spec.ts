import { encrypt } from '@wecom/crypto';
import { streamIdOf } from '../../src/wecom/callback';
import { type Harness, createHarness } from '../helpers/harness';
import {
  TEST_KEYS,
  appEnvelope,
  appTextPlaintext,
  botEnvelope,
  botTextPlaintext,
  readAppReply,
  readBotReply,
  signedQuery,
} from '../helpers/wecom-payloads';

let h: Harness;

beforeAll(async () => {
  h = await createHarness('callback');
  await h.addDeputy('zhangsan', '张三');
});
afterAll(async () => h.close());

async function inboundCount(): Promise<number> {
  return h.models.InboundMessage.countDocuments({});
}

describe('URL verification', () => {
  it('answers the decrypted echostr as plain text for a valid signature', async () => {
    const echostr = encrypt(TEST_KEYS.encodingAesKey, '1234567890123', '');
    const res = await h.request
      .get('/wecom/callback')
      .query({ ...signedQuery(TEST_KEYS, echostr, h.nowSeconds()), echostr });
    expect(res.status).toBe(200);
    expect(res.text).toBe('1234567890123');
  });

  it('accepts the app-mode echostr (receive id = corp id) too', async () => {
    const echostr = encrypt(TEST_KEYS.encodingAesKey, 'app-echo', TEST_KEYS.corpId);
    const res = await h.request
      .get('/wecom/callback')
      .query({ ...signedQuery(TEST_KEYS, echostr, h.nowSeconds()), echostr });
    expect(res.text).toBe('app-echo');
  });

  it('refuses a forged signature with 401', async () => {
    const echostr = encrypt(TEST_KEYS.encodingAesKey, 'x', '');
    const q = signedQuery(TEST_KEYS, echostr, h.nowSeconds());
    const res = await h.request
      .get('/wecom/callback')
      .query({ ...q, msg_signature: q.msg_signature!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), echostr });
    expect(res.status).toBe(401);
  });

  it('refuses a stale timestamp and an echostr encrypted for another receive id', async () => {
    const echostr = encrypt(TEST_KEYS.encodingAesKey, 'old', '');
    const stale = await h.request
      .get('/wecom/callback')
      .query({ ...signedQuery(TEST_KEYS, echostr, h.nowSeconds() - 3600), echostr });
    expect(stale.status).toBe(403);
    const foreign = encrypt(TEST_KEYS.encodingAesKey, 'foreign', 'ww-other-corp');
    const res = await h.request
      .get('/wecom/callback')
      .query({ ...signedQuery(TEST_KEYS, foreign, h.nowSeconds()), echostr: foreign });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('foreign');
  });

  it('answers bare plain text: no quotes, BOM or newline', async () => {
    const echostr = encrypt(TEST_KEYS.encodingAesKey, '5927415164921850', '');
    const res = await h.request
      .get('/wecom/callback')
      .query({ ...signedQuery(TEST_KEYS, echostr, h.nowSeconds()), echostr })
      .buffer(true);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(Buffer.from(res.text, 'utf8').equals(Buffer.from('5927415164921850'))).toBe(true);
  });

  it('refuses a missing echostr with 400', async () => {
    const res = await h.request.get('/wecom/callback').query({ msg_signature: 'x', timestamp: '1', nonce: '1' });
    expect(res.status).toBe(400);
  });
});

describe('messages: transport refusals change nothing', () => {
  it('refuses a stale timestamp with 403', async () => {
    const { body, ciphertext } = botEnvelope(TEST_KEYS, botTextPlaintext({ userid: 'zhangsan', text: '帮助' }));
    const before = await inboundCount();
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds() - 3600), body, 'application/json');
    expect(res.status).toBe(403);
    expect(await inboundCount()).toBe(before);
  });

  it('refuses a signature computed with another token, and logs a reason without the payload or query', async () => {
    const { body, ciphertext } = botEnvelope(TEST_KEYS, botTextPlaintext({ userid: 'zhangsan', text: '帮助' }));
    const before = await inboundCount();
    const q = signedQuery({ ...TEST_KEYS, token: 'other' }, ciphertext, h.nowSeconds(), '8642097531');
    const logged = h.logLines.length;
    const res = await h.post(q, body, 'application/json');
    expect(res.status).toBe(401);
    expect(res.text).toBe('bad request');
    expect(await inboundCount()).toBe(before);
    const lines = h.logLines.slice(logged).join('\n');
    expect(JSON.parse(h.logLines[h.logLines.length - 1]!)).toMatchObject({
      level: 40,
      path: '/wecom/callback',
      status: 401,
      reason: 'bad signature',
    });
    for (const secret of [ciphertext.slice(0, 24), q.msg_signature!, '8642097531', 'msg_signature', 'zhangsan'])
      expect(lines).not.toContain(secret);
  });

  it('refuses an app callback encrypted for another corp (wrong receive id)', async () => {
    const { body, ciphertext } = appEnvelope(
      TEST_KEYS,
      appTextPlaintext({ userid: 'zhangsan', text: '帮助', corpId: TEST_KEYS.corpId }),
      'ww-other-corp',
    );
    const before = await inboundCount();
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'text/xml');
    expect(res.status).toBe(400);
    expect(await inboundCount()).toBe(before);
  });

  it.each([
    ['truncated ciphertext', (c: string) => c.slice(0, 40)],
    ['garbage base64', () => 'A'.repeat(64)],
    ['not base64 at all', () => '%%%%not-base64%%%%'],
  ])('refuses %s with 400 (signed correctly)', async (_name, mangle) => {
    const { ciphertext } = botEnvelope(TEST_KEYS, botTextPlaintext({ userid: 'zhangsan', text: '帮助' }));
    const bad = mangle(ciphertext);
    const res = await h.post(
      signedQuery(TEST_KEYS, bad, h.nowSeconds()),
      JSON.stringify({ encrypt: bad }),
      'application/json',
    );
    expect(res.status).toBe(400);
  });

  it('refuses a body that is neither JSON nor XML with 415, and malformed JSON with 400', async () => {
    expect((await h.post({ msg_signature: 'a', timestamp: '1', nonce: '1' }, 'hello', 'text/plain')).status).toBe(415);
    expect(
      (await h.post({ msg_signature: 'a', timestamp: '1', nonce: '1' }, '{"encrypt":', 'application/json')).status,
    ).toBe(400);
  });

  it('refuses an oversized body with 413', async () => {
    const big = JSON.stringify({ encrypt: 'A'.repeat(200 * 1024) });
    const res = await h.post(
      { msg_signature: 'a', timestamp: String(h.nowSeconds()), nonce: '1' },
      big,
      'application/json',
    );
    expect(res.status).toBe(413);
  });

  it('refuses XML with a DTD / entities (no XXE, no entity expansion)', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>';
    const res = await h.post(signedQuery(TEST_KEYS, '&b;', h.nowSeconds()), xml, 'text/xml');
    expect(res.status).toBe(400);
    // An entity inside the encrypted payload is refused as well.
    const inner = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><FromUserName>zhangsan</FromUserName><MsgType>text</MsgType><Content>&e;</Content><MsgId>1</MsgId></xml>`;
    const { body, ciphertext } = appEnvelope(TEST_KEYS, inner);
    const res2 = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'text/xml');
    expect(res2.status).toBe(400);
  });

  it('refuses a decrypted payload of the wrong shape', async () => {
    const { body, ciphertext } = botEnvelope(TEST_KEYS, JSON.stringify({ hello: 'world' }));
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
    expect(res.status).toBe(400);
  });
});

describe('replies in both modes', () => {
  it('smart bot: a finished stream, signed, with the callback nonce', async () => {
    const plain = botTextPlaintext({ userid: 'zhangsan', text: '@代表助手 帮助' });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const q = signedQuery(TEST_KEYS, ciphertext, h.nowSeconds(), '5550001');
    const res = await h.post(q, body, 'application/json');
    expect(res.status).toBe(200);
    const reply = readBotReply(TEST_KEYS, res.text);
    expect(reply.nonce).toBe('5550001');
    expect(reply.json).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    expect(reply.content).toContain('张三');
    expect(reply.content).toContain('可以使用以下命令');
  });

  it('self-built app: an XML text reply addressed to the sender', async () => {
    const { body, ciphertext } = appEnvelope(
      TEST_KEYS,
      appTextPlaintext({ userid: 'zhangsan', text: '帮助', corpId: TEST_KEYS.corpId }),
    );
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'text/xml');
    expect(res.status).toBe(200);
    const reply = readAppReply(TEST_KEYS, res.text);
    expect(reply.toUser).toBe('zhangsan');
    expect(reply.content).toContain('帮助');
    // The app shows text messages as typed: markdown is rendered to plain text, not shown as **…**.
    expect(reply.content).toContain('\n代表命令\n');
    expect(reply.content).not.toContain('**');
  });

  it('answers the enter_chat event with a text welcome', async () => {
    const plain = JSON.stringify({
      msgid: 'ev-1',
      aibotid: 'a',
      chattype: 'single',
      from: { userid: 'zhangsan' },
      msgtype: 'event',
      event: { eventtype: 'enter_chat' },
    });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
    const reply = readBotReply(TEST_KEYS, res.text);
    expect(reply.json.msgtype).toBe('text');
    expect(reply.content).toContain('张三');
  });

  it('acknowledges other events with an empty 200', async () => {
    const plain = JSON.stringify({
      msgid: 'ev-2',
      aibotid: 'a',
      chattype: 'single',
      from: { userid: 'zhangsan' },
      msgtype: 'event',
      event: { eventtype: 'feedback_event' },
    });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('explains what it understands when sent a file (pictures are taken: see photos.test.ts)', async () => {
    const plain = JSON.stringify({
      msgid: 'img-1',
      aibotid: 'a',
      chattype: 'single',
      from: { userid: 'zhangsan' },
      msgtype: 'file',
      file: { url: 'https://x' },
    });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
    expect(readBotReply(TEST_KEYS, res.text).content).toContain('文字消息');
  });

  /** A group `mixed` message from zhangsan through the signed, encrypted callback; the reply's text. */
  async function sendMixed(msgid: string, items: unknown[]): Promise<string> {
    const plain = JSON.stringify({
      msgid,
      aibotid: 'a',
      chattype: 'group',
      chatid: 'g',
      from: { userid: 'zhangsan' },
      msgtype: 'mixed',
      mixed: { msg_item: items },
    });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
    return readBotReply(TEST_KEYS, res.text).content;
  }

  it('reads the text items of a mixed message', async () => {
    const reply = await sendMixed('mixed-1', [
      { msgtype: 'text', text: { content: '@代表助手 帮助' } },
      { msgtype: 'text', text: { content: '' } },
    ]);
    expect(reply).toContain('可以使用以下命令');
  });

  it('refuses a mixed message whose picture is not at an https address, with a clear line', async () => {
    const reply = await sendMixed('mixed-2', [
      { msgtype: 'text', text: { content: '@代表助手 帮助' } },
      { msgtype: 'image', image: { url: 'http://x' } },
    ]);
    expect(reply).toContain('照片链接已失效或无法下载，未保存');
  });

  it('answers a stream poll with the stored reply', async () => {
    await h.say('zhangsan', '确认', { msgid: 'poll-me' });
    const { streamIdOf } = await import('../../src/wecom/callback');
    const plain = JSON.stringify({
      msgid: 'poll-2',
      aibotid: 'a',
      chattype: 'group',
      from: { userid: 'zhangsan' },
      msgtype: 'stream',
      stream: { id: streamIdOf('bot:poll-me') },
    });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
    expect(readBotReply(TEST_KEYS, res.text).content).toContain('没有待确认的语音建议');
  });
});

// The inbox's record-keeping, shown with 确认: a command it records (read-only ones are simply run again).
describe('idempotency', () => {
  it('concurrent duplicate deliveries create one record and get identical replies', async () => {
    const plain = botTextPlaintext({ userid: 'zhangsan', text: '确认', msgid: 'dup-1' });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    const q = signedQuery(TEST_KEYS, ciphertext, h.nowSeconds());
    const results = await Promise.all([1, 2, 3, 4].map(() => h.post(q, body, 'application/json')));
    const contents = results.map((r) => readBotReply(TEST_KEYS, r.text).content);
    expect(new Set(contents).size).toBe(1);
    expect(await h.models.InboundMessage.countDocuments({ _id: 'bot:dup-1' })).toBe(1);
  });

  it('a smart-bot redelivery while another instance still works gets an unfinished stream, then the reply on refresh', async () => {
    await h.models.InboundMessage.create({
      _id: 'bot:elsewhere',
      streamId: streamIdOf('bot:elsewhere'),
      senderId: 'zhangsan',
      status: 'processing',
      startedAt: h.clock.now(),
    });
    const res = await h.sayRaw('zhangsan', '确认', { msgid: 'elsewhere' });
    expect(res.status).toBe(200);
    expect(readBotReply(TEST_KEYS, res.text).json).toMatchObject({
      msgtype: 'stream',
      stream: { id: streamIdOf('bot:elsewhere'), finish: false, content: '正在处理…' },
    });
    await h.models.InboundMessage.updateOne(
      { _id: 'bot:elsewhere' },
      { $set: { status: 'done', reply: '第一次的回复' } },
    );
    expect(await h.say('zhangsan', '确认', { msgid: 'elsewhere' })).toBe('第一次的回复');
  });

  it('answers 503 to an app redelivery while another instance still handles the first, so WeCom retries', async () => {
    await h.models.InboundMessage.create({
      _id: 'app:elsewhere-app',
      streamId: 'y',
      senderId: 'zhangsan',
      status: 'processing',
      startedAt: h.clock.now(),
    });
    const res = await h.sayRaw('zhangsan', '确认', { mode: 'app', msgid: 'elsewhere-app' });
    expect(res.status).toBe(503);
    await h.models.InboundMessage.updateOne(
      { _id: 'app:elsewhere-app' },
      { $set: { status: 'done', reply: '第一次的回复' } },
    );
    expect(await h.say('zhangsan', '确认', { mode: 'app', msgid: 'elsewhere-app' })).toBe('第一次的回复');
  });

  it('a later redelivery of an app message gets the first reply', async () => {
    const first = await h.say('zhangsan', '确认', { mode: 'app', msgid: '77001' });
    const again = await h.say('zhangsan', '确认', { mode: 'app', msgid: '77001' });
    expect(again).toBe(first);
  });
});

describe('identity and commands', () => {
  it('tells a sender who is not on the roster whom to contact', async () => {
    const reply = await h.say('stranger', '帮助');
    expect(reply).toContain('名册');
    expect(reply).toContain('人大办');
  });

  it('suggests the closest command for an unknown one', async () => {
    const reply = await h.say('zhangsan', '帮住');
    expect(reply).toContain('「帮助」');
  });

  it('refuses office commands to a deputy with a clear line', async () => {
    const reply = await h.say('zhangsan', '代表 列表');
    expect(reply).toContain('只有人大办');
  });

  it('help is role-aware', async () => {
    const deputyHelp = await h.say('zhangsan', '帮助');
    const officeHelp = await h.say('office1', '帮助');
    expect(deputyHelp).not.toContain('人大办命令');
    expect(officeHelp).toContain('人大办命令');
    expect(officeHelp).toContain('代表');
  });

  it('accepts full-width forms, a leading slash and the bot mention', async () => {
    const reply = await h.say('zhangsan', '＠代表助手\u2005/ＨＥＬＰ');
    expect(reply).toContain('可以使用以下命令');
  });

  it('finds the command when the bot is mentioned after someone else, or at the end', async () => {
    expect(await h.say('zhangsan', '@李四\u2005@代表助手\u2005帮助')).toContain('可以使用以下命令');
    expect(await h.say('zhangsan', '帮助\u2005@代表助手')).toContain('可以使用以下命令');
  });
});

describe('logs', () => {
  it('one line per request with its message id and latency', async () => {
    await h.say('zhangsan', '帮助', { msgid: 'logged-1' });
    const line = h.logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'request' && l.msgId === 'bot:logged-1');
    expect(line).toMatchObject({ method: 'POST', path: '/wecom/callback', status: 200 });
    expect(typeof line?.latencyMs).toBe('number');
  });

  it('never contain the token, AES key or webhook key', () => {
    const all = h.logLines.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(TEST_KEYS.token);
    expect(all).not.toContain(TEST_KEYS.encodingAesKey);
    expect(all).not.toContain('test-webhook-key-secret');
  });
});
