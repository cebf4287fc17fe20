import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { commands } from '../handlers';
import { createJobs } from '../jobs';
import { createApp } from './app';
import { type Clock, systemClock } from './clock';
import { createCommandTable } from './commands/parse';
import type { Command } from './commands/types';
import { createDatabaseGate } from './db/availability';
import { createConsoleStaticRouter, findWebDist } from './console/static';
import { localBaseUrl } from './demo/address';
import { readSimulatorScript } from './demo/assets';
import { FakeWecom } from './demo/fake-wecom';
import { createDemoRouter, DEMO_CHATID, DEMO_WECOM_PREFIX } from './demo/router';
import { seedDemoRoster } from './demo/seed';
import { startLongConnectionSimulator } from './demo/long-connection-sim';
import { createConsoleRouters } from './console/router';
import { createDispatcher } from './dispatcher/dispatcher';
import { createScheduler } from './scheduler/scheduler';
import { createModels } from './models';
import { prepareDatabase } from './models/upgrades';
import { createServices } from './services';
import { createInbox } from './inbox/inbox';
import { createOutbox } from './services/delivery';
import { createOutboxSender } from './services/delivery';
import {
  createDirectChats,
  createPushGroup,
  DIRECT_CHANNEL,
  fileChannelOf,
  pushesNeedGroup,
} from './services/delivery';
import { createCallbackRouter, streamIdOf } from './wecom/callback';
import { createWecomClient } from './wecom/client';
import { createMediaSource } from './wecom/media';
import { createLongConnection, type LongConnection } from './wecom/long-connection';
import { systemTimers, type Timers } from './wecom/long-connection/timers';
import type { InboundMessage, Receiver, Reply } from './dispatcher/contract';
import { loadHolidayFiles } from './services/calendar';
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
  /** Test seam: the long connection's timers (heartbeat, backoff, lease, reply deadline). */
  timers?: Timers;
  /** Test seam: this instance's id in the long connection's lease. */
  instanceId?: string;
  /** Where the long connection dials when known only at start (the demo simulator). */
  longConnectionUrl?: () => string;
  /** Test seam: commands added to the table (e.g. one that blocks until the test releases it). */
  extraCommands?: readonly Command[];
  /** Tests pass their own; otherwise one per app. */
  metrics?: Metrics;
  /** Test seam: Node options for worker threads (the tests' TypeScript loader; compiled code needs none). */
  workerExecArgv?: string[];
}

