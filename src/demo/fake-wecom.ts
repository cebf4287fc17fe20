import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import getRawBody from 'raw-body';
import { FakeMedia } from './fake-wecom-media';

/** What the fake WeCom API received: group pushes, app messages and response_url posts. */
export interface RecordedPush {
  channel: 'webhook' | 'app' | 'response_url' | 'aibot';
  msgtype: string;
  content: string;
  mentions: string[];
  touser?: string[];
  key?: string;
  /** A group robot `image` message as received (content is then empty). */
  image?: { base64: string; md5: string };
  /** A template card as sent (app message/send, or the long connection's aibot_send_msg). */
  card?: Record<string, unknown>;
  /** An app card update (message/update_template_card): the click's response code it used. */
  responseCode?: string;
  /** An app `file` message: the uploaded file its media_id stands for. */
  file?: { mediaId: string; filename: string; bytes: Buffer };
  at: Date;
}

const readJson = async (ctx: Koa.Context) =>
  JSON.parse(await getRawBody(ctx.req, { limit: '4mb', encoding: 'utf8' })) as Record<string, unknown>;

/**
 * A loopback stand-in for qyapi.weixin.qq.com: the tests' fake and the demo mode's local sink.
 * Failures can be injected to exercise the outbox's retries.
 */
export class FakeWecom {
  readonly pushes: RecordedPush[] = [];
  /** Response codes message/update_template_card has used (each works once). */
  private readonly usedResponseCodes = new Set<string>();
  /** Pushes dropped from the front to respect `keep`; `dropped + index + 1` is a push's sequence number. */
  dropped = 0;
  private failures: Array<{ errcode?: number; httpStatus?: number }> = [];
  tokensIssued = 0;
  private expireNextToken = false;
  /** Every call that arrived, answered or not (a sender that died waiting still reached WeCom). */
  readonly arrivals: Array<{ channel: RecordedPush['channel']; content: string; at: Date }> = [];
  private inFlight = 0;
  /** The most calls this fake was answering at the same time. */
  maxInFlight = 0;
  /** While set, calls wait for it before answering: a slow WeCom, or one that never answers. */
  hold?: Promise<void>;
  /** Told of each arrival (tests wait for "the request is at WeCom now"). */
  onArrival?: (channel: RecordedPush['channel']) => void;
  /** Web sign-in codes handed out by issueAuthCode: single use, like WeCom's. */
  private authCodes = new Map<string, { userid?: string; openid?: string }>();
  /** Served and uploaded files (fake-wecom-media.ts). */
  private readonly files: FakeMedia;

  /** `keep` bounds memory for a long-running demo; tests keep everything. */
  constructor(private readonly keep = Number.POSITIVE_INFINITY) {
    this.files = new FakeMedia(keep);
  }

  /** How many times each served file was fetched. */
  get mediaFetches(): Map<string, number> {
    return this.files.fetches;
  }
  /** Files the self-built app uploaded (media/upload), by the media_id handed back. */
  get uploads(): FakeMedia['uploads'] {
    return this.files.uploads;
  }
  /** Every media/upload call, answered or refused. */
  get uploadCalls(): number {
    return this.files.uploadCalls;
  }

  /** Records a push; the long-connection simulator records its aibot_send_msg frames here too. */
  record(p: RecordedPush): void {
    this.pushes.push(p);
    const excess = this.pushes.length - this.keep;
    if (excess > 0) {
      this.pushes.splice(0, excess);
      this.dropped += excess;
    }
  }

  /** The next n calls fail with this errcode (or HTTP status). */
  failNext(n: number, failure: { errcode?: number; httpStatus?: number }): void {
    for (let i = 0; i < n; i++) this.failures.push(failure);
  }

  /** The next n media/upload calls fail with this errcode (or HTTP status); other calls are unaffected. */
  failNextUploads(n: number, failure: { errcode?: number; httpStatus?: number }): void {
    this.files.failNextUploads(n, failure);
  }

