import { ManualClock } from './clocks';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { type Config, loadConfig } from '../../config';
import type { Command } from '../../src/commands/types';
import { type ComposeOptions, type Composed, composeApp } from '../../src/compose';
import { FakeWecom } from '../../src/demo/fake-wecom';
import { createLogger } from '../../src/logger';
import { TS_WORKER_ARGV } from './child';
import { openTestDatabase, type TestDatabase } from './db';
import {
  appEnvelope,
  appTextPlaintext,
  botEnvelope,
  botTextPlaintext,
  nextMsgId,
  readAppReply,
  readBotReply,
  signedQuery,
  streamPollPlaintext,
  TEST_KEYS,
} from './wecom-payloads';

export interface HarnessOptions {
  /** Start of the injected clock (Beijing time is UTC+8). */
  now?: string;
  env?: Record<string, string>;
  officeUserIds?: string[];
  /** Another instance of the bot: share the first one's database and clock. */
  db?: TestDatabase;
  clock?: ManualClock;
  /** Seams of the composition root (long connection timers, instance id). */
  compose?: Pick<ComposeOptions, 'timers' | 'instanceId'>;
  /** Tunables to override, per section (e.g. a short reply deadline). */
  tunables?: { [K in keyof Config['tunables']]?: Partial<Config['tunables'][K]> };
  /** Test-only commands added to the table (e.g. one that waits for the test). */
  extraCommands?: Command[];
  /** A database of the test's own (e.g. on a server the test stops and restarts). */
  database?: TestDatabase;
  /** When the deployment first started (the app is composed at this time, then the clock moves to `now`). */
  installedAt?: string;
}

/**
 * Reply deadlines far beyond any command here, so a loaded machine never turns an ordinary reply into
 * "正在处理…"; deadline tests set short ones.
 */
const RELAXED = { inbound: { botDeadlineMs: 60_000, appDeadlineMs: 60_000 } };

function withTunables(config: Config, overrides: HarnessOptions['tunables'] = {}): Config {
  const tunables = { ...config.tunables } as Record<string, unknown>;
  for (const layer of [RELAXED, overrides] as Array<Record<string, object | undefined>>) {
    for (const [section, values] of Object.entries(layer)) {
      if (values) tunables[section] = { ...(tunables[section] as object), ...values };
    }
  }
  return { ...config, tunables: tunables as Config['tunables'] };
}

export interface SayOptions {
  mode?: 'bot' | 'app';
  msgid?: string;
  chattype?: 'group' | 'single';
  responseUrl?: string;
}

/**
 * The real app on a real database, reached through HTTP with signed, encrypted payloads,
 * pushing to a fake WeCom on loopback, with a clock the test moves.
 */
