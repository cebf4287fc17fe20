import type { Models } from '../../models';
import type { Clock } from '../../clock';
import { splitByBytes } from '../../text/split';
import { isDuplicateKey } from '../../models/duplicate-key';

export type OutboxTarget = { kind: 'group'; mentionUserids?: string[] } | { kind: 'users'; userids: string[] } | { kind: 'response_url'; url: string };

export interface PushRequest {
  /** Idempotency key: enqueueing the same key twice sends once. */
  key: string;
  target: OutboxTarget;
  format: 'markdown' | 'text';
  content: string;
  /** Not before this time (scheduled announcements may use it). */
  notBefore?: Date;
}

export interface Outbox {
  enqueue(req: PushRequest): Promise<number>;
}

export const LIMITS = { webhookMarkdown: 4096, webhookText: 2048, app: 2048, responseUrl: 20480 };

function limitFor(req: PushRequest): number {
  if (req.target.kind === 'response_url') return LIMITS.responseUrl;
  if (req.target.kind === 'users') return LIMITS.app;
  return req.format === 'markdown' ? LIMITS.webhookMarkdown : LIMITS.webhookText;
}

/** Persists pushes; the sender drains them. Long content is split by bytes into ordered parts. */
export function createOutbox(deps: { models: Models; clock: Clock; groupChannel?: 'webhook' | 'aibot' }): Outbox {
  // Without a webhook key, group pushes go out over the smart bot's long connection (aibot_send_msg).
  const groupChannel = deps.groupChannel ?? 'webhook';
  return {
    async enqueue(req) {
      const now = deps.clock.now();
      const parts = splitByBytes(req.content, limitFor(req));
      const channel = req.target.kind === 'group' ? groupChannel : req.target.kind === 'users' ? 'app' : 'response_url';
      const userids = req.target.kind === 'group' ? (req.target.mentionUserids ?? []) : req.target.kind === 'users' ? req.target.userids : [];
      let created = 0;
      for (const [i, content] of parts.entries()) {
        const key = parts.length === 1 ? req.key : `${req.key}#${i + 1}`;
        // Upsert on the unique key: a re-run of the same job or command inserts nothing new.
        const res = await upsertIgnoringRace(() => deps.models.OutboxItem.updateOne(
          { key },
          {
            $setOnInsert: {
              key,
              channel,
              msgtype: req.format,
              content,
              // Mentions in a text push go with the last part, so the ping arrives with the whole message.
              userids: req.format === 'text' && channel === groupChannel && i < parts.length - 1 ? [] : userids,
              url: req.target.kind === 'response_url' ? req.target.url : undefined,
              status: 'pending',
              attempts: 0,
              nextAttemptAt: req.notBefore ?? now,
              createdAt: now,
              seq: i,
              group: req.key,
            },
          },
          { upsert: true },
        ));
        created += res.upsertedCount;
      }
      return created;
    },
  };
}

/** Two concurrent upserts of one key: the loser's duplicate-key error means "already there". */
async function upsertIgnoringRace(op: () => Promise<{ upsertedCount: number }>): Promise<{ upsertedCount: number }> {
  try {
    return await op();
  } catch (err) {
    if (isDuplicateKey(err)) return { upsertedCount: 0 };
    throw err;
  }
}