  /** The next app message call answers 42001 (token expired) once. */
  expireToken(): void {
    this.expireNextToken = true;
  }

  /** A code as WeCom's OAuth / SSO redirect would carry it, standing for this member (or an outsider's openid). */
  issueAuthCode(who: { userid?: string; openid?: string }): string {
    const code = `code-${this.authCodes.size + 1}-${Math.random().toString(36).slice(2, 10)}`;
    this.authCodes.set(code, who);
    return code;
  }

  /**
   * Serves a file as WeCom serves a picture: at /media/<id> (for `image.url`, already encrypted by the
   * caller) and as media_id <id> for media/get. `status` other than 200 plays an expired link.
   */
  serveMedia(id: string, body: Buffer, o: { status?: number; contentType?: string; delayMs?: number } = {}): string {
    return this.files.serve(id, body, o);
  }

  clear(): void {
    this.dropped += this.pushes.length;
    this.pushes.length = 0;
    this.failures = [];
  }

  groupPushes(): RecordedPush[] {
    return this.pushes.filter((p) => p.channel === 'webhook');
  }

  /** The fake's HTTP API: the group robot, the self-built app (token, messages, card updates, sign-in), files. */
  router(): Router {
    const r = new Router();
    this.groupRoutes(r);
    this.appRoutes(r);
    this.files.routes(r, { fail: (ctx) => this.fail(ctx), badToken: (ctx) => this.badToken(ctx) });
    return r;
  }

  /** Answers an injected failure, if one is due (true: answered). */
  private fail(ctx: Koa.Context): boolean {
    const f = this.failures.shift();
    if (!f) return false;
    if (f.httpStatus) ctx.status = f.httpStatus;
    ctx.body = { errcode: f.errcode ?? -1, errmsg: 'injected failure' };
    return true;
  }

  /** Answers 40014 unless the call carries the token handed out last (true: answered). */
  private badToken(ctx: Koa.Context): boolean {
    if (ctx.query.access_token === `token-${this.tokensIssued}`) return false;
    ctx.body = { errcode: 40014, errmsg: 'invalid access_token' };
    return true;
  }

  /** Counts concurrency and arrivals, and applies the hold, around every push endpoint. */
  private async arrive(channel: RecordedPush['channel'], body: Record<string, unknown>): Promise<void> {
    const inner = (body[String(body.msgtype)] ?? {}) as { content?: string };
    this.arrivals.push({ channel, content: inner.content ?? '', at: new Date() });
    if (this.arrivals.length > this.keep) this.arrivals.shift();
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.onArrival?.(channel);
    try {
      if (this.hold) await this.hold;
    } finally {
      this.inFlight--;
    }
  }

  /** The group robot's webhook, and the smart bot's response_url. */
  private groupRoutes(r: Router): void {
    r.post('/cgi-bin/webhook/send', async (ctx) => {
      const body = await readJson(ctx);
      await this.arrive('webhook', body);
      if (this.fail(ctx)) return;
      const type = String(body.msgtype);
      const inner = (body[type] ?? {}) as {
        content?: string;
        mentioned_list?: string[];
        base64?: string;
        md5?: string;
      };
      const image = type === 'image' ? { base64: String(inner.base64 ?? ''), md5: String(inner.md5 ?? '') } : undefined;
      this.record({
        channel: 'webhook',
        msgtype: type,
        content: inner.content ?? '',
        mentions: inner.mentioned_list ?? [],
        key: String(ctx.query.key ?? ''),
        at: new Date(),
        ...(image ? { image } : {}),
      });
      ctx.body = { errcode: 0, errmsg: 'ok' };
    });
    r.post('/response/:id', async (ctx) => {
      const body = await readJson(ctx);
      await this.arrive('response_url', body);
      if (this.fail(ctx)) return;
      const inner = (body.markdown ?? {}) as { content?: string };
      this.record({
        channel: 'response_url',
        msgtype: String(body.msgtype),
        content: inner.content ?? '',
        mentions: [],
        key: ctx.params.id,
        at: new Date(),
      });
      ctx.body = { errcode: 0, errmsg: 'ok' };
    });
  }

