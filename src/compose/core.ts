import path from 'node:path';
import { cardTaps, commands } from '../../handlers';
import { systemClock } from '../clock';
import { createCommandTable } from '../commands/parse';
import { type CardTapTable, createCardTapTable } from '../commands/card-taps';
import { createDatabaseGate } from '../db/availability';
import { createDispatcher } from '../dispatcher/dispatcher';
import type { InboundMessage } from '../dispatcher/contract';
import { createInbox } from '../inbox/inbox';
import { createMetrics } from '../metrics';
import { createModels } from '../models';
import { prepareDatabase } from '../models/upgrades';
import { createServices, type Services } from '../services';
import { loadHolidayFiles } from '../services/calendar';
import {
  createDirectChats,
  createOutbox,
  createOutboxSender,
  createPushGroup,
  DIRECT_CHANNEL,
  fileChannelOf,
  pushesNeedGroup,
} from '../services/delivery';
import { streamIdOf } from '../wecom/callback';
import { createWecomClient, type WecomClient } from '../wecom/client';
import type { LongConnection } from '../wecom/long-connection';
import { createMediaSource } from '../wecom/media';
import type { ComposeOptions } from './options';

// The core: the store (models, the database's availability, metrics), the way out (the WeCom client, the
// outbox and its sender), the services, and the pipeline every door hands a message to (table, dispatcher, inbox).

/** Models with their indexes ensured, the database's availability, and the metrics that read them. */
export async function composeStore(o: ComposeOptions) {
  const { config, log } = o;
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
  return { models, database, metrics, clock: o.clock ?? systemClock };
}

export type Store = Awaited<ReturnType<typeof composeStore>>;

/** The way out: the WeCom client, the outbox, who may be told one-to-one, and the push group. */
export function composeOutward(
  o: ComposeOptions,
  store: Store,
  w: { apiBase: string | (() => string); afterChoose: () => void },
) {
  const { config, log } = o;
  const { models, clock } = store;
  const client = createWecomClient({
    apiBase: w.apiBase,
    webhookKey: config.wecom.webhookKey,
    corpId: config.wecom.corpId,
    corpSecret: config.wecom.corpSecret,
    agentId: config.wecom.agentId,
    clock,
    log: log.child({ part: 'wecom-client' }),
  });
  // Group pushes use the robot webhook when there is a key, else the long connection's aibot_send_msg.
  const groupChannel = !config.wecom.webhookKey && config.wecom.longConnection ? 'aibot' : 'webhook';
  const outbox = createOutbox({ models, clock, groupChannel, fileChannel: fileChannelOf(config) });
  // Who has written to the bot one-to-one is known whenever the long connection is here: a handling unit's contacts
  // (not in the deputies' group) are told that way; deputies only when group pushes go over it too.
  const contactChats = config.wecom.longConnection ? createDirectChats(models, clock) : undefined;
  const directChats = groupChannel === 'aibot' && config.notifyChannel !== 'app' ? contactChats : undefined;
  // Self-built app messages (ids 'app:…') are chats with the app, not with the bot; events are not messages.
  const noteDirectChat = (msg: InboundMessage): void => {
    if (!contactChats || msg.chat.type !== 'single' || msg.kind === 'event' || msg.id.startsWith('app:')) return;
    // Not awaited: the reply never waits for it (it is one write per person per instance).
    contactChats.remember(msg.senderId).catch((err: unknown) => log.warn({ err }, 'one-to-one chat not recorded'));
  };
  // The office chooses which group gets the long connection's group pushes; a choice sends what waited.
  const pushGroup = createPushGroup({
    models,
    clock,
    log: log.child({ part: 'push-group' }),
    needed: pushesNeedGroup(config),
    afterChoose: w.afterChoose,
  });
  return { client, outbox, directChats, contactChats, noteDirectChat, pushGroup };
}

export type Outward = ReturnType<typeof composeOutward>;

