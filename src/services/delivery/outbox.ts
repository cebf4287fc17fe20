import { Types } from 'mongoose';
import type { Models } from '../../models';
import type { Clock } from '../../clock';
import { splitByBytes } from '../../text/split';
import { isOnlyDuplicateKeys } from '../../models/duplicate-key';

export type OutboxTarget =
  | { kind: 'group'; mentionUserids?: string[] }
  | { kind: 'users'; userids: string[] }
  /** One person, privately, over the long connection (aibot_send_msg, chat_type 1): one part only. */
  | { kind: 'direct'; userid: string }
  | { kind: 'response_url'; url: string };

export interface PushRequest {
  /** Idempotency key: enqueueing the same key twice sends once. */
  key: string;
  target: OutboxTarget;
  format: 'markdown' | 'text';
  content: string;
  /** Not before this time (scheduled announcements may use it). */
  notBefore?: Date;
  /**
   * Several enqueued messages that must go out in this order (the digest's parts, then its picture):
   * they share `group`, and `seq` ranks them. Without it the message is its own group.
   */
  order?: { group: string; seq: number };
}

/** A picture for the group (the robot's `image` message): PNG or JPEG bytes, at most 2 MB. */
export interface ImagePushRequest {
  key: string;
  image: Buffer;
  order?: { group: string; seq: number };
}

/** The robot's limit for an image message. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export interface Outbox {
  /** False when group pushes go over the long connection (aibot_send_msg), which cannot carry pictures. */
  readonly groupTakesImages: boolean;
  /** Queues one push; returns how many new items (parts) it stored. */
  enqueue(req: PushRequest): Promise<number>;
  /** Queues several pushes in one database round trip, in the order given. */
  enqueueAll(reqs: PushRequest[]): Promise<number>;
  /** Queues a picture for the group robot; 'unsupported' when group pushes go over the long connection, which cannot carry one. */
  enqueueImage(req: ImagePushRequest): Promise<number | 'unsupported'>;
}

// Parts of one enqueued message take consecutive seq values inside its rank in an ordered group.
const SEQ_PER_RANK = 1000;

// direct: what one aibot_send_msg markdown carries (the stream limit), so a one-to-one notice is never split.
export const LIMITS = { webhookMarkdown: 4096, webhookText: 2048, app: 2048, responseUrl: 20480, direct: 20480 };

/** The outbox channel of one-to-one messages over the long connection. */
export const DIRECT_CHANNEL = 'aibot-direct';

function limitFor(req: Pick<PushRequest, 'target' | 'format'>): number {
  if (req.target.kind === 'response_url') return LIMITS.responseUrl;
  if (req.target.kind === 'users') return LIMITS.app;
  if (req.target.kind === 'direct') return LIMITS.direct;
  return req.format === 'markdown' ? LIMITS.webhookMarkdown : LIMITS.webhookText;
}

/**
 * The parts a push is stored and sent as: its content split by bytes under the channel's limit. The one
 * split, also used by previews (the console's 公告 composer) so what they show is what goes out.
 */
export function pushParts(req: Pick<PushRequest, 'target' | 'format' | 'content'>): string[] {
  return splitByBytes(req.content, limitFor(req));
}

/**
 * Persists pushes; the sender drains them. Long content is split by bytes into ordered parts, each
 * upserted once under its unique key, so a re-run of the same job or command stores nothing new.
 * `group` (the push's key) and `seq` (the part's place) keep the parts of one message in order.
 */
export function createOutbox(deps: { models: Models; clock: Clock; groupChannel?: 'webhook' | 'aibot' }): Outbox {
  // Without a webhook key, group pushes go out over the smart bot's long connection (aibot_send_msg).
  const groupChannel = deps.groupChannel ?? 'webhook';

  function partUpserts(req: PushRequest, now: Date) {
    const parts = pushParts(req);
    const channel = channelOf(req.target, groupChannel);
    const userids = useridsOf(req.target);
    return parts.map((content, i) => {
      const key = parts.length === 1 ? req.key : `${req.key}#${i + 1}`;
      return {
        updateOne: {
          filter: { key },
          update: {
            $setOnInsert: {
              // Made here, not by the server: ids from one process grow, so equal times keep queue order.
              _id: new Types.ObjectId(),
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
              seq: req.order ? req.order.seq * SEQ_PER_RANK + i : i,
              group: req.order?.group ?? req.key,
            },
          },
          upsert: true,
        },
      };
    });
  }

  async function enqueueAll(reqs: PushRequest[]): Promise<number> {
    const now = deps.clock.now();
    const ops = reqs.flatMap((req) => partUpserts(req, now));
    if (ops.length === 0) return 0;
    return upsertIgnoringRace(() => deps.models.OutboxItem.bulkWrite(ops as never, { ordered: false }));
  }

  return {
    groupTakesImages: groupChannel === 'webhook',
    enqueue: (req) => enqueueAll([req]),
    enqueueAll,

    async enqueueImage(req) {
      if (groupChannel !== 'webhook') return 'unsupported';
      if (req.image.length > IMAGE_MAX_BYTES)
        throw new Error(`image push ${req.key} is ${req.image.length} bytes, over the robot's ${IMAGE_MAX_BYTES}`);
      const now = deps.clock.now();
      // The bytes travel as base64 (what the robot takes); the sender adds the md5 it also wants.
      return upsertIgnoringRace(() =>
        deps.models.OutboxItem.updateOne(
          { key: req.key },
          {
            $setOnInsert: {
              _id: new Types.ObjectId(),
              key: req.key,
              channel: 'webhook',
              msgtype: 'image',
              content: req.image.toString('base64'),
              userids: [],
              status: 'pending',
              attempts: 0,
              nextAttemptAt: now,
              createdAt: now,
              seq: req.order ? req.order.seq * SEQ_PER_RANK : 0,
              group: req.order?.group ?? req.key,
            },
          },
          { upsert: true },
        ),
      );
    },
  };
}

function channelOf(target: OutboxTarget, groupChannel: string): string {
  if (target.kind === 'group') return groupChannel;
  if (target.kind === 'users') return 'app';
  if (target.kind === 'direct') return DIRECT_CHANNEL;
  return 'response_url';
}

function useridsOf(target: OutboxTarget): string[] {
  if (target.kind === 'group') return target.mentionUserids ?? [];
  if (target.kind === 'users') return target.userids;
  if (target.kind === 'direct') return [target.userid];
  return [];
}

/** Two concurrent upserts of one key: the loser's duplicate-key error means "already there". */
async function upsertIgnoringRace(op: () => Promise<{ upsertedCount: number }>): Promise<number> {
  try {
    return (await op()).upsertedCount;
  } catch (err) {
    if (isOnlyDuplicateKeys(err)) return (err as { result?: { upsertedCount?: number } }).result?.upsertedCount ?? 0;
    throw err;
  }
}
