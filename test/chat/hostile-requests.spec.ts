import { createCipheriv, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { encrypt, getSignature } from '@wecom/crypto';
import { signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import {
  TEST_KEYS,
  appEnvelope,
  appTextPlaintext,
  botEnvelope,
  botTextPlaintext,
  signedQuery,
} from '../helpers/wecom-payloads';

// An attacker's corpus: every request must be refused with a 4xx, and nothing may be written.

let h: Harness;
const REQUEST_TIMEOUT_MS = 300;

beforeAll(async () => {
  h = await createHarness('hostile', { tunables: { inbound: { requestTimeoutMs: REQUEST_TIMEOUT_MS } } });
  await h.addDeputy('zhangsan', '张三');
});
afterAll(async () => h.close());

/** WeCom's encryption over raw bytes, so a test can build what @wecom/crypto cannot (bad UTF-8, lying lengths). */
function encryptRaw(o: {
  message: Buffer;
  receiveId?: Buffer;
  lengthField?: number;
  pad?: (len: number) => Buffer;
}): string {
  const key = Buffer.from(`${TEST_KEYS.encodingAesKey}=`, 'base64');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(o.lengthField ?? o.message.length, 0);
  const body = Buffer.concat([randomBytes(16), length, o.message, o.receiveId ?? Buffer.alloc(0)]);
  const n = 32 - (body.length % 32);
  const pad = o.pad ? o.pad(n) : Buffer.alloc(n, n);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, pad])), cipher.final()]).toString('base64');
}

interface Hostile {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  query: Record<string, string | string[]>;
  body?: string | Buffer;
  type?: string;
}

const now = () => h.nowSeconds();
const signed = (ciphertext: string) => signedQuery(TEST_KEYS, ciphertext, now());
const app = (ciphertext: string, extra = '') =>
  `<xml><ToUserName><![CDATA[${TEST_KEYS.corpId}]]></ToUserName>${extra}<Encrypt><![CDATA[${ciphertext}]]></Encrypt><AgentID>1000002</AgentID></xml>`;
const signedApp = (plaintext: string): Record<string, string> & { body: string } => {
  const ciphertext = encrypt(TEST_KEYS.encodingAesKey, plaintext, TEST_KEYS.corpId);
  return { ...signed(ciphertext), body: app(ciphertext) };
};
const signedBot = (plaintext: string) => {
  const ciphertext = encrypt(TEST_KEYS.encodingAesKey, plaintext, '');
  return { query: signed(ciphertext), body: JSON.stringify({ encrypt: ciphertext }) };
};
const deep = (n: number) => `<xml>${'<a>'.repeat(n)}x${'</a>'.repeat(n)}</xml>`;
const message = (inner: string) =>
  `<xml><ToUserName>${TEST_KEYS.corpId}</ToUserName><FromUserName>zhangsan</FromUserName><CreateTime>1764000000</CreateTime><MsgType>text</MsgType>${inner}<MsgId>123</MsgId></xml>`;

