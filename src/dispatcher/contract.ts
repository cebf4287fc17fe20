import type { Card } from '../cards';

/**
 * A picture that came with a message: a smart-bot file URL (valid 5 minutes, AES-256-CBC encrypted with
 * the message's own `aeskey` on the long connection, else the callback's EncodingAESKey), or a self-built
 * app's MediaId (fetched through the WeCom API's media/get).
 */
export type InboundImage = { url: string; aeskey?: string } | { mediaId: string };

/** A tap on one of our template cards (template_card_event), whichever channel delivered it. */
export interface CardTap {
  taskId: string;
  /** The button's key, or the vote/dropdown card's submit key. */
  eventKey: string;
  /** Chosen options by question key (vote boxes and dropdowns). */
  selected: Record<string, string[]>;
  /** The self-built app's ResponseCode of this click: once, within 72 h, message/update_template_card redraws the card. */
  responseCode?: string;
}

/**
 * Whether a tap's ticked options are a secret choice that may not join its identity (the card door's table
 * answers: an entry marked `secret`). A transport asks it before naming the tap; it knows no ballots.
 */
export type SecretTap = (tap: Pick<CardTap, 'taskId' | 'eventKey'>) => boolean;

/** One inbound message, whichever WeCom mode delivered it. Handlers never see the mode. */
export interface InboundMessage {
  /** Channel-scoped and stable across WeCom's retries: the de-duplication key. */
  id: string;
  senderId: string;
  chat: { type: 'group' | 'single'; id?: string };
  kind: 'text' | 'event' | 'unsupported';
  text: string;
  event?: string;
  /** Set on `kind: 'event'` with event `template_card_event`: the tap to act on. */
  card?: CardTap;
  /** Pictures sent with the message (one-to-one `image`, or the image items of a `mixed` message). */
  images?: InboundImage[];
  /** The text is WeCom's speech-to-text of a voice message (one-to-one chats only). */
  voice?: boolean;
  /** Smart bot only: one later plain POST within an hour (used for replies too long to send passively). */
  responseUrl?: string;
  /** The passive reply's size limit in this mode; the rest goes out through the outbox. */
  replyLimitBytes: number;
  receivedAt: Date;
}

/**
 * A door that starts taking work in and stops taking it (the long connection, the job scheduler). Composition
 * starts every receiver through this and stops them in reverse order; a new door (card taps) is one more.
 */
export interface Receiver {
  start(): Promise<void>;
  /** Stops taking work in and waits for what is in flight. */
  stop(): Promise<void>;
}

/**
 * What the bot answers: markdown-ish text; null means "acknowledge with an empty 200". With `card`, a channel
 * that carries template cards sends the card (for a tap: the tapper's updated card); others send the text.
 */
export type Reply = { text: string; kind?: 'welcome'; card?: Card } | null;

/**
 * Who delivers a reply that missed the passive deadline:
 * - 'stream': the smart bot refreshes the stream (replyForStream serves it); past the stream window
 *   it goes to response_url, or as an app message to the sender;
 * - 'app': an app message to the sender (needs WECOM_AGENT_ID and WECOM_CORP_SECRET);
 * - 'caller': the caller itself, with `final` (e.g. a long connection that can still push).
 */
export type LateDelivery = 'stream' | 'app' | 'caller';

/** A finished reply, or the promise of one when the deadline came first. */
export type Received = { status: 'done'; reply: Reply } | { status: 'pending'; final: Promise<Reply> };

/** What a stream refresh finds: the finished text, work still running, or no such message. */
export type StreamState = { state: 'done'; text: string } | { state: 'processing' } | { state: 'unknown' };
