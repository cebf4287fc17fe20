import type { Logger } from 'pino';
import type { Actor } from '../commands/types';
import { isDatabaseUnavailable } from '../db/availability';
import { t } from '../messages';
import { isRefusal, renderForChat } from '../refusals';
import type { InboundMessage, Reply } from './contract';
import { type RunnerDeps, chatView } from './run-command';

/** Stores the message's pictures for the sender; a refusal (or an outage) is the reply. */
export async function receivePhotos(
  d: RunnerDeps,
  msg: InboundMessage,
  actor: Actor,
  log: Logger,
): Promise<number | Reply> {
  try {
    return await d.services.photos.receive({
      msgId: msg.id,
      owner: actor.userid,
      images: msg.images ?? [],
      now: d.clock.now(),
    });
  } catch (err) {
    if (isRefusal(err)) return { text: renderForChat(err, chatView(d, actor)) };
    if (isDatabaseUnavailable(err)) return { text: t('systemBusy') };
    log.error({ err }, 'photos failed');
    return { text: t('photoRefusedFailed') };
  }
}