function corpus(): Hostile[] {
  const list: Hostile[] = [];
  const add = (name: string, r: Omit<Hostile, 'name'>) => list.push({ name, ...r });
  const xml = (name: string, signedParts: { body: string } & Record<string, string>) => {
    const { body, ...query } = signedParts;
    add(name, { query, body, type: 'text/xml' });
  };

  // Deep XML and reserved names: inside a correctly signed ciphertext, and in the envelope itself.
  xml('signed: XML nested deeper than the parser limit', signedApp(deep(500)));
  xml('signed: tag named __proto__', signedApp(message('<__proto__><Content>帮助</Content></__proto__>')));
  xml('signed: tag named constructor', signedApp(message('<constructor>x</constructor><Content>帮助</Content>')));
  xml('signed: prototype tag', signedApp(message('<prototype>x</prototype>')));
  add('envelope nested deeper than the parser limit', {
    query: { msg_signature: 'a'.repeat(40), timestamp: String(now()), nonce: '1' },
    body: deep(5000),
    type: 'text/xml',
  });
  add('envelope with __proto__ tags, unsigned', {
    query: { msg_signature: 'b'.repeat(40), timestamp: String(now()), nonce: '1' },
    body: app('QUJD', '<__proto__><x>1</x></__proto__>'),
    type: 'text/xml',
  });
  add('envelope with two Encrypt', {
    ...((q) => ({ query: q }))(signed('QUJDRA==')),
    body: `<xml><Encrypt>QUJDRA==</Encrypt><Encrypt>QUJDRA==</Encrypt></xml>`,
    type: 'text/xml',
  });
  add('envelope with a huge unsigned preamble', {
    query: signed('QUJDRA=='),
    body: `<xml>${'<Pad>x</Pad>'.repeat(3000)}<Encrypt>QUJDRA==</Encrypt></xml>`,
    type: 'text/xml',
  });

  // Entity bombs and XXE.
  const bomb =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
  add('entity bomb in the envelope', {
    query: signed('&lol3;'),
    body: `${bomb}<xml><Encrypt>&lol3;</Encrypt></xml>`,
    type: 'text/xml',
  });
  xml('signed: entity bomb inside the ciphertext', signedApp(`${bomb}${message('<Content>&lol3;</Content>')}`));
  xml(
    'signed: external entity inside the ciphertext',
    signedApp(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${message('<Content>&e;</Content>')}`),
  );

  // Invalid UTF-8: in the body, and inside a correctly signed ciphertext.
  add('invalid UTF-8 body', {
    query: signed('QUJDRA=='),
    body: Buffer.from([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x7d]),
    type: 'application/json',
  });
  const badUtf8 = encryptRaw({
    message: Buffer.concat([
      Buffer.from('{"msgtype":"text","msgid":"u1","from":{"userid":"zhangsan"},"text":{"content":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}}'),
    ]),
  });
  add('signed: invalid UTF-8 inside the ciphertext', {
    query: signed(badUtf8),
    body: JSON.stringify({ encrypt: badUtf8 }),
    type: 'application/json',
  });

  // Truncated, garbage and lying ciphertexts, all correctly signed.
  const good = botEnvelope(
    TEST_KEYS,
    botTextPlaintext({ userid: 'zhangsan', text: '建议 村口路灯坏了请修理' }),
  ).ciphertext;
  for (const [name, c] of [
    ['truncated ciphertext', good.slice(0, 44)],
    ['ciphertext cut at a block boundary', Buffer.from(good, 'base64').subarray(0, 48).toString('base64')],
    ['garbage base64', randomBytes(96).toString('base64')],
    ['not base64', '%%%%not-base64%%%%'],
    [
      'length field beyond the data',
      encryptRaw({ message: Buffer.from('{"msgtype":"text"}'), lengthField: 0x7fffffff }),
    ],
    ['bad padding', encryptRaw({ message: Buffer.from('{"msgtype":"text"}'), pad: (n) => Buffer.alloc(n, 0) })],
  ] as const) {
    add(`signed: ${name}`, { query: signed(c), body: JSON.stringify({ encrypt: c }), type: 'application/json' });
  }
  const botDeep = signedBot(`${'['.repeat(10000)}${']'.repeat(10000)}`);
  add('signed: deeply nested JSON inside the ciphertext', {
    query: botDeep.query,
    body: botDeep.body,
    type: 'application/json',
  });
  const botProto = signedBot(
    '{"__proto__":{"msgtype":"text","msgid":"p1","from":{"userid":"zhangsan"}},"constructor":{"prototype":{}}}',
  );
  add('signed: __proto__ keys inside the JSON ciphertext', {
    query: botProto.query,
    body: botProto.body,
    type: 'application/json',
  });
  add('deeply nested JSON body', {
    query: signed('QUJDRA=='),
    body: `{"encrypt":${'['.repeat(20000)}${']'.repeat(20000)}}`,
    type: 'application/json',
  });

  // Oversize bodies, declared or not.
  add('oversize body', {
    query: signed('QUJDRA=='),
    body: JSON.stringify({ encrypt: 'A'.repeat(100 * 1024) }),
    type: 'application/json',
  });

  // Wrong content types, even around an otherwise valid signed message.
  const valid = botEnvelope(TEST_KEYS, botTextPlaintext({ userid: 'zhangsan', text: '建议 村口路灯坏了请修理' }));
  for (const type of [
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'image/png',
    'text/xml',
    'text/html',
  ]) {
    add(`content type ${type}`, { query: signed(valid.ciphertext), body: valid.body, type });
  }
  const validApp = appEnvelope(
    TEST_KEYS,
    appTextPlaintext({ userid: 'zhangsan', text: '建议 村口路灯坏了请修理', corpId: TEST_KEYS.corpId }),
  );
  add('XML body declared as JSON', {
    query: signed(validApp.ciphertext),
    body: validApp.body,
    type: 'application/json',
  });

  // Stale, future and malformed timestamps on valid messages.
  for (const [name, ts] of [
    ['stale timestamp', now() - 3600],
    ['future timestamp', now() + 3600],
  ] as const) {
    add(name, { query: signedQuery(TEST_KEYS, valid.ciphertext, ts), body: valid.body, type: 'application/json' });
  }
  add('malformed timestamp', {
    query: { ...signed(valid.ciphertext), timestamp: '1e9' },
    body: valid.body,
    type: 'application/json',
  });
  add('missing signature', {
    query: { timestamp: String(now()), nonce: '1' },
    body: valid.body,
    type: 'application/json',
  });
  const q = signed(valid.ciphertext);
  add('repeated query parameters', {
    query: { ...q, msg_signature: [q.msg_signature!, q.msg_signature!] },
    body: valid.body,
    type: 'application/json',
  });
  add('wrong method', { method: 'PUT', query: signed(valid.ciphertext), body: valid.body, type: 'application/json' });

  // URL verification: signed but not what WeCom sends.
  for (let i = 0; i < 20; i++) {
    const echostr = randomBytes(32 + 16 * (i % 4)).toString('base64');
    add(`GET: random but signed echostr #${i + 1}`, { method: 'GET', query: { ...signed(echostr), echostr } });
  }
  for (const [name, e] of [
    ['non-printable echo', encrypt(TEST_KEYS.encodingAesKey, '\u0001\u0002\u0003', '')],
    ['empty echo', encrypt(TEST_KEYS.encodingAesKey, '', '')],
    ['echo with a lying length field', encryptRaw({ message: Buffer.from('1234567890'), lengthField: 4000 })],
    ['echo for another corp', encrypt(TEST_KEYS.encodingAesKey, '1234567890', 'ww-other')],
  ] as const) {
    add(`GET: ${name}`, { method: 'GET', query: { ...signed(e), echostr: e } });
  }
  return list;
}

async function countEverything(): Promise<Record<string, number>> {
  const db = h.db.connection.db!;
  const out: Record<string, number> = {};
  for (const c of await db.listCollections().toArray()) out[c.name] = await db.collection(c.name).countDocuments({});
  return out;
}

it('refuses every hostile request with a 4xx and writes nothing', async () => {
  const before = await countEverything();
  const results: Array<{ name: string; status: number }> = [];
  for (const r of corpus()) {
    let req =
      r.method === 'GET'
        ? h.request.get('/wecom/callback')
        : r.method === 'PUT'
          ? h.request.put('/wecom/callback')
          : h.request.post('/wecom/callback');
    req = req.query(r.query);
    if (r.type) req = req.set('content-type', r.type);
    const res = await (r.body === undefined ? req : req.send(r.body));
    results.push({ name: r.name, status: res.status });
  }
  const not4xx = results.filter((r) => r.status < 400 || r.status > 499);
  expect(not4xx).toEqual([]);
  expect(results.length).toBeGreaterThan(50);
  expect(await countEverything()).toEqual(before);
  expect(h.wecom.pushes).toHaveLength(0);
  expect(h.logLines.join('\n')).not.toMatch(/"level":50/);
});

it('a signed envelope is checked before the XML inside it is parsed', async () => {
  // Nested and reserved-name tags around a wrongly signed Encrypt: refused for the signature (401), never parsed.
  const envelope = app('QUJDRA==', `${'<a>'.repeat(100)}<__proto__>x</__proto__>${'</a>'.repeat(100)}`);
  const res = await h.request
    .post('/wecom/callback')
    .query({ msg_signature: 'c'.repeat(40), timestamp: String(now()), nonce: '1' })
    .set('content-type', 'text/xml')
    .send(envelope);
  expect(res.status).toBe(401);
});

it('a body shorter than its Content-Length is answered 408 at the request timeout', async () => {
  const server = http.createServer(h.app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        const q = new URLSearchParams(signedQuery(TEST_KEYS, 'QUJDRA==', now())).toString();
        socket.write(
          `POST /wecom/callback?${q} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"encrypt":"`,
        );
      });
      let data = '';
      socket.on('data', (d) => (data += String(d)));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const tookMs = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(tookMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 10);
    expect(tookMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

it('still answers a genuine message after all that', async () => {
  expect(await h.say('zhangsan', '帮助')).toContain('可以使用以下命令');
  expect(getSignature('a', 'b', 'c', 'd')).toHaveLength(40);
});

describe('console writes', () => {
  it('refuse a body that is not JSON, whatever its transfer encoding (chunked has no Content-Length)', async () => {
    await h.addDeputy('clerk', '赵干事', { isOffice: true });
    const clerk = await signIn(h, 'clerk');
    const body = JSON.stringify({ userid: 'sneaky', name: '某某', mode: 'add' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const req = h.request
        .post('/api/console/roster')
        .set('Cookie', clerk.cookie)
        .set('X-CSRF-Token', clerk.csrf)
        .set('Content-Type', type);
      // Written as a stream: Node sends it chunked.
      req.write(body);
      const res = await req;
      expect(res.status).toBe(400);
      expect(res.body.error.fields.body).toBeDefined();
    }
    expect(await h.models.Deputy.countDocuments({ userid: 'sneaky' })).toBe(0);
    // The same as JSON goes through.
    expect((await clerk.post('/api/console/roster', JSON.parse(body))).status).toBe(200);
  });
});
