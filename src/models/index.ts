import type { Connection } from 'mongoose';
import { counterModel } from './counter';
import { deputyModel } from './deputy';
import { inboundMessageModel } from './inbound-message';
import { outboxItemModel } from './outbox-item';
import { rateWindowModel } from './rate-window';

/** Every model, bound to one connection. Each feature adds its model here. */
export function createModels(conn: Connection) {
  return {
    Deputy: deputyModel(conn),
    InboundMessage: inboundMessageModel(conn),
    OutboxItem: outboxItemModel(conn),
    Counter: counterModel(conn),
    RateWindow: rateWindowModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

/** Declared indexes are created explicitly at start (autoIndex is off), so failures surface early. */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}
