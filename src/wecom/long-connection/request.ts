import { WecomApiError } from '../client';
import type { OutFrame } from './frames';
import { type Ack, type Keeper, LinkDown } from './keeper';

/**
 * Sends a request frame and waits for its acknowledgement. No held connection, or one that drops before
 * the answer, is a retryable push error (try again in 5 s), so the outbox keeps the item.
 */
export async function requestAck(keeper: Keeper | undefined, frame: OutFrame, what: string): Promise<Ack> {
  if (!keeper) throw new WecomApiError(undefined, `${what}: long connection not held here`, true, 5_000);
  try {
    return await keeper.request(frame);
  } catch (err) {
    if (err instanceof LinkDown) throw new WecomApiError(undefined, `${what}: ${err.message}`, true, 5_000);
    throw err;
  }
}
