import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import getRawBody from 'raw-body';
import type { Command } from '../commands/types';
import type { Roster } from '../services/roster';
import type { FakeWecom } from './fake-wecom';
import { renderDemoPage } from './page';
import { aesKeyOf, encryptMedia } from '../wecom/media';

export interface DemoRouterDeps {
  /** The throwaway demo credentials; the page signs and encrypts with them. */
  keys: { token: string; encodingAesKey: string };
  botName: string;
  /** The app's time zone, so the page shows push times as the bot's own texts do. */
  timezone: string;
  roster: Roster;
  sink: FakeWecom;
  commands: readonly Command[];
  /** How the page reaches the bot: signed callbacks, or frames through the long-connection simulator. */
  transport?: 'callback' | 'long-connection';
  /** The compiled simulator script (src/demo/assets.ts). */
  simulatorJs: string;
  /** Where the bot reaches this app's fake WeCom (pictures are served there, on loopback). */
  wecomBase?: () => string;
  /** The largest picture the bot accepts (the simulator refuses bigger uploads the same way). */
  maxPhotoBytes?: number;
}

/** The demo group's chatid, as the page and the long-connection simulator send it. */
export const DEMO_CHATID = 'wr-demo-group';

/** Where the WeCom client sends pushes in demo mode: the sink below, inside this app. */
export const DEMO_WECOM_PREFIX = '/demo/wecom';
const MAX_PUSHES_PER_POLL = 100;

/**
 * The chat simulator: the page, what it needs to speak to /wecom/callback like WeCom does, and
 * the local WeCom sink the group pushes land in. Composed only in demo mode, never in production.
 */
export function createDemoRouter(deps: DemoRouterDeps): Router {
  const router = new Router();
  registerPage(router, deps);
  registerSink(router, deps);
  return router;
}

const noStore = (ctx: { set(k: string, v: string): void }) => ctx.set('cache-control', 'no-store');

/** The page, and what it asks before speaking: the session's keys and commands, the people it can speak as. */
function registerPage(router: Router, deps: DemoRouterDeps): void {
  const page = renderDemoPage(deps.simulatorJs);

  router.get('/demo', (ctx) => {
    noStore(ctx);
    ctx.set(
      'content-security-policy',
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    );
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page;
  });

  router.get('/demo/api/session', (ctx) => {
    noStore(ctx);
    ctx.body = {
      token: deps.keys.token,
      encodingAesKey: deps.keys.encodingAesKey,
      botName: deps.botName,
      timezone: deps.timezone,
      chatid: DEMO_CHATID,
      transport: deps.transport ?? 'callback',
      aibotid: 'demo-bot',
      commands: deps.commands.map((c) => ({ name: c.name, example: c.example, role: c.role })),
    };
  });

  router.get('/demo/api/roster', async (ctx) => {
    noStore(ctx);
    const people = await deps.roster.activeDeputies();
    ctx.body = {
      people: people.map((p) => ({
        userid: p.userid,
        name: p.name,
        isOffice: p.isOffice || deps.roster.isConfigOffice(p.userid),
        level: p.level,
        group: p.group ?? null,
      })),
    };
  });
}

/** The local WeCom sink: what was pushed (the page polls it), the pictures the page sends, and the fake API itself. */
function registerSink(router: Router, deps: DemoRouterDeps): void {
  router.get('/demo/api/pushes', (ctx) => {
    // The page polls every 1.5 s: at info these lines would drown the log.
    ctx.state.quietLog = true;
    noStore(ctx);
    const after = Number.parseInt(String(ctx.query.after ?? '0'), 10) || 0;
    const { sink } = deps;
    const all = sink.pushes.map((p, i) => ({
      seq: sink.dropped + i + 1,
      channel: p.channel,
      msgtype: p.msgtype,
      content: p.content,
      mentions: p.mentions,
      touser: p.touser ?? [],
      ...(p.card ? { card: p.card } : {}),
      at: p.at.toISOString(),
    }));
    const fresh = all.filter((p) => p.seq > after).slice(0, MAX_PUSHES_PER_POLL);
    // `last` below the page's cursor means the process restarted: the page starts over.
    ctx.body = { pushes: fresh, last: fresh.at(-1)?.seq ?? sink.dropped + sink.pushes.length };
  });

  // A picture picked in the simulator: served encrypted at a fake-WeCom URL, as WeCom serves an image
  // message's file; the page then sends the message pointing at it and the bot fetches it the real way.
  router.post('/demo/api/media', async (ctx) => {
    noStore(ctx);
    const limit = (deps.maxPhotoBytes ?? 10 * 1024 * 1024) + 1024 * 1024;
    let bytes: Buffer;
    try {
      bytes = await getRawBody(ctx.req, { limit });
    } catch {
      ctx.status = 413;
      ctx.body = { error: 'picture too large' };
      return;
    }
    if (!bytes.length || !deps.wecomBase) {
      ctx.status = 400;
      ctx.body = { error: 'no picture' };
      return;
    }
    // The callback mode encrypts with the EncodingAESKey; the long connection gives each file its own key.
    const own = deps.transport === 'long-connection' ? randomBytes(32) : undefined;
    const key = own ?? (aesKeyOf(deps.keys.encodingAesKey) as Buffer);
    const id = `demo-${randomBytes(8).toString('hex')}`;
    const path = deps.sink.serveMedia(id, encryptMedia(bytes, key));
    ctx.body = { url: `${deps.wecomBase()}${path}`, ...(own ? { aeskey: own.toString('base64') } : {}) };
  });

  const wecom = deps.sink.router();
  router.use(DEMO_WECOM_PREFIX, wecom.routes(), wecom.allowedMethods());
}
