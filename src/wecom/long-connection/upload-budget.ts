import type { ChannelItem, SendBudget, SlotTaken } from '../../services/delivery';
import type { MediaUploader } from './media-upload';

/** WeCom counts uploads per bot (30 a minute, 1,000 an hour): one budget "conversation" for all of them. */
export const UPLOAD_BUDGET = 'media-upload';

/**
 * A send's budget: the conversation's slot, and before it an upload slot when the item's picture or file has
 * no media_id to reuse. An upload slot taken before a full conversation is spent (the upload may go later).
 */
export async function takeWithUpload(
  budget: SendBudget,
  media: MediaUploader,
  conversation: string,
  now: Date,
  item: ChannelItem,
): Promise<SlotTaken> {
  if (await media.needsUpload(item)) {
    const upload = await budget.take(UPLOAD_BUDGET, now);
    if (!upload.ok) return upload;
  }
  return budget.take(conversation, now);
}
