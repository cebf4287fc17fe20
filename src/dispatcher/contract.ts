/** One inbound message, whichever WeCom mode delivered it. Handlers never see the mode. */
export interface InboundMessage {
  /** Channel-scoped and stable across WeCom's retries: the de-duplication key. */
  id: string;
  senderId: string;
  chat: { type: 'group' | 'single'; id?: string };
  kind: 'text' | 'event' | 'unsupported';
  text: string;
  event?: string;
  /** The text is WeCom's speech-to-text of a voice message (one-to-one chats only). */
  voice?: boolean;
  /** Smart bot only: one later plain POST within an hour (used for replies too long to send passively). */
  responseUrl?: string;
  /** The passive reply's size limit in this mode; the rest goes out through the outbox. */
  replyLimitBytes: number;
  receivedAt: Date;
}

/** What the bot answers: markdown-ish text; null means "acknowledge with an empty 200". */
export type Reply = { text: string; kind?: 'welcome' } | null;