/** The composition root: builds every part once and wires them together. */
export async function composeApp(o: ComposeOptions) {
  const { config, log } = o;
  const clock = o.clock ?? systemClock;
  const models = createModels(o.connection);
  await prepareDatabase(models);
  const database = createDatabaseGate({
    connection: o.connection,
    ensureIndexes: () => prepareDatabase(models),
    log: log.child({ part: 'database' }),
    retryMs: config.tunables.database.indexRetryMs,
  });
  const metrics = o.metrics ?? createMetrics();
  metrics.bind({
    ping: async (timeoutMs) => {
      await o.connection.db?.command({ ping: 1 }, { timeoutMS: timeoutMs });
    },
    outboxCounts: async (timeoutMs) => {
      const rows = await models.OutboxItem.aggregate<{ _id: string; n: number }>([
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]).option({ maxTimeMS: timeoutMs });
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
  });

  // Demo mode: pushes go to a local sink served by this app, whose port is known only after listen.
  const demoSink = config.demo ? (o.demoSink ?? new FakeWecom(500)) : undefined;
  let listenPort = config.port;
  let learnPhotos: NodeJS.Timeout | undefined;

  const client = createWecomClient({
    apiBase: demoSink ? () => `${localBaseUrl(config.host, listenPort)}${DEMO_WECOM_PREFIX}` : config.wecom.apiBase,
    webhookKey: config.wecom.webhookKey,
    corpId: config.wecom.corpId,
    corpSecret: config.wecom.corpSecret,
    agentId: config.wecom.agentId,
    clock,
    log: log.child({ part: 'wecom-client' }),
  });
  const lcConfig = config.wecom.longConnection;
  // The long-connection demo: this process also plays WeCom's WebSocket server for the bot to dial.
  const simulator =
    demoSink && lcConfig
      ? await startLongConnectionSimulator({
          botId: lcConfig.botId,
          secret: lcConfig.secret,
          sink: demoSink,
          chatid: DEMO_CHATID,
          aibotid: 'demo-bot',
        })
      : undefined;
  // Group pushes use the robot webhook when there is a key, else the long connection's aibot_send_msg.
  const groupChannel = !config.wecom.webhookKey && lcConfig ? 'aibot' : 'webhook';
  const outbox = createOutbox({ models, clock, groupChannel, fileChannel: fileChannelOf(config) });
  // Then personal notices go one-to-one to whoever has written to the bot one-to-one (over either transport).
  // Who has written to the bot one-to-one is known whenever the long connection is here: a handling unit's contacts
  // (not in the deputies' group) are told that way; deputies only when group pushes go over it too.
  const oneToOne = lcConfig ? createDirectChats(models, clock) : undefined;
  const directChats = groupChannel === 'aibot' && config.notifyChannel !== 'app' ? oneToOne : undefined;
  // Self-built app messages (ids 'app:…') are chats with the app, not with the bot; events are not messages.
  const noteDirectChat = (msg: InboundMessage): void => {
    if (!oneToOne || msg.chat.type !== 'single' || msg.kind === 'event' || msg.id.startsWith('app:')) return;
    // Not awaited: the reply never waits for it (it is one write per person per instance).
    oneToOne.remember(msg.senderId).catch((err: unknown) => log.warn({ err }, 'one-to-one chat not recorded'));
  };
  // The office chooses which group gets the long connection's group pushes; a choice sends what waited.
  const pushGroup = createPushGroup({
    models,
    clock,
    log: log.child({ part: 'push-group' }),
    needed: pushesNeedGroup(config),
    afterChoose: () => sender.kick(),
  });
  // The inbox is built below; the long connection reaches it through this late-bound function.
  let receive: (msg: InboundMessage) => Promise<Reply> = () => Promise.reject(new Error('inbox not ready'));
  const longConnection: LongConnection | undefined = lcConfig
    ? createLongConnection({
        config: lcConfig,
        url: simulator ? () => simulator.url : o.longConnectionUrl,
        models,
        clock,
        timers: o.timers ?? systemTimers(),
        log,
        tunables: config.tunables.longConnection,
        streamBytes: config.tunables.replyLimits.streamBytes,
        pushGroup,
        receive: (msg) => {
          noteDirectChat(msg);
          return receive(msg);
        },
        instanceId: o.instanceId,
        onLinkState: (state) =>
          metrics.setLongConnectionState(
            state === 'up'
              ? 'open'
              : state === 'connecting' || state === 'subscribing' || state === 'backoff'
                ? 'connecting'
                : 'closed',
          ),
        onMissedDeadline: () => metrics.recordMissedDeadline('long-connection'),
      })
    : undefined;
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
    // One-to-one messages go whenever the long connection is here, so those queued before a settings change still go.
    channels: longConnection
      ? { aibot: longConnection.channel, [DIRECT_CHANNEL]: longConnection.directChannel }
      : undefined,
    outbox,
    lockMs: o_.lockMs,
    databaseAvailable: () => database.isAvailable(),
  });
  const holidayFiles = await loadHolidayFiles(path.resolve(config.holidaysDir));
  const services = createServices({
    models,
    config,
    clock,
    log,
    outbox,
    directChats,
    contactChats: oneToOne,
    pushGroup,
    afterEnqueue: () => sender.kick(),
    // Links from the bot point at CONSOLE_URL, else at this process (whose port is known after listen).
    consoleBaseUrl: () => config.consoleUrl ?? localBaseUrl(config.host, listenPort),
    holidayFiles,
    workerExecArgv: o.workerExecArgv,
    // Pictures: fetched at once from WeCom (file URLs live 5 minutes), capped and timed.
    photoSource: createMediaSource({
      encodingAesKey: config.wecom.encodingAesKey,
      maxBytes: config.tunables.photos.maxBytes,
      timeoutMs: config.tunables.photos.timeoutMs,
      allowLoopbackHttp: config.tunables.photos.allowLoopbackHttp,
      mediaGetUrl: client.canGetMedia ? (force) => client.mediaGetUrl(force) : undefined,
    }),
  });
  await services.holidays.load();
  await services.deployment.recordStart(clock.now());
  const table = createCommandTable([...commands, ...(o.extraCommands ?? [])]);
  // -- scheduler
  const scheduler = createScheduler({
    jobs: createJobs(config),
    services,
    clock,
    log,
    config,
    onOutcome: (r) => metrics.recordJobRun(r.job, r.outcome),
  });
  const dispatcher = createDispatcher({ table, services, config, clock, log, observe: metrics.observeCommand });
  const inbox = createInbox({
    models,
    clock,
    log,
    outbox,
    afterEnqueue: () => sender.kick(),
    canSendApp: client.canSendApp,
    dispatch: dispatcher.dispatch,
    readOnly: dispatcher.readOnly,
    streamIdOf,
    staleProcessingMs: config.tunables.inbound.staleProcessingMs,
    duplicateWaitMs: config.tunables.inbound.duplicateWaitMs,
    streamWindowMs: config.tunables.inbound.streamWindowMs,
    checkDatabase: () => database.check(),
    pause: o.pause,
  });
  receive = inbox.receive;
  const limits = config.tunables.inbound;
  const callback = createCallbackRouter({
    onMissedDeadline: (mode) => metrics.recordMissedDeadline(mode === 'bot' ? 'smart-bot' : 'app'),
    keys: { token: config.wecom.token, encodingAesKey: config.wecom.encodingAesKey },
    corpId: config.wecom.corpId,
    clock,
    log,
    limits: {
      maxBodyBytes: limits.maxBodyBytes,
      timestampSkewSeconds: limits.timestampSkewSeconds,
      streamBytes: config.tunables.replyLimits.streamBytes,
      appTextBytes: config.tunables.replyLimits.appTextBytes,
      requestTimeoutMs: limits.requestTimeoutMs,
      botDeadlineMs: limits.botDeadlineMs,
      appDeadlineMs: limits.appDeadlineMs,
    },
    receive: (msg, deadlineMs, late) => {
      noteDirectChat(msg);
      // A group heard through the callback is a push group candidate too (the long connection records its own).
      if (pushGroup.needed && msg.chat.type === 'group' && msg.chat.id && !msg.id.startsWith('app:'))
        pushGroup.remember(msg.chat.id, msg.senderId).catch((err: unknown) => log.warn({ err }, 'group not recorded'));
      return inbox.receiveWithin(msg, deadlineMs, late);
    },
    replyForStream: inbox.replyForStream,
  });

  // With only the long connection configured there are no callback keys: /wecom/callback is not served.
  const routers = config.wecom.callbackEnabled ? [callback] : [];
  routers.push(
    ...createConsoleRouters({ services, models, config, clock, log, client, database, version: readVersion() }),
  );
  // The office console's built pages (web/dist) at /console; the API side owns /console/login and /console/auth.
  routers.push(createConsoleStaticRouter({ dir: findWebDist(), log: log.child({ part: 'console-web' }) }));
  routers.push(createMetricsRouter({ metrics, token: config.metricsToken }));
  if (demoSink) {
    await seedDemoRoster(services.roster, log);
    // The simulator's one group is the push group, as the office would choose it with 设为代表群.
    if (simulator && pushGroup.needed) await pushGroup.choose(DEMO_CHATID, 'demo', { fromGroup: true });
    const keys = { token: config.wecom.token, encodingAesKey: config.wecom.encodingAesKey };
    routers.push(
      createDemoRouter({
        keys,
        botName: config.wecom.botName ?? '代表助手',
        timezone: config.timezone,
        roster: services.roster,
        sink: demoSink,
        commands: table.commands,
        transport: simulator ? 'long-connection' : 'callback',
        simulatorJs: readSimulatorScript(),
        wecomBase: () => `${localBaseUrl(config.host, listenPort)}${DEMO_WECOM_PREFIX}`,
        maxPhotoBytes: config.tunables.photos.maxBytes,
      }),
    );
    if (simulator) routers.push(simulator.router);
  }
  const app = createApp({
    log,
    routers,
    ready: () => database.ping(config.tunables.database.readyTimeoutMs),
    details: longConnection ? () => ({ longConnection: longConnection.health() }) : undefined,
    trustProxy: config.trustProxy,
    version: readVersion(),
    onResponse: (status) => metrics.observeRequest(status),
    httpsOnly: config.consoleUrl?.startsWith('https:') ?? false,
  });

  // The doors that take work in on their own (the callback and the console are served by main's HTTP server).
  const receivers: Receiver[] = [
    ...(config.jobsEnabled ? [scheduler] : []),
    ...(longConnection ? [longConnection] : []),
  ];

  return {
    app,
    models,
    services,
    sender,
    outbox,
    inbox,
    database,
    table,
    scheduler,
    clock,
    /** Other parts record through it (missed reply deadlines, long-connection state). */
    metrics,
    /** The configuration problems worth a line at start (main logs them once listening). */
    checkDeployment: () => checkDeployment({ config, officeUserIds: () => services.officeDirectory.userIds() }),
    /** Demo mode only: the local WeCom sink the group pushes land in. */
    demoSink,
    /** The long connection (WECOM_BOT_ID/WECOM_BOT_SECRET), when configured. */
    longConnection,
    /**
     * Starts the background loops (the outbox sender, waiting photos) and then the receivers: the scheduler
     * (unless JOBS_ENABLED=false) and the long connection, when configured.
     */
    async start(port: number): Promise<void> {
      listenPort = port;
      sender.start();
      learnPhotos ??= setInterval(() => {
        services.photos.learnWaiting(clock.now()).catch((err: unknown) => log.warn({ err }, 'waiting photos not read'));
      }, config.tunables.photos.peerRefreshMs);
      learnPhotos.unref();
      for (const receiver of receivers) await receiver.start();
    },
    /** Stops the receivers (last started first), then the loops that serve them. */
    async stop(): Promise<void> {
      clearInterval(learnPhotos);
      learnPhotos = undefined;
      for (const receiver of [...receivers].reverse()) await receiver.stop();
      await simulator?.close();
      database.stop();
      await sender.stop();
    },
  };
}

export type Composed = Awaited<ReturnType<typeof composeApp>>;
