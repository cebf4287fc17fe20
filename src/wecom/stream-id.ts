import { createHash } from 'node:crypto';

/** The smart bot's stream id of a message: the same message always streams under the same id. */
export function streamIdOf(messageId: string): string {
  return createHash('sha1').update(messageId).digest('hex').slice(0, 24);
}