/** The outbox sender; one-to-one and group pushes go over the long connection when it is configured. */
export function composeSender(o: ComposeOptions, store: Store, out: Outward, longConnection?: LongConnection) {
  const tunables = o.config.tunables.outbox;
  return createOutboxSender({
    models: store.models,
    client: out.client,
    clock: store.clock,
    log: o.log.child({ part: 'outbox' }),
    webhookPerMinute: tunables.webhookPerMinute,
    maxAttempts: tunables.maxAttempts,
    baseBackoffMs: tunables.baseBackoffMs,
    maxBackoffMs: tunables.maxBackoffMs,
    pollMs: tunables.pollMs,
    // One-to-one messages go whenever the long connection is here, so those queued before a settings change still go.
    channels: longConnection
      ? { aibot: longConnection.channel, [DIRECT_CHANNEL]: longConnection.directChannel }
      : undefined,
    outbox: out.outbox,
    lockMs: tunables.lockMs,
    databaseAvailable: () => store.database.isAvailable(),
  });
}

/** The services (the rules), with the holidays loaded and this start recorded. */
export async function composeServices(
  o: ComposeOptions,
  store: Store,
  out: Outward,
  w: { afterEnqueue: () => void; selfUrl: () => string },
): Promise<Services> {
  const { config, log } = o;
  const holidayFiles = await loadHolidayFiles(path.resolve(config.holidaysDir));
  const services = createServices({
    models: store.models,
    config,
    clock: store.clock,
    log,
    outbox: out.outbox,
    directChats: out.directChats,
    contactChats: out.contactChats,
    pushGroup: out.pushGroup,
    afterEnqueue: w.afterEnqueue,
    // Links from the bot point at CONSOLE_URL, else at this process (whose port is known after listen).
    consoleBaseUrl: () => config.consoleUrl ?? w.selfUrl(),
    holidayFiles,
    workerExecArgv: o.workerExecArgv,
    photoSource: photoSourceOf(o, out.client),
  });
  await services.holidays.load();
  await services.deployment.recordStart(store.clock.now());
  return services;
}

/** Pictures: fetched at once from WeCom (file URLs live 5 minutes), capped and timed. */
function photoSourceOf(o: ComposeOptions, client: WecomClient) {
  const photos = o.config.tunables.photos;
  return createMediaSource({
    encodingAesKey: o.config.wecom.encodingAesKey,
    maxBytes: photos.maxBytes,
    timeoutMs: photos.timeoutMs,
    allowLoopbackHttp: photos.allowLoopbackHttp,
    mediaGetUrl: client.canGetMedia ? (force) => client.mediaGetUrl(force) : undefined,
  });
}

/** The card door's table (handlers/index.ts): the dispatcher runs its taps, the transports ask it which are secret. */
export function composeCardTaps(): CardTapTable {
  return createCardTapTable(cardTaps);
}

/** What every door hands a message to: the command table, the dispatcher, and the inbox (exactly once). */
export function composePipeline(
  o: ComposeOptions,
  store: Store,
  core: { services: Services; out: Outward; afterEnqueue: () => void; taps: CardTapTable },
) {
  const { config, log } = o;
  const { clock, database } = store;
  const table = createCommandTable([...commands, ...(o.extraCommands ?? [])]);
  const dispatcher = createDispatcher({
    table,
    taps: core.taps,
    services: core.services,
    config,
    clock,
    log,
    observe: store.metrics.observeCommand,
  });
  const inbound = config.tunables.inbound;
  const inbox = createInbox({
    models: store.models,
    clock,
    log,
    outbox: core.out.outbox,
    afterEnqueue: core.afterEnqueue,
    canSendApp: core.out.client.canSendApp,
    dispatch: dispatcher.dispatch,
    readOnly: dispatcher.readOnly,
    streamIdOf,
    staleProcessingMs: inbound.staleProcessingMs,
    duplicateWaitMs: inbound.duplicateWaitMs,
    streamWindowMs: inbound.streamWindowMs,
    checkDatabase: () => database.check(),
    pause: o.pause,
  });
  return { table, inbox };
}
