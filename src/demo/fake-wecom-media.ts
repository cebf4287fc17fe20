import type Router from '@koa/router';
import type Koa from 'koa';
import getRawBody from 'raw-body';

type Failure = { errcode?: number; httpStatus?: number };

/** What the rest of the fake lends the media routes: its injected failures and its access-token check. */
export interface FakeApiChecks {
  /** Answers an injected failure, if one is due (true: answered). */
  fail(ctx: Koa.Context): boolean;
  /** Answers 40014 unless the call carries the token handed out last (true: answered). */
  badToken(ctx: Koa.Context): boolean;
}

/**
 * The fake WeCom's files: those it serves as WeCom serves a picture (at /media/<id> for a smart bot's `image.url`,
 * and by media_id at media/get for the self-built app), and those the self-built app uploads (media/upload).
 */
export class FakeMedia {
  /** Files served at /media/:id and by media_id at media/get. */
  private readonly served = new Map<string, { body: Buffer; status: number; contentType: string; delayMs?: number }>();
  /** How many times each served file was fetched. */
  readonly fetches = new Map<string, number>();
  /** Files the self-built app uploaded (media/upload), by the media_id handed back. */
  readonly uploads = new Map<string, { type: string; filename: string; bytes: Buffer }>();
  /** Every media/upload call, answered or refused. */
  uploadCalls = 0;
  private uploadFailures: Failure[] = [];

  constructor(private readonly keep: number) {}

  /** See FakeWecom.serveMedia. */
  serve(id: string, body: Buffer, o: { status?: number; contentType?: string; delayMs?: number } = {}): string {
    this.served.set(id, {
      body,
      status: o.status ?? 200,
      contentType: o.contentType ?? 'application/octet-stream',
      delayMs: o.delayMs,
    });
    if (this.served.size > this.keep) this.served.delete(this.served.keys().next().value as string);
    return `/media/${encodeURIComponent(id)}`;
  }

  failNextUploads(n: number, failure: Failure): void {
    for (let i = 0; i < n; i++) this.uploadFailures.push(failure);
  }

  routes(r: Router, checks: FakeApiChecks): void {
    // The self-built app's temporary media: one multipart part named `media`.
    r.post('/cgi-bin/media/upload', async (ctx) => {
      this.uploadCalls++;
      const raw = await getRawBody(ctx.req, { limit: '25mb' });
      const f = this.uploadFailures.shift();
      if (f) {
        if (f.httpStatus) ctx.status = f.httpStatus;
        ctx.body = { errcode: f.errcode ?? -1, errmsg: 'injected failure' };
        return;
      }
      if (checks.badToken(ctx)) return;
      const part = readMediaPart(String(ctx.get('content-type')), raw);
      if (!part) {
        ctx.body = { errcode: 40004, errmsg: 'invalid media data' };
        return;
      }
      const type = String(ctx.query.type ?? '');
      const mediaId = `app-media-${this.uploads.size + 1}`;
      this.uploads.set(mediaId, { type, ...part });
      if (this.uploads.size > this.keep) this.uploads.delete(this.uploads.keys().next().value as string);
      const createdAt = String(Math.floor(Date.now() / 1000));
      ctx.body = { errcode: 0, errmsg: 'ok', type, media_id: mediaId, created_at: createdAt };
    });
    r.get('/media/:id', async (ctx) => {
      if (!(await this.send(ctx, ctx.params.id ?? ''))) ctx.status = 404;
    });
    r.get('/cgi-bin/media/get', async (ctx) => {
      if (checks.fail(ctx) || checks.badToken(ctx)) return;
      if (!(await this.send(ctx, String(ctx.query.media_id ?? ''))))
        ctx.body = { errcode: 40007, errmsg: 'invalid media_id' };
    });
  }

  /** Answers with a served file; false when there is none by that id. */
  private async send(ctx: Koa.Context, id: string): Promise<boolean> {
    const file = this.served.get(id);
    if (!file) return false;
    this.fetches.set(id, (this.fetches.get(id) ?? 0) + 1);
    // Unref'd: a slow file never keeps a finished test run or demo alive.
    if (file.delayMs) await new Promise((r) => setTimeout(r, file.delayMs).unref());
    ctx.status = file.status;
    ctx.type = file.contentType;
    ctx.body = file.status === 200 ? file.body : 'link expired';
    return true;
  }
}

/** The `media` part of a multipart body: its file name and bytes, or undefined when there is none. */
function readMediaPart(contentType: string, raw: Buffer): { filename: string; bytes: Buffer } | undefined {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) return undefined;
  const start = raw.indexOf(`--${boundary}\r\n`);
  const headEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(`\r\n--${boundary}--`, headEnd);
  if (start < 0 || headEnd < 0 || end < 0) return undefined;
  const head = raw.subarray(start, headEnd).toString('utf8');
  if (!/name="media"/.test(head)) return undefined;
  const filename = /filename="([^"]*)"/.exec(head)?.[1] ?? '';
  return { filename, bytes: Buffer.from(raw.subarray(headEnd + 4, end)) };
}
