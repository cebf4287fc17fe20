import type Router from '@koa/router';
import { createApp } from './app';
import { checkDeployment } from './deployment-checks';
import type { CommandTable } from './commands/parse';
import type { InboundMessage, Receiver, Reply } from './dispatcher/contract';
import type { Services } from './services';
import { readVersion } from './version';
import {
  composeCardTaps,
  composeOutward,
  composePipeline,
  composeSender,
  composeServices,
  composeStore,
  type Outward,
  type Store,
} from './compose/core';
import { composeHttpDoors, composeLongConnection, composeScheduler } from './compose/doors';
import { localBaseUrl } from './compose/local-address';
import type { ComposeOptions } from './compose/options';

export type { ComposeOptions } from './compose/options';

/**
 * What a composition outside the production path adds (the demo: src/demo/compose-demo.ts, which main loads
 * only in demo mode). The production composition never imports it.
 */
export interface Extension {
  /** WeCom is played by this process under this path (the demo's sink) instead of WECOM_API_BASE. */
  wecomPath?: string;
  /** Where the long connection dials when that is known only now (the simulator's port). */
  longConnectionUrl?: () => string;
  /** Runs once the core is built; returns the routers it serves (after the production ones). */
  attach?(core: Core): Promise<Router[]>;
  /** Runs after the receivers have stopped, before the loops do. */
  stop?(): Promise<void>;
}

/** The core as a door or an extension sees it. */
export interface Core {
  store: Store;
  out: Outward;
  services: Services;
  table: CommandTable;
  /** This process's own base URL (its port is known once main listens). */
  selfUrl: () => string;
}

/**
 * The composition root: the core (store, the way out, services, the pipeline) once, then the doors beside it
 * (the callback, the console, the long connection, the scheduler), each handing its work to the same core.
 */
export async function composeApp(o: ComposeOptions, extension?: Extension) {
  const { config, log } = o;
  // Demo mode has throwaway credentials: without the demo's wiring its pushes would go to the real WeCom.
  if (config.demo && !extension) throw new Error('demo mode is composed by src/demo/compose-demo.ts');
  let listenPort = config.port;
  const selfUrl = () => localBaseUrl(config.host, listenPort);
  // The parts form a ring (the long connection reaches the inbox; the push group kicks the sender): late-bound.
  const late = {
    kick: (): void => undefined,
    receive: (_msg: InboundMessage): Promise<Reply> => Promise.reject(new Error('inbox not ready')),
  };
  const store = await composeStore(o);
  const out = composeOutward(o, store, {
    apiBase: extension?.wecomPath ? () => `${selfUrl()}${extension.wecomPath}` : config.wecom.apiBase,
    afterChoose: () => late.kick(),
  });
  const taps = composeCardTaps();
  const secretTap = taps.isSecret;
  const longConnection = composeLongConnection(o, store, out, {
    url: extension?.longConnectionUrl,
    receive: (msg) => late.receive(msg),
    secretTap,
  });
  const sender = composeSender(o, store, out, longConnection);
  late.kick = () => sender.kick();
  const afterEnqueue = () => sender.kick();
  const services = await composeServices(o, store, out, { afterEnqueue, selfUrl });
  const { table, inbox } = composePipeline(o, store, { services, out, afterEnqueue, taps });
  late.receive = inbox.receive;
  const scheduler = composeScheduler(o, store, services);
  const routers = composeHttpDoors(o, store, { out, services, inbox, secretTap });
  routers.push(...((await extension?.attach?.({ store, out, services, table, selfUrl })) ?? []));
  const app = createApp({
    log,
    routers,
    ready: () => store.database.ping(config.tunables.database.readyTimeoutMs),
    details: longConnection ? () => ({ longConnection: longConnection.health() }) : undefined,
    trustProxy: config.trustProxy,
    version: readVersion(),
    onResponse: (status) => store.metrics.observeRequest(status),
    httpsOnly: config.consoleUrl?.startsWith('https:') ?? false,
  });

  // The doors that take work in on their own (the callback and the console are served by main's HTTP server).
  const receivers: Receiver[] = [
    ...(config.jobsEnabled ? [scheduler] : []),
    ...(longConnection ? [longConnection] : []),
  ];
  const loops = backgroundLoops(o, store, { sender, services });

  return {
    app,
    models: store.models,
    services,
    sender,
    outbox: out.outbox,
    inbox,
    database: store.database,
    table,
    scheduler,
    clock: store.clock,
    /** Other parts record through it (missed reply deadlines, long-connection state). */
    metrics: store.metrics,
    /** The configuration problems worth a line at start (main logs them once listening). */
    checkDeployment: () => checkDeployment({ config, officeUserIds: () => services.officeDirectory.userIds() }),
    /** The long connection (WECOM_BOT_ID/WECOM_BOT_SECRET), when configured. */
    longConnection,
    /**
     * Starts the background loops (the outbox sender, waiting photos) and then the receivers: the scheduler
     * (unless JOBS_ENABLED=false) and the long connection, when configured.
     */
    async start(port: number): Promise<void> {
      listenPort = port;
      loops.start();
      for (const receiver of receivers) await receiver.start();
    },
    /** Stops the receivers (last started first), then the loops that serve them. */
    async stop(): Promise<void> {
      for (const receiver of [...receivers].reverse()) await receiver.stop();
      await extension?.stop?.();
      store.database.stop();
      await loops.stop();
    },
  };
}

export type Composed = Awaited<ReturnType<typeof composeApp>>;

/** The loops every instance runs: the outbox sender, and reading the photos that wait for their sender. */
function backgroundLoops(
  o: ComposeOptions,
  store: Store,
  core: { sender: ReturnType<typeof composeSender>; services: Services },
) {
  let learnPhotos: NodeJS.Timeout | undefined;
  return {
    start(): void {
      core.sender.start();
      learnPhotos ??= setInterval(() => {
        core.services.photos
          .learnWaiting(store.clock.now())
          .catch((err: unknown) => o.log.warn({ err }, 'waiting photos not read'));
      }, o.config.tunables.photos.peerRefreshMs);
      learnPhotos.unref();
    },
    async stop(): Promise<void> {
      clearInterval(learnPhotos);
      learnPhotos = undefined;
      await core.sender.stop();
    },
  };
}
