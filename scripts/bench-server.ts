import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Router from '@koa/router';
import Koa from 'koa';
import mongoose from 'mongoose';
import pino from 'pino';
import getRawBody from 'raw-body';
import { loadConfig } from '../config';
import { readEmbeddedDbSettings } from '../config/embedded-db';
import { composeApp } from '../src/compose';
import { startEmbeddedDatabase } from '../src/db/embedded';
import { FakeWecom } from '../src/demo/fake-wecom';
import { createLogger } from '../src/logger';
import { SEED_DEFAULTS, seedDatabase } from './seed-data';
import { botReplyPlaintext, parseBotPlaintext, readBotEnvelope } from '../src/wecom/bot-mode';
import { streamIdOf } from '../src/wecom/callback';
import { type CryptoKeys, decryptPayload, encryptPayload, signatureOf, verifySignature } from '../src/wecom/crypto';

// The benchmark's server process (forked by scripts/bench.ts, so the load generator does not share
// its event loop): the real app on a real database, pushing to a fake WeCom, plus the bare floor.

export type ToServer =
  | { type: 'start'; keys: CryptoKeys; mongodbUri?: string; deputies: number; pathOpinions: number }
  | { type: 'seed'; opinions: number }
  | { type: 'sample' }
  | { type: 'stop' };
export type FromServer =
  | {
      type: 'ready';
      appUrl: string;
      bareUrl: string;
      dbKind: string;
      commandWords: string[];
      office: string;
      deputy: string;
    }
  | { type: 'seeded'; opinions: number; dropped: number; seconds: number }
  | { type: 'sample'; peakRssBytes: number; opinions: number; dbCommands: number; dbMs: number; cpuMs: number }
  | { type: 'failed'; error: string };

const send = (m: FromServer) => process.send?.(m);

/** Verify, decrypt, parse, encrypt a fixed reply: everything the transport does, minus the bot. */
function createBareApp(keys: CryptoKeys, maxBodyBytes: number): Koa {
  const app = new Koa();
  const router = new Router();
  router.post('/bare', async (ctx) => {
    const q = {
      signature: String(ctx.query.msg_signature ?? ''),
      timestamp: String(ctx.query.timestamp ?? ''),
      nonce: String(ctx.query.nonce ?? ''),
    };
    const ciphertext = readBotEnvelope(await getRawBody(ctx.req, { limit: maxBodyBytes, encoding: 'utf8' }));
    verifySignature(keys, q, ciphertext, Date.now(), 600);
    const parsed = parseBotPlaintext(decryptPayload(keys, ciphertext, ''), new Date(), 20_000, () => false);
    const id = parsed.type === 'message' ? streamIdOf(parsed.message.id) : parsed.streamId;
    const encrypt = encryptPayload(keys, botReplyPlaintext(id, 'ok', false), '');
    const timestamp = String(Math.floor(Date.now() / 1000));
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      encrypt,
      msgsignature: signatureOf(keys, timestamp, q.nonce, encrypt),
      timestamp: Number(timestamp),
      nonce: q.nonce,
    });
  });
  app.use(router.routes());
  return app;
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The given database, or an embedded one with room for the bulk; a database of this run's own. */
async function openDatabase(mongodbUri: string | undefined) {
  const projectRoot = path.resolve(__dirname, '..', '..');
  // 100,000 seeded opinions with their histories need a bigger heap than the test server's default.
  const embedded = mongodbUri
    ? undefined
    : await startEmbeddedDatabase({
        projectRoot,
        dataDir: os.tmpdir(),
        persistent: false,
        settings: readEmbeddedDbSettings(process.env),
        heap: '4g',
      });
  const uri = mongodbUri ?? (embedded as { uri: string }).uri;
  const connection = await mongoose
    .createConnection(uri, {
      dbName: `bench_${process.pid}_${Date.now().toString(36)}`,
      autoIndex: false,
    })
    .asPromise();
  return { embedded, uri, connection };
}

/**
 * Database round trips and their time, from the pool's own check-out/check-in events (always emitted; command
 * monitoring would copy every command and slow the path it measures).
 */
function countRoundTrips(connection: mongoose.Connection): { commands: number; ms: number } {
  const db = { commands: 0, ms: 0 };
  const out = new Map<string, number>();
  const client = connection.getClient();
  client.on('connectionCheckedOut', (e) => {
    db.commands++;
    out.set(`${e.address}/${e.connectionId}`, performance.now());
  });
  client.on('connectionCheckedIn', (e) => {
    const key = `${e.address}/${e.connectionId}`;
    const since = out.get(key);
    if (since !== undefined) db.ms += performance.now() - since;
    out.delete(key);
  });
  return db;
}

