import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { answerAppCallback, answerBotCallback } from './callback-answers';
import { contentTypeOf, openCallback, readBody, verifiedEcho } from './callback-request';
import type { CryptoKeys } from './crypto';
import type { InboundMessage, LateDelivery, Received, SecretTap, StreamState } from '../dispatcher/contract';

export { streamIdOf } from './stream-id';

export interface CallbackLimits {
  maxBodyBytes: number;
  timestampSkewSeconds: number;
  streamBytes: number;
  appTextBytes: number;
  /** A body not fully received within this is answered 408. */
  requestTimeoutMs: number;
  /** Smart bot: past this, answer an unfinished stream and serve the rest on refresh. */
  botDeadlineMs: number;
  /** Self-built app: past this, answer empty and send the reply as an app message. */
  appDeadlineMs: number;
  /** A card tap: past this, answer empty (WeCom takes the update only within 5 s, and asks once). */
  cardDeadlineMs: number;
}

export interface CallbackDeps {
  keys: CryptoKeys;
  corpId?: string;
  clock: Clock;
  log: Logger;
  limits: CallbackLimits;
  /** De-duplicates and dispatches within a deadline; the same message id always yields the same reply. */
  receive(msg: InboundMessage, deadlineMs: number, late: LateDelivery): Promise<Received>;
  /** What a smart-bot stream refresh finds. */
  replyForStream(streamId: string): Promise<StreamState>;
  /** Which taps' ticked options stay out of their inbox id (the card door's table). */
  secretTap: SecretTap;
  /** Told when a reply was not ready within the mode's deadline (metrics). */
  onMissedDeadline?: (mode: 'bot' | 'app') => void;
}

/**
 * The transport: verify and decrypt (callback-request.ts), hand over within the passive reply's deadline
 * (callback-deadline.ts), encrypt the reply (callback-answers.ts). It knows WeCom, not commands.
 */
export function createCallbackRouter(deps: CallbackDeps): Router {
  const router = new Router();

  router.get('/wecom/callback', (ctx) => {
    const plain = verifiedEcho(ctx, deps);
    ctx.type = 'text/plain';
    ctx.body = plain;
  });

  router.post('/wecom/callback', async (ctx) => {
    const type = contentTypeOf(ctx);
    const body = await readBody(ctx, deps.limits.maxBodyBytes, deps.limits.requestTimeoutMs);
    const opened = openCallback(ctx, deps, type, body);
    if (opened.mode === 'bot') await answerBotCallback(ctx, deps, opened);
    else await answerAppCallback(ctx, deps, opened);
  });

  return router;
}

/** Random 10-digit nonce, as WeCom uses; exported for the simulator and tests. */
export function newNonce(): string {
  return String(randomBytes(5).readUIntBE(0, 5)).padStart(10, '0').slice(0, 10);
}
