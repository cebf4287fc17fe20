import type { Card } from '../../cards';

/** What the outbox sender pushes through; the WeCom client implements it (and a test sink could). */
export interface PushSender {
  /** `image`: content is the picture's bytes in base64. */
  sendGroup(msg: { msgtype: 'markdown' | 'text' | 'image'; content: string; mentions?: string[] }): Promise<void>;
  sendApp(msg: { touser: string[]; msgtype: 'markdown' | 'text'; content: string }): Promise<void>;
  /** A template card for people by the self-built app (message/send, msgtype template_card). */
  sendAppCard(msg: { touser: string[]; card: Card }): Promise<void>;
  /** A tapped app card redrawn for the tapper (message/update_template_card with the click's ResponseCode). */
  updateAppCard(msg: { userids: string[]; responseCode: string; card: Card }): Promise<void>;
  /** A file for people by the self-built app: uploaded as temporary media, then sent by its media_id. */
  sendAppFile(msg: { touser: string[]; filename: string; bytes: Buffer }): Promise<void>;
  postResponseUrl(url: string, markdown: string): Promise<void>;
}

/** A failed push; `retryable` says whether trying later can help. */
export class PushError extends Error {
  constructor(
    readonly errcode: number | undefined,
    readonly detail: string,
    readonly retryable: boolean,
    /** The earliest sensible retry, e.g. after the rate-limit minute. */
    readonly retryAfterMs?: number,
    /** False when the call provably never reached WeCom (refused connection, a proxy's HTTP error): it cost no budget. */
    readonly reached = true,
  ) {
    super(`push failed ${errcode ?? 'network'}: ${detail}`);
  }
}
