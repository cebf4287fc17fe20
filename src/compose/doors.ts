import type Router from '@koa/router';
import { createJobs } from '../../jobs';
import { createConsoleRouters } from '../console/router';
import { createConsoleStaticRouter, findWebDist } from '../console/static';
import type { InboundMessage, Reply, SecretTap } from '../dispatcher/contract';
import type { Inbox } from '../inbox/inbox';
import { createMetricsRouter } from '../metrics-router';
import { createScheduler } from '../scheduler/scheduler';
import type { Services } from '../services';
import { createCallbackRouter } from '../wecom/callback';
import { createLongConnection, type LongConnection } from '../wecom/long-connection';
import { systemTimers } from '../wecom/long-connection/timers';
import { readVersion } from '../version';
import type { Outward, Store } from './core';
import type { ComposeOptions } from './options';

// The doors: the long connection and the scheduler take work in by themselves (Receivers); the callback, the
// console and the metrics are routers served by main's HTTP server. Each hands its work to the same core.

/** The smart bot's long connection (WECOM_BOT_ID/WECOM_BOT_SECRET), when configured. */
export function composeLongConnection(
  o: ComposeOptions,
  store: Store,
  out: Outward,
  w: { url?: () => string; receive: (msg: InboundMessage) => Promise<Reply>; secretTap: SecretTap },
): LongConnection | undefined {
  const { config, log } = o;
  if (!config.wecom.longConnection) return undefined;
  const { metrics } = store;
  return createLongConnection({
    config: config.wecom.longConnection,
    url: w.url,
    models: store.models,
    clock: store.clock,
    timers: o.timers ?? systemTimers(),
    log,
    tunables: config.tunables.longConnection,
    streamBytes: config.tunables.replyLimits.streamBytes,
    cardDeadlineMs: config.tunables.inbound.cardDeadlineMs,
    pushGroup: out.pushGroup,
    receive: (msg) => {
      out.noteDirectChat(msg);
      return w.receive(msg);
    },
    secretTap: w.secretTap,
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
  });
}

/** The job table's runner; main starts it unless JOBS_ENABLED=false. */
export function composeScheduler(o: ComposeOptions, store: Store, services: Services) {
  return createScheduler({
    jobs: createJobs(o.config),
    services,
    clock: store.clock,
    log: o.log,
    config: o.config,
    onOutcome: (r) => store.metrics.recordJobRun(r.job, r.outcome),
  });
}

/** WeCom's callback (/wecom/callback): signed, encrypted messages from the smart bot and the self-built app. */
export function composeCallback(
  o: ComposeOptions,
  store: Store,
  out: Outward,
  pipeline: { inbox: Inbox; secretTap: SecretTap },
): Router {
  const { inbox } = pipeline;
  const { config, log } = o;
  const inbound = config.tunables.inbound;
  return createCallbackRouter({
    onMissedDeadline: (mode) => store.metrics.recordMissedDeadline(mode === 'bot' ? 'smart-bot' : 'app'),
    keys: { token: config.wecom.token, encodingAesKey: config.wecom.encodingAesKey },
    corpId: config.wecom.corpId,
    clock: store.clock,
    log,
    limits: {
      maxBodyBytes: inbound.maxBodyBytes,
      timestampSkewSeconds: inbound.timestampSkewSeconds,
      streamBytes: config.tunables.replyLimits.streamBytes,
      appTextBytes: config.tunables.replyLimits.appTextBytes,
      requestTimeoutMs: inbound.requestTimeoutMs,
      botDeadlineMs: inbound.botDeadlineMs,
      appDeadlineMs: inbound.appDeadlineMs,
      cardDeadlineMs: inbound.cardDeadlineMs,
    },
    receive: (msg, deadlineMs, late) => {
      out.noteDirectChat(msg);
      // A group heard through the callback is a push group candidate too (the long connection records its own).
      if (out.pushGroup.needed && msg.chat.type === 'group' && msg.chat.id && !msg.id.startsWith('app:'))
        out.pushGroup
          .remember(msg.chat.id, msg.senderId)
          .catch((err: unknown) => log.warn({ err }, 'group not recorded'));
      return inbox.receiveWithin(msg, deadlineMs, late);
    },
    replyForStream: inbox.replyForStream,
    secretTap: pipeline.secretTap,
  });
}

/** The HTTP doors: the callback (when it has keys), the console's API and pages, and the metrics. */
export function composeHttpDoors(
  o: ComposeOptions,
  store: Store,
  core: { out: Outward; services: Services; inbox: Inbox; secretTap: SecretTap },
): Router[] {
  const { config, log } = o;
  // With only the long connection configured there are no callback keys: /wecom/callback is not served.
  const routers = config.wecom.callbackEnabled ? [composeCallback(o, store, core.out, core)] : [];
  routers.push(
    ...createConsoleRouters({
      services: core.services,
      models: store.models,
      config,
      clock: store.clock,
      log,
      client: core.out.client,
      database: store.database,
      version: readVersion(),
    }),
  );
  // The office console's built pages (web/dist) at /console; the API side owns /console/login and /console/auth.
  routers.push(createConsoleStaticRouter({ dir: findWebDist(), log: log.child({ part: 'console-web' }) }));
  routers.push(createMetricsRouter({ metrics: store.metrics, token: config.metricsToken }));
  return routers;
}
