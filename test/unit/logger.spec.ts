import { Writable } from 'node:stream';
import { createLogger, redactFields, scrubSecrets } from '../../src/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines };
}

describe('logger', () => {
  it('scrubs secrets from URLs quoted in error messages, stacks and causes', () => {
    const { log, lines } = capture();
    const err = new Error('request to https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=hook-secret-1 failed', {
      cause: new Error('GET /cgi-bin/gettoken?corpid=ww1&corpsecret=corp-secret-2 timed out'),
    });
    log.error({ err }, 'push failed');
    log.warn({ err: 'message/send?access_token=tok-secret-3&debug=1' }, 'plain string');
    const out = lines.join('\n');
    for (const secret of ['hook-secret-1', 'corp-secret-2', 'tok-secret-3']) expect(out).not.toContain(secret);
    expect(out).toContain('key=[redacted]');
    expect(out).toContain('corpid=ww1');
  });

  it('redacts secret fields by name', () => {
    const { log, lines } = capture();
    log.info(
      { webhookKey: 'k-1', wecom: { token: 't-1' }, client: { corpSecret: 's-1' }, url: 'https://x/?key=k-2' },
      'config',
    );
    const out = lines.join('\n');
    for (const secret of ['k-1', 't-1', 's-1', 'k-2']) expect(out).not.toContain(secret);
  });

  it('redacts secret fields two levels down, in child bindings too, and keeps an error whole beside them', () => {
    const { log, lines } = capture();
    const err = new Error('boom');
    log
      .child({ session: { sessionToken: 'st-1' } })
      .warn(
        { req: { headers: { cookie: 'c-1', authorization: 'Bearer a-1' }, method: 'GET' }, err, secret: 's-2' },
        'line',
      );
    const out = lines.join('\n');
    for (const secret of ['st-1', 'c-1', 'a-1', 's-2']) expect(out).not.toContain(secret);
    const line = JSON.parse(lines[0]!) as { req: { method: string }; err: { message: string; stack: string } };
    expect(line.req.method).toBe('GET');
    expect(line.err.message).toBe('boom');
    expect(line.err.stack).toContain('Error: boom');
  });

  it('leaves a line without secret fields as it is', () => {
    const line = { command: '我的建议', latencyMs: 3, nested: { status: 200 } };
    expect(redactFields(line)).toBe(line);
  });

  it('scrubSecrets leaves other query values alone', () => {
    expect(scrubSecrets('/cb?msg_signature=abc&timestamp=1&nonce=2&echostr=xyz')).toBe(
      '/cb?msg_signature=[redacted]&timestamp=1&nonce=2&echostr=[redacted]',
    );
  });
});
