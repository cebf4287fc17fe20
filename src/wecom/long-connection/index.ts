import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { LongConnectionConfig } from '../../../config';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import { createFixedWindowBudget, type DeliveryChannel, createPushGroup } from '../../services/delivery';
import type { InboundMessage, Reply, SecretTap } from '../../dispatcher/contract';
import { createDirectChannel } from './direct-channel';
import { createGroupChannel } from './group-channel';
import { createLinkHolder } from './holder';
import type { LinkState, LinkStatus } from './keeper';
import { createLease } from './lease';
import { createMediaUploader } from './media-upload';
import type { Timers } from './timers';
import { createLongConnectionTransport } from './transport';

export interface LongConnectionTunables {
  heartbeatMs: number;
  maxMissedPings: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  requestTimeoutMs: number;
  leaseMs: number;
  renewMs: number;
  replyDeadlineMs: number;
  perMinute: number;
  perHour: number;
}

export interface LongConnectionDeps {
  config: LongConnectionConfig;
  /** A function when the URL is known only after start (demo mode: the simulator's port). */
  url?: () => string;
  models: Models;
  clock: Clock;
  timers: Timers;
  log: Logger;
  tunables: LongConnectionTunables;
  streamBytes: number;
  /** A card tap's update goes only within this (config inbound.cardDeadlineMs; 4 s, inside WeCom's 5, if unset). */
  cardDeadlineMs?: number;
  receive(msg: InboundMessage): Promise<Reply>;
  /** Which taps' ticked options stay out of their inbox id (the card door's table). */
  secretTap: SecretTap;
  /** The group the office chose for pushes; groups heard from are recorded there (tests may leave it out). */
  pushGroup?: { remember(chatid: string, userid: string): Promise<void>; chosen(): Promise<string | undefined> };
  /** Test seam: several instances in one process need distinct ids. */
  instanceId?: string;
  /** Told of every change of this instance's link state (metrics). */
  onLinkState?: (state: LinkState) => void;
  /** Told when a reply missed its deadline and an unfinished stream went first (metrics). */
  onMissedDeadline?: () => void;
}

/** What /readyz and the logs say about the long connection on this instance. */
export interface LongConnectionHealth {
  holder: boolean;
  instanceId: string;
  link?: LinkStatus;
}

/** WeCom's per-conversation budget for the smart bot (replies plus proactive sends), per minute and per hour. */
function aibotBudget(d: LongConnectionDeps) {
  return createFixedWindowBudget({
    models: d.models,
    name: 'aibot',
    windows: [
      { label: 'm', spanMs: 60_000, limit: d.tunables.perMinute },
      { label: 'h', spanMs: 3_600_000, limit: d.tunables.perHour },
    ],
  });
}

function keeperSettings(d: LongConnectionDeps, log: Logger) {
  return {
    url: d.url ? d.url() : d.config.url,
    botId: d.config.botId,
    secret: d.config.secret,
    clock: d.clock,
    timers: d.timers,
    log,
    heartbeatMs: d.tunables.heartbeatMs,
    maxMissedPings: d.tunables.maxMissedPings,
    backoffInitialMs: d.tunables.backoffInitialMs,
    backoffMaxMs: d.tunables.backoffMaxMs,
    requestTimeoutMs: d.tunables.requestTimeoutMs,
  };
}

/**
 * The long connection as a whole: a lease decides which instance holds it; the holder runs the
 * keeper (socket, subscribe, heartbeat, backoff) and the transport (frames ⇄ inbox). A `Receiver`: start
 * enters the lease rounds, stop releases the lease.
 */
export function createLongConnection(d: LongConnectionDeps) {
  const instanceId = d.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = d.log.child({ part: 'long-connection' });
  const pushGroup = d.pushGroup ?? createPushGroup({ models: d.models, clock: d.clock, log, needed: true });
  const budget = aibotBudget(d);

  const transport = createLongConnectionTransport({
    clock: d.clock,
    timers: d.timers,
    log,
    receive: d.receive,
    send: async (frame) => {
      const keeper = holder.current();
      if (!keeper) throw new Error('long connection is not held here');
      await keeper.send(frame);
    },
    replyDeadlineMs: d.tunables.replyDeadlineMs,
    cardDeadlineMs: d.cardDeadlineMs ?? 4_000,
    streamBytes: d.streamBytes,
    secretTap: d.secretTap,
    rememberGroup: (chatid, userid) => pushGroup.remember(chatid, userid),
    countReply: (conversation) => budget.count(conversation, d.clock.now()),
    onMissedDeadline: d.onMissedDeadline,
  });

  const holder = createLinkHolder({
    settings: () => keeperSettings(d, log),
    onCallback: (frame) => void transport.handle(frame),
    onLinkState: d.onLinkState,
    report: (status) => lease.report(status),
    log,
  });
  const lease = createLease({
    models: d.models,
    botId: d.config.botId,
    instanceId,
    clock: d.clock,
    timers: d.timers,
    log,
    leaseMs: d.tunables.leaseMs,
    renewMs: d.tunables.renewMs,
    onChange: (holding) => holder.hold(holding),
  });
  const keeper = holder.current;

  const media = createMediaUploader({ models: d.models, clock: d.clock, log, keeper });
  const channel: DeliveryChannel = createGroupChannel({
    keeper,
    pushGroup,
    budget,
    media,
    log,
  });
  const directChannel: DeliveryChannel = createDirectChannel({ keeper, budget, media });

  return {
    instanceId,
    /** The outbox channel 'aibot': group pushes through aibot_send_msg. */
    channel,
    /** The outbox channel 'aibot-direct': one-to-one messages through aibot_send_msg. */
    directChannel,
    async start(): Promise<void> {
      lease.start();
    },
    stop: () => lease.stop(),
    /** Runs one lease round now (tests; start does the first one itself). */
    tick: () => lease.tick(),
    health(): LongConnectionHealth {
      return { holder: lease.holding(), instanceId, link: keeper()?.status() };
    },
  };
}

export type LongConnection = ReturnType<typeof createLongConnection>;