/** The write path's filings (tens of thousands of one sentence) dropped, then realistic opinions and events. */
async function seedForReports(
  models: Parameters<typeof seedDatabase>[0],
  config: Parameters<typeof seedDatabase>[1],
  opinions: number,
  deputies: number,
): Promise<Extract<FromServer, { type: 'seeded' }>> {
  const started = Date.now();
  const dropped = await models.Opinion.deleteMany({ origin: /^bot:bench-/ });
  const counts = await seedDatabase(models, config, { ...SEED_DEFAULTS, opinions, deputies }, new Date());
  return {
    type: 'seeded',
    opinions: counts.opinions,
    dropped: dropped.deletedCount,
    seconds: (Date.now() - started) / 1000,
  };
}

async function start(msg: Extract<ToServer, { type: 'start' }>): Promise<() => Promise<void>> {
  const { embedded, uri, connection } = await openDatabase(msg.mongodbUri);
  const db = countRoundTrips(connection);

  const wecom = new FakeWecom(100);
  const fake = await wecom.listen();
  const config = loadConfig({
    NODE_ENV: 'production',
    WECOM_TOKEN: msg.keys.token,
    WECOM_ENCODING_AES_KEY: msg.keys.encodingAesKey,
    WECOM_CORP_ID: 'bench-corp',
    WECOM_WEBHOOK_KEY: 'bench-webhook',
    WECOM_API_BASE: fake.baseUrl,
    OFFICE_USERIDS: 'bench-office',
    // The database is given (or embedded here): production rules otherwise, so the path is the real one.
    MONGODB_URI: uri,
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'info',
  });
  // Logs are produced and serialised as in production (their cost is part of the path), then dropped.
  const log = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: false }) });
  const composed = await composeApp({ config, connection, log });
  // The roster and a fixed number of opinions first (the command paths run on them), the bulk and the events when
  // asked for the reports.
  const none = { activitiesPerYear: 0, meetingsPerYear: 0, studyPerYear: 0, shiftsPerYear: 0 };
  await seedDatabase(
    composed.models,
    config,
    { ...SEED_DEFAULTS, ...none, opinions: msg.pathOpinions, deputies: msg.deputies },
    new Date(),
  );
  process.on('message', async (m: ToServer) => {
    if (m.type === 'seed') send(await seedForReports(composed.models, config, m.opinions, msg.deputies));
  });

  const app = await listen(composed.app.callback());
  await composed.start(Number(new URL(app.url).port));
  const bare = await listen(createBareApp(msg.keys, config.tunables.inbound.maxBodyBytes).callback());

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  process.on('message', async (m: ToServer) => {
    if (m.type !== 'sample') return;
    const [dbCommands, dbMs] = [db.commands, db.ms];
    const cpu = process.cpuUsage();
    const opinions = await composed.models.Opinion.countDocuments({});
    send({
      type: 'sample',
      peakRssBytes: Math.max(peak, process.memoryUsage().rss),
      opinions,
      dbCommands,
      dbMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
    peak = 0;
  });

  const kind = msg.mongodbUri ? 'MongoDB at MONGODB_URI' : (embedded?.kind ?? 'unknown');
  send({
    type: 'ready',
    appUrl: app.url,
    bareUrl: `${bare.url}/bare`,
    dbKind: kind,
    commandWords: composed.table.words.map((w) => w.word),
    office: 'bench-office',
    deputy: 'seed-d-7',
  });

  return async () => {
    clearInterval(sampler);
    await new Promise<void>((resolve) => bare.server.close(() => resolve()));
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    await composed.stop();
    await fake.close();
    await connection.dropDatabase();
    await connection.close();
    await embedded?.stop();
  };
}

let stopApp: (() => Promise<void>) | undefined;
let stopping: Promise<void> | undefined;
const shutdown = (): Promise<void> => (stopping ??= stopApp ? stopApp() : Promise.resolve());
const failed = (err: unknown) => send({ type: 'failed', error: err instanceof Error ? err.message : String(err) });

process.on('message', (m: ToServer) => {
  if (m.type === 'start') {
    start(m).then((s) => (stopApp = s), failed);
  } else if (m.type === 'stop') {
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        failed(err);
        process.exit(1);
      },
    );
  }
});
// The parent is gone (killed, crashed): do not linger holding a database.
process.on('disconnect', () => void shutdown().finally(() => process.exit(1)));