  /** The self-built app: its access token, messages, card updates and web sign-in. */
  private appRoutes(r: Router): void {
    r.get('/cgi-bin/gettoken', (ctx) => {
      if (this.fail(ctx)) return;
      this.tokensIssued++;
      ctx.body = { errcode: 0, access_token: `token-${this.tokensIssued}`, expires_in: 7200 };
    });
    r.post('/cgi-bin/message/send', (ctx) => this.appMessage(ctx));
    // The app's card update: each response code works once (WeCom: single use, 72 h).
    r.post('/cgi-bin/message/update_template_card', async (ctx) => {
      const body = await readJson(ctx);
      await this.arrive('app', body);
      if (this.fail(ctx)) return;
      if (this.badToken(ctx)) return;
      const code = String(body.response_code ?? '');
      if (!code || this.usedResponseCodes.has(code)) {
        ctx.body = { errcode: 40078, errmsg: 'invalid response_code' };
        return;
      }
      this.usedResponseCodes.add(code);
      const card = (body.template_card ?? {}) as { main_title?: { title?: string } };
      this.record({
        channel: 'app',
        msgtype: 'update_template_card',
        content: card.main_title?.title ?? '',
        mentions: [],
        touser: (body.userids as string[] | undefined) ?? [],
        card: card as Record<string, unknown>,
        responseCode: code,
        at: new Date(),
      });
      ctx.body = { errcode: 0, errmsg: 'ok', invaliduser: [] };
    });
    r.get('/cgi-bin/auth/getuserinfo', (ctx) => {
      if (this.fail(ctx)) return;
      if (this.badToken(ctx)) return;
      const code = String(ctx.query.code ?? '');
      const who = this.authCodes.get(code);
      this.authCodes.delete(code);
      ctx.body = who ? { errcode: 0, errmsg: 'ok', ...who } : { errcode: 40029, errmsg: 'invalid code' };
    });
  }

  /** message/send: text, markdown, a template card, or a file uploaded before (its media_id). */
  private async appMessage(ctx: Koa.Context): Promise<void> {
    const body = await readJson(ctx);
    await this.arrive('app', body);
    if (this.expireNextToken) {
      this.expireNextToken = false;
      ctx.body = { errcode: 42001, errmsg: 'access_token expired' };
      return;
    }
    if (this.fail(ctx)) return;
    if (this.badToken(ctx)) return;
    const type = String(body.msgtype);
    const inner = (body[type] ?? {}) as { content?: string; media_id?: string; main_title?: { title?: string } };
    const upload = type === 'file' ? this.uploads.get(String(inner.media_id ?? '')) : undefined;
    if (type === 'file' && !upload) {
      ctx.body = { errcode: 40007, errmsg: 'invalid media_id' };
      return;
    }
    this.record({
      channel: 'app',
      msgtype: type,
      content: upload
        ? `📎 ${upload.filename}`
        : type === 'template_card'
          ? (inner.main_title?.title ?? '')
          : (inner.content ?? ''),
      mentions: [],
      touser: String(body.touser).split('|'),
      ...(type === 'template_card' ? { card: inner as Record<string, unknown> } : {}),
      at: new Date(),
      ...(upload ? { file: { mediaId: String(inner.media_id), filename: upload.filename, bytes: upload.bytes } } : {}),
    });
    ctx.body = { errcode: 0, errmsg: 'ok', invaliduser: '' };
  }

  /** Serves the fake on a loopback port; returns its base URL. */
  async listen(): Promise<{ baseUrl: string; close(): Promise<void> }> {
    const app = new Koa();
    const r = this.router();
    app.use(r.routes()).use(r.allowedMethods());
    const server = http.createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }
}
