import type { PushRequest } from './outbox';
import type { SlotTaken } from './send-budget';

/** What a delivery channel gets of an outbox item. */
export interface ChannelItem {
  key: string;
  msgtype: string;
  /** Text, or for a picture or file its bytes in base64. */
  content: string;
  userids: string[];
  /** A file's name as the recipient sees it. */
  filename?: string | null;
  /** Never to be turned into a group message (no fallback): a reminder to vote names who has not. */
  privateOnly?: boolean | null;
  /** A template card (JSON of src/cards' Card), sent instead of the text where the channel carries cards. */
  card?: string | null;
}

/** A further way out for outbox items; the sender claims its items only while it is ready here. */
export interface DeliveryChannel {
  /** False when this instance cannot deliver now (e.g. it does not hold the long connection): items wait. */
  ready(): Promise<boolean>;
  /** Takes a slot of the send budget of the item's conversation; when spent, the item waits (no attempt spent). */
  take(now: Date, item: ChannelItem): Promise<SlotTaken>;
  /** Each conversation has a budget of its own: a full one holds back only its own items, not the channel's others. */
  readonly perConversation?: boolean;
  send(item: ChannelItem): Promise<void>;
  /**
   * What replaces an item given up for good (refused, or out of attempts), so its message is not lost. Its key
   * derives from the item's, so a second pass (a crash before the item is set aside) queues nothing more; the
   * item is set aside as discarded `by` this; `what` says in the log what was queued.
   */
  fallback?(item: ChannelItem): { push: PushRequest; by: string; what: string } | undefined;
}
