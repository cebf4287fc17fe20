import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** A frame the bot sent, as the fake received it. */
export interface BotFrame {
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
  /** Which accepted socket it came on (1, 2, …). */
  conn: number;
}

export interface FakeWsOptions {
  /** Expected credentials; a subscribe with others is refused (errcode 40001). */
  botId?: string;
  secret?: string;
  /** Frames kept in `frames` (a long-running demo); tests keep everything. */
  keepFrames?: number;
}

/** An upload session as the fake keeps it: what init announced and the chunks received, by index. */
export interface FakeUpload {
  type: string;
  filename: string;
  totalSize: number;
  totalChunks: number;
  md5: string;
  chunks: Map<number, Buffer>;
  mediaId?: string;
}

let seq = 0;
const reqId = (p: string) => `${p}-${++seq}`;

/**
 * A loopback stand-in for WeCom's long-connection server (wss://openws.work.weixin.qq.com): the
 * tests' fake and the demo's simulator. It acknowledges subscribe/ping/replies/sends like WeCom,
 * delivers callbacks, and can refuse subscribes, ignore pings, kick or drop the bot.
 */
export class FakeWecomWs extends EventEmitter {
  readonly frames: BotFrame[] = [];
  /** Sockets accepted so far; the latest subscribed one gets callbacks. */
  connections = 0;
  refuseSubscribe = false;
  /** Leaves subscribes unanswered (the bot must give up and reconnect). */
  ignoreSubscribe = false;
  answerPings = true;
  /** aibot_send_msg into these chatids is refused with this errcode (e.g. no one-to-one conversation). */
  readonly refuseSendTo = new Map<string, { errcode: number; errmsg: string }>();
  /** Upload sessions by upload_id (aibot_upload_media_init/_chunk/_finish). */
  readonly uploads = new Map<string, FakeUpload>();
  /** Uploaded bytes by media_id, reassembled from the chunks. */
  readonly media = new Map<string, { type: string; filename: string; bytes: Buffer }>();
  /**
   * Says whether to refuse a chunk (its index, and how many times that index has come so far): an errcode
   * refuses it and nothing is stored.
   */
  refuseChunk: ((index: number, attempt: number) => number | undefined) | undefined;
  private readonly chunkAttempts = new Map<string, number>();
  private current: { ws: WebSocket; conn: number } | undefined;
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly opts: FakeWsOptions = {}) {
    super();
  }

  /** How many sockets are open right now. */
  openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  framesOf(cmd: string): BotFrame[] {
    return this.frames.filter((f) => f.cmd === cmd);
  }

  /** Resolves with the first frame (from index `from` on) that matches; waits for it if needed. */
  waitFor(match: (f: BotFrame) => boolean, from = 0): Promise<BotFrame> {
    const seen = this.frames.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const on = (f: BotFrame) => {
        if (!match(f)) return;
        this.off('frame', on);
        resolve(f);
      };
      this.on('frame', on);
    });
  }

  /** Resolves when the nth socket (1-based) has connected. */
  waitForConnection(n: number): Promise<void> {
    if (this.connections >= n) return Promise.resolve();
    return new Promise((resolve) => {
      const on = () => {
        if (this.connections < n) return;
        this.off('connection', on);
        resolve();
      };
      this.on('connection', on);
    });
  }

  /** Resolves when the current socket has closed. */
  waitForClose(): Promise<void> {
    if (this.openSockets() === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const on = () => {
        if (this.openSockets() > 0) return;
        this.off('close', on);
        resolve();
      };
      this.on('close', on);
    });
  }

  private push(cmd: string, body: Record<string, unknown>, id = reqId('cb')): string {
    if (!this.current || this.current.ws.readyState !== WebSocket.OPEN) throw new Error('no bot is connected');
    this.current.ws.send(JSON.stringify({ cmd, headers: { req_id: id }, body }));
    return id;
  }

  /** Delivers aibot_msg_callback; returns its req_id. The same body twice is a redelivery. */
  sendMessage(body: Record<string, unknown>, id?: string): string {
    return this.push('aibot_msg_callback', body, id);
  }

  /** Delivers aibot_event_callback with body.event.eventtype. */
  sendEvent(eventtype: string, body: Record<string, unknown> = {}): string {
    return this.push('aibot_event_callback', { msgtype: 'event', ...body, event: { eventtype } });
  }

  /** Delivers aibot_event_callback with a whole event body (a card tap: event.template_card_event); returns its req_id. */
  sendEventBody(body: Record<string, unknown>, id?: string): string {
    return this.push('aibot_event_callback', body, id);
  }

  /** What WeCom does when another connection subscribes: disconnected_event, then close. */
  kick(): void {
    const cur = this.current;
    if (!cur) return;
    this.sendEvent('disconnected_event', { msgid: reqId('kick'), create_time: Math.floor(Date.now() / 1000) });
    cur.ws.close(1000, 'replaced');
  }

  /** The network drops: no close handshake. */
  drop(): void {
    this.current?.ws.terminate();
  }

  private onFrame(ws: WebSocket, conn: number, raw: string): void {
    let f: BotFrame;
    try {
      f = { ...(JSON.parse(raw) as Omit<BotFrame, 'conn'>), conn };
    } catch {
      return;
    }
    this.frames.push(f);
    const excess = this.frames.length - (this.opts.keepFrames ?? Number.POSITIVE_INFINITY);
    if (excess > 0) this.frames.splice(0, excess);
    const ack = (errcode = 0, errmsg = 'ok') =>
      ws.send(JSON.stringify({ headers: { req_id: f.headers?.req_id }, errcode, errmsg }));
    if (f.cmd === 'aibot_subscribe') {
      const b = f.body ?? {};
      const wrong =
        (this.opts.botId && b.bot_id !== this.opts.botId) || (this.opts.secret && b.secret !== this.opts.secret);
      if (this.ignoreSubscribe) {
        // No answer at all.
      } else if (this.refuseSubscribe || wrong) ack(40001, 'invalid bot_id or secret');
      else {
        this.current = { ws, conn };
        ack();
      }
    } else if (f.cmd === 'ping') {
      if (this.answerPings) ack();
    } else if (f.cmd?.startsWith('aibot_upload_media_')) {
      this.onUpload(f, ws);
    } else if (f.cmd === 'aibot_send_msg' && this.refuseSendTo.has(String(f.body?.chatid))) {
      const refusal = this.refuseSendTo.get(String(f.body?.chatid));
      ack(refusal?.errcode, refusal?.errmsg);
    } else if (f.cmd) {
      ack();
    }
    this.emit('frame', f);
  }

  /** WeCom's media upload: init opens a session, chunks arrive (a repeat replaces), finish checks size and md5. */
  private onUpload(f: BotFrame, ws: WebSocket): void {
    const answer = (errcode: number, errmsg: string, body?: Record<string, unknown>) =>
      ws.send(JSON.stringify({ headers: { req_id: f.headers?.req_id }, errcode, errmsg, ...(body ? { body } : {}) }));
    const b = f.body ?? {};
    if (f.cmd === 'aibot_upload_media_init') {
      const id = reqId('upload');
      this.uploads.set(id, {
        type: String(b.type),
        filename: String(b.filename),
        totalSize: Number(b.total_size),
        totalChunks: Number(b.total_chunks),
        md5: String(b.md5),
        chunks: new Map(),
      });
      answer(0, 'ok', { upload_id: id });
      return;
    }
    const up = this.uploads.get(String(b.upload_id));
    if (!up) return answer(40058, 'invalid upload_id');
    if (f.cmd === 'aibot_upload_media_chunk') {
      const index = Number(b.chunk_index);
      const key = `${String(b.upload_id)}:${index}`;
      const attempt = (this.chunkAttempts.get(key) ?? 0) + 1;
      this.chunkAttempts.set(key, attempt);
      const refused = this.refuseChunk?.(index, attempt);
      if (refused) return answer(refused, 'chunk refused');
      const data = Buffer.from(String(b.base64_data), 'base64');
      if (data.length > 512 * 1024) return answer(40058, 'chunk over 512 KB');
      up.chunks.set(index, data);
      return answer(0, 'ok');
    }
    if (f.cmd === 'aibot_upload_media_finish') {
      const bytes = Buffer.concat([...up.chunks.entries()].sort((x, y) => x[0] - y[0]).map(([, c]) => c));
      const md5 = createHash('md5').update(bytes).digest('hex');
      if (up.chunks.size !== up.totalChunks || bytes.length !== up.totalSize || md5 !== up.md5)
        return answer(40058, 'upload incomplete or md5 mismatch');
      up.mediaId ??= reqId('media');
      this.media.set(up.mediaId, { type: up.type, filename: up.filename, bytes });
      return answer(0, 'ok', {
        type: up.type,
        media_id: up.mediaId,
        created_at: String(Math.floor(Date.now() / 1000)),
      });
    }
    answer(40008, 'unknown upload command');
  }

  /** Serves on a loopback port; `url` is what WECOM_WS_URL would be. */
  async listen(): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((_req, res) => {
      res.statusCode = 426;
      res.end();
    });
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws) => {
      const conn = ++this.connections;
      this.sockets.add(ws);
      ws.on('message', (data, isBinary) => {
        if (!isBinary) this.onFrame(ws, conn, data.toString());
      });
      ws.on('close', () => {
        this.sockets.delete(ws);
        if (this.current?.ws === ws) this.current = undefined;
        this.emit('close', conn);
      });
      this.emit('connection', conn);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `ws://127.0.0.1:${port}`,
      close: async () => {
        for (const s of this.sockets) s.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
}
