import type { ChannelItem } from '../../services/delivery';
import type { MediaUploader } from './media-upload';
import type { RateBudget } from './rate-budget';

/** WeCom counts uploads per bot (30 a minute, 1,000 an hour): one budget "conversation" for all of them. */
export const UPLOAD_BUDGET = 'media-upload';

/**
 * A send's budget: the conversation's slot, and before it an upload slot when the item's picture or file has
 * no media_id to reuse. A date means "try then"; an upload slot taken before a full conversation is spent.
 */
export async function reserveWithUpload(
  budget: RateBudget,
  media: MediaUploader,
  conversation: string,
  now: Date,
  item: ChannelItem,
): Promise<Date | undefined> {
  if (await media.needsUpload(item)) {
    const later = await budget.reserve(UPLOAD_BUDGET, now);
    if (later) return later;
  }
  return budget.reserve(conversation, now);
}