export async function createHarness(tag: string, opts: HarnessOptions = {}) {
  const db = opts.database ?? opts.db ?? (await openTestDatabase(tag));
  const wecom = new FakeWecom();
  const fake = await wecom.listen();
  const start = opts.now ?? '2026-11-22T10:00:00+08:00';
  const clock = opts.clock ?? new ManualClock(opts.installedAt ?? start);
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const office = opts.officeUserIds ?? ['office1'];
  const config = withTunables(
    loadConfig({
      NODE_ENV: 'test',
      WECOM_TOKEN: TEST_KEYS.token,
      WECOM_ENCODING_AES_KEY: TEST_KEYS.encodingAesKey,
      WECOM_CORP_ID: TEST_KEYS.corpId,
      WECOM_WEBHOOK_KEY: 'test-webhook-key-secret',
      WECOM_BOT_NAME: '代表助手',
      WECOM_API_BASE: fake.baseUrl,
      OFFICE_USERIDS: office.join(','),
      LOG_LEVEL: 'info',
      ...opts.env,
    }),
    opts.tunables,
  );
  const log = createLogger({ level: 'info', destination });
  const composed: Composed = await composeApp({
    config,
    connection: db.connection,
    log,
    clock,
    pause: () => new Promise((r) => setImmediate(r)),
    extraCommands: opts.extraCommands,
    workerExecArgv: TS_WORKER_ARGV,
    ...opts.compose,
  });
  if (!opts.clock) clock.set(start);
  const request = supertest(composed.app.callback());

  async function post(query: Record<string, string>, body: string, contentType: string) {
    return request.post('/wecom/callback').query(query).set('content-type', contentType).send(body);
  }

  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  /** Sends a text message as `userid` and returns the bot's decrypted passive reply. */
  async function say(userid: string, text: string, o: SayOptions = {}): Promise<string> {
    const res = await sayRaw(userid, text, o);
    if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${res.text}`);
    if (!res.text) return '';
    return o.mode === 'app' ? readAppReply(TEST_KEYS, res.text).content : readBotReply(TEST_KEYS, res.text).content;
  }

  async function sayRaw(userid: string, text: string, o: SayOptions = {}) {
    if (o.mode === 'app') {
      const { body, ciphertext } = appEnvelope(
        TEST_KEYS,
        appTextPlaintext({ userid, text, msgId: o.msgid, corpId: TEST_KEYS.corpId }),
      );
      return post(signedQuery(TEST_KEYS, ciphertext, nowSeconds()), body, 'text/xml');
    }
    const plain = botTextPlaintext({
      userid,
      text,
      msgid: o.msgid ?? nextMsgId(),
      chattype: o.chattype,
      responseUrl: o.responseUrl,
    });
    const { body, ciphertext } = botEnvelope(TEST_KEYS, plain);
    return post(signedQuery(TEST_KEYS, ciphertext, nowSeconds()), body, 'application/json');
  }

  /** What WeCom sees of a smart-bot reply: the stream's content and whether it is finished. */
  function streamOf(res: { status: number; text: string }): {
    status: number;
    content: string;
    finish: boolean;
    streamId: string;
  } {
    if (res.status !== 200 || !res.text) return { status: res.status, content: '', finish: true, streamId: '' };
    const { json } = readBotReply(TEST_KEYS, res.text);
    const stream = (json.stream ?? {}) as { id?: string; content?: string; finish?: boolean };
    return {
      status: res.status,
      content: stream.content ?? '',
      finish: stream.finish ?? true,
      streamId: stream.id ?? '',
    };
  }

  /** Sends a smart-bot message and reads the stream WeCom would show. */
  async function sayStream(userid: string, text: string, o: Omit<SayOptions, 'mode'> = {}) {
    return streamOf(await sayRaw(userid, text, o));
  }

  /** WeCom refreshing an unfinished stream. */
  async function pollStream(streamId: string, userid = 'zhangsan') {
    const { body, ciphertext } = botEnvelope(TEST_KEYS, streamPollPlaintext({ userid, streamId }));
    return streamOf(await post(signedQuery(TEST_KEYS, ciphertext, nowSeconds()), body, 'application/json'));
  }

  return {
    ...composed,
    config,
    sayStream,
    pollStream,
    clock,
    wecom,
    fakeBaseUrl: fake.baseUrl,
    request,
    logLines,
    db,
    say,
    sayRaw,
    post,
    nowSeconds,
    /** Adds a deputy straight through the roster service (a fixture, not the thing under test). */
    async addDeputy(userid: string, name: string, extra: { group?: string; level?: string; isOffice?: boolean } = {}) {
      await composed.services.roster.upsertDeputy({ userid, name, group: extra.group, level: extra.level });
      if (extra.isOffice) await composed.services.roster.setOffice(userid, true);
    },
    /** Queues an app message to people (the app channel), as services do. */
    async outboxPush(p: { key: string; userids: string[]; content: string }) {
      await composed.outbox.enqueue({
        key: p.key,
        target: { kind: 'users', userids: p.userids },
        format: 'markdown',
        content: p.content,
      });
    },
    /** Sends what is due in the outbox to the fake WeCom. */
    async drain() {
      return composed.sender.drainOnce();
    },
    /** Contents of group pushes received so far. */
    groupTexts(): string[] {
      return wecom
        .groupPushes()
        .filter((p) => p.msgtype !== 'image')
        .map((p) => p.content);
    },
    async close() {
      await composed.stop();
      await fake.close();
      if (!opts.db) await db.drop();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
