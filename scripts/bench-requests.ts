import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

// What the benchmark sends: signed, encrypted smart-bot payloads as WeCom sends them, under load or one at a time.

export type BenchKeys = { token: string; encodingAesKey: string };

/** One request's body and query, built fresh: a distinct msgid, a fresh timestamp and signature. */
export function signedRequest(keys: BenchKeys, basePath: string, userid: string, text: string) {
  const msgid = `bench-${randomBytes(8).toString('hex')}`;
  return signedPayload(keys, basePath, {
    msgid,
    aibotid: 'bench-bot',
    chatid: 'wr-bench',
    chattype: 'group',
    from: { userid },
    msgtype: 'text',
    text: { content: text.replace('{id}', msgid.slice(-6)) },
  });
}

/** WeCom's refresh of a stream the bot answered with a placeholder (the command ran past its deadline). */
function streamRefresh(keys: BenchKeys, userid: string, streamId: string) {
  return signedPayload(keys, '/wecom/callback', {
    msgid: `bench-${randomBytes(8).toString('hex')}`,
    aibotid: 'bench-bot',
    chatid: 'wr-bench',
    chattype: 'group',
    from: { userid },
    msgtype: 'stream',
    stream: { id: streamId },
  });
}

function signedPayload(keys: BenchKeys, basePath: string, payload: object) {
  const ciphertext = encrypt(keys.encodingAesKey, JSON.stringify(payload), '');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(1_000_000_000 + randomBytes(4).readUInt32BE(0));
  const query = new URLSearchParams({
    msg_signature: getSignature(keys.token, timestamp, nonce, ciphertext),
    timestamp,
    nonce,
  });
  return { path: `${basePath}?${query.toString()}`, body: JSON.stringify({ encrypt: ciphertext }) };
}

/** Load for `seconds` at `o.connections`; every answer's latency (ms) is kept so that slices can be pooled. */
export function drive(
  url: string,
  seconds: number,
  o: { connections: number },
  build: () => { path: string; body: string },
): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const target = new URL(url);
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections: o.connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...build() }) }],
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * One command through the real callback path, timed from the request to its final answer: past the bot's
 * reply deadline the first answer is a placeholder, and the time runs on until a stream refresh (sent every
 * 20 ms, as WeCom would, only more often) returns the finished reply.
 */
export async function timeCommand(keys: BenchKeys, appUrl: string, userid: string, text: string): Promise<number> {
  const started = process.hrtime.bigint();
  const post = async (req: { path: string; body: string }) => {
    const res = await fetch(`${appUrl}${req.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: req.body,
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${text} answered ${res.status}`);
    const { message } = decrypt(keys.encodingAesKey, (JSON.parse(body) as { encrypt: string }).encrypt);
    return JSON.parse(message) as { msgtype: string; stream?: { id: string; finish: boolean } };
  };
  let reply = await post(signedRequest(keys, '/wecom/callback', userid, text));
  while (reply.msgtype === 'stream' && reply.stream && !reply.stream.finish) {
    if (Number(process.hrtime.bigint() - started) / 1e6 > 300_000)
      throw new Error(`${text} did not finish in 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    reply = await post(streamRefresh(keys, userid, reply.stream.id));
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}
