import { fitStream, readFrame, sendFrame, streamFrame, subscribeFrame } from '../../src/wecom/long-connection/frames';

describe('long-connection frames', () => {
  it('reads acknowledgements (no cmd) and callbacks, and reports malformed frames instead of throwing', () => {
    expect(readFrame('{"headers":{"req_id":"r1"},"errcode":0,"errmsg":"ok"}')).toEqual({
      type: 'ack',
      reqId: 'r1',
      errcode: 0,
      errmsg: 'ok',
    });
    expect(readFrame('{"cmd":"aibot_msg_callback","headers":{"req_id":"r2"},"body":{"msgid":"m"}}')).toEqual({
      type: 'callback',
      cmd: 'aibot_msg_callback',
      reqId: 'r2',
      body: { msgid: 'm' },
    });
    expect(readFrame('not json').type).toBe('invalid');
    expect(readFrame('{"errcode":0}').type).toBe('invalid');
    expect(readFrame('{"cmd":"aibot_msg_callback","body":{}}').type).toBe('invalid');
    expect(readFrame('[1,2]').type).toBe('invalid');
  });

  it('builds subscribe with a fresh req_id each time, and replies on the given req_id', () => {
    const a = subscribeFrame('bot', 's');
    const b = subscribeFrame('bot', 's');
    expect(a.headers.req_id).not.toBe(b.headers.req_id);
    expect(a).toMatchObject({ cmd: 'aibot_subscribe', body: { bot_id: 'bot', secret: 's' } });
    expect(streamFrame('req-9', 'sid', 'hi', false)).toEqual({
      cmd: 'aibot_respond_msg',
      headers: { req_id: 'req-9' },
      body: { msgtype: 'stream', stream: { id: 'sid', finish: false, content: 'hi' } },
    });
    expect(sendFrame('wr1', 2, '**x**').body).toEqual({
      chatid: 'wr1',
      chat_type: 2,
      msgtype: 'markdown',
      markdown: { content: '**x**' },
    });
  });

  it('fits markdown into 20,480 bytes without splitting a character or a mention', () => {
    const big = `${'好'.repeat(6826)}<@zhangsan>`; // 20,478 + 11 bytes
    const fitted = fitStream(big);
    expect(Buffer.byteLength(fitted, 'utf8')).toBeLessThanOrEqual(20_480);
    expect(fitted).not.toContain('<@');
    expect(fitted).toBe('好'.repeat(6826));
    expect(fitStream('短')).toBe('短');
  });
});
