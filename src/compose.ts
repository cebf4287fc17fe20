import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { commands } from '../handlers';
import { createJobs } from '../jobs';
import { createApp } from './app';
import { type Clock, systemClock } from './clock';
import { createCommandTable } from './commands/parse';
import { localBaseUrl } from './demo/address';
import { FakeWecom } from './demo/fake-wecom';
import { createDemoRouter, DEMO_WECOM_PREFIX } from './demo/router';
import { seedDemoRoster } from './demo/seed';
import { createDispatcher } from './dispatcher/dispatcher';
import { createScheduler } from './scheduler/scheduler';
import { createModels, ensureIndexes } from './models';
import { createServices } from './services';
import { loadHolidayFiles } from './services/holidays';
import { createInbox } from './services/inbox';
import { createOutbox } from './services/outbox';
import { createOutboxSender } from './services/outbox-sender';
import { createCallbackRouter, streamIdOf } from './wecom/callback';
import { createWecomClient } from './wecom/client';
import { checkDeployment } from './deployment-checks';
import { createMetrics, type Metrics } from './metrics';
import { createMetricsRouter } from './metrics-router';
import { readVersion } from './version';

export interface ComposeOptions {
  config: Config;
  connection: Connection;
  log: Logger;
  clock?: Clock;
  /** Test seam: how a duplicate delivery waits between polls. */
  pause?: (ms: number) => Promise<void>;
  /** Demo mode: the local WeCom sink that pushes go to (served by this app). */
  demoSink?: FakeWecom;
  /** Tests pass their own; otherwise one per app. */
  metrics?: Metrics;
}

/** The composition root: builds every part once and wires them together. */
export async function composeApp(o: ComposeOptions) {
  const { config, log } = o;
  const clock = o.clock ?? systemClock;
  const models = createModels(o.connection);
  await ensureIndexes(models);
  const metrics = o.metrics ?? createMetrics();
  metrics.bind({
    ping: async (timeoutMs) => {
      await o.connection.db?.command({ ping: 1 }, { timeoutMS: timeoutMs });
    },
    outboxCounts: async (timeoutMs) => {
      const rows = await models.OutboxItem.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }]).option({ maxTimeMS: timeoutMs });
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
  });

  // Demo mode: pushes go to a local sink served by this app, whose port is known only after listen.
  const demoSink = config.demo ? (o.demoSink ?? new FakeWecom(500)) : undefined;
  let listenPort = config.port;

  const client = createWecomClient({
    apiBase: demoSink ? () => `${localBaseUrl(config.host, listenPort)}${DEMO_WECOM_PREFIX}` : config.wecom.apiBase,
    webhookKey: config.wecom.webhookKey,
    corpId: config.wecom.corpId,
    corpSecret: config.wecom.corpSecret,
    agentId: config.wecom.agentId,
    clock,
    log: log.child({ part: 'wecom-client' }),
  });
  const outbox = createOutbox({ models, clock });
  const o_ = config.tunables.outbox;
  const sender = createOutboxSender({
    models,
    client,
    clock,
    log: log.child({ part: 'outbox' }),
    webhookPerMinute: o_.webhookPerMinute,
    maxAttempts: o_.maxAttempts,
    baseBackoffMs: o_.baseBackoffMs,
    maxBackoffMs: o_.maxBackoffMs,
    pollMs: o_.pollMs,
  });
  const holidayFiles = await loadHolidayFiles(path.resolve(config.holidaysDir));
  const services = createServices({ models, config, clock, log, outbox, afterEnqueue: () => sender.kick(), holidayFiles });
  await services.holidays.load();
  await services.deployment.recordStart(clock.now());
  const table = createCommandTable(commands);
  // -- scheduler
  const scheduler = createScheduler({ jobs: createJobs(config), services, clock, log, config, onOutcome: (r) => metrics.recordJobRun(r.job, r.outcome) });
  const dispatcher = createDispatcher({ table, services, config, clock, log, observe: metrics.observeCommand });
  const inbox = createInbox({
    models,
    clock,
    log,
    outbox,
    afterEnqueue: () => sender.kick(),
    canSendApp: client.canSendApp,
    dispatch: dispatcher.dispatch,
    streamIdOf,
    staleProcessingMs: config.tunables.inbound.staleProcessingMs,
    duplicateWaitMs: config.tunables.inbound.duplicateWaitMs,
    pause: o.pause,
  });
  const limits = config.tunables.inbound;
  const callback = createCallbackRouter({
    keys: { token: config.wecom.token, encodingAesKey: config.wecom.encodingAesKey },
    corpId: config.wecom.corpId,
    clock,
    log,
    limits: {
      maxBodyBytes: limits.maxBodyBytes,
      timestampSkewSeconds: limits.timestampSkewSeconds,
      streamBytes: config.tunables.replyLimits.streamBytes,
      appTextBytes: config.tunables.replyLimits.appTextBytes,
    },
    receive: inbox.receive,
    replyForStream: inbox.replyForStream,
  });

  const routers = [callback, createMetricsRouter({ metrics, token: config.metricsToken })];
  if (demoSink) {
    await seedDemoRoster(services.roster, log);
    const keys = { token: config.wecom.token, encodingAesKey: config.wecom.encodingAesKey };
    routers.push(createDemoRouter({ keys, botName: config.wecom.botName ?? '代表助手', timezone: config.timezone, roster: services.roster, sink: demoSink, commands: table.commands }));
  }
  const app = createApp({
    log,
    routers,
    ready: async () => {
      await o.connection.db?.admin().ping();
    },
    version: readVersion(),
    onResponse: (status) => metrics.observeRequest(status),
  });

  return {
    app,
    models,
    services,
    sender,
    outbox,
    inbox,
    table,
    scheduler,
    clock,
    /** Other parts record through it (missed reply deadlines, long-connection state). */
    metrics,
    /** The configuration problems worth a line at start (main logs them once listening). */
    checkDeployment: () => checkDeployment({ config, officeUserIds: () => services.officeDirectory.userIds() }),
    /** Demo mode only: the local WeCom sink the group pushes land in. */
    demoSink,
    /** Starts the background loops: the outbox sender and (unless JOBS_ENABLED=false) the scheduler. */
    start(port: number): void {
      listenPort = port;
      sender.start();
      if (config.jobsEnabled) scheduler.start();
    },
    async stop(): Promise<void> {
      await scheduler.stop();
      await sender.stop();
    },
  };
}

export type Composed = Awaited<ReturnType<typeof composeApp>>;
