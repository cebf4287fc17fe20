import { ManualClock, ManualTimers } from './clocks';
import { createLogger } from '../../src/logger';
import { createModels, ensureIndexes } from '../../src/models';
import type { InboundMessage, Reply } from '../../src/dispatcher/contract';
import { createLongConnection } from '../../src/wecom/long-connection';
import { cardTaps } from '../../handlers';
import { createCardTapTable } from '../../src/commands/card-taps';
import { defaults } from '../../config/defaults';
import { startFakeWecomWs, until } from './fake-wecom-ws';
import { openTestDatabase } from './db';

/**
 * The long connection's transport alone, subscribed to a fake WeCom WebSocket server, with a receive function the
 * test controls (the inbox's place) and timers that fire only when the test advances them.
 */
export async function startTransportOnly(
  tag: string,
  receive: (msg: InboundMessage) => Promise<Reply>,
  o: { cardDeadlineMs?: number } = {},
) {
  const ws = await startFakeWecomWs();
  const db = await openTestDatabase(tag);
  const models = createModels(db.connection);
  await ensureIndexes(models);
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  const timers = new ManualTimers(clock);
  const lc = createLongConnection({
    config: { botId: ws.botId, secret: ws.secret, url: ws.url },
    models,
    clock,
    timers,
    log: createLogger({ level: 'silent' }),
    tunables: defaults.longConnection,
    streamBytes: defaults.replyLimits.streamBytes,
    ...(o.cardDeadlineMs === undefined ? {} : { cardDeadlineMs: o.cardDeadlineMs }),
    receive,
    secretTap: createCardTapTable(cardTaps).isSecret,
    instanceId: 'T',
  });
  lc.start();
  await until(() => lc.health().link?.state === 'up', 'up');
  return {
    ws,
    db,
    timers,
    lc,
    async close() {
      await lc.stop();
      await ws.close();
      await db.drop();
    },
  };
}
