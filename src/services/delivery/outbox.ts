import { Types } from 'mongoose';
import type { Models } from '../../models';
import type { Clock } from '../../clock';
import { splitByBytes } from '../../text/split';
import { isOnlyDuplicateKeys } from '../../models/duplicate-key';
import type { Card } from '../../cards';

export type OutboxTarget =
  | { kind: 'group'; mentionUserids?: string[] }
  | { kind: 'users'; userids: string[] }
  /** One person, privately, over the long connection (aibot_send_msg, chat_type 1): one part only. */
  | { kind: 'direct'; userid: string; privateOnly?: boolean }
  /** The self-built app's card redrawn for the person who tapped it (message/update_template_card); needs `card`. */
  | { kind: 'app_card_update'; userid: string; responseCode: string }
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
  /**
   * A template card with the message's choices: channels that carry cards (the long connection, the app) send it
   * instead of the text; the group robot and response_url send the text. Only a one-part message carries one.
   */
  card?: Card;
}

/** A picture for the group: PNG or JPEG bytes (the robot takes 2 MB, the long connection's upload 10 MB). */
export interface ImagePushRequest {
  key: string;
  image: Buffer;
  order?: { group: string; seq: number };
}

/** How a file reaches one person: one-to-one over the long connection, or as a self-built app message. */
export type FileChannel = 'long-connection' | 'app';

/**
 * A file for one person: over the long connection (uploaded in chunks, then aibot_send_msg `file`) or by the
 * self-built app (media/upload, then message/send `file`).
 */
export interface FilePushRequest {
  key: string;
  userid: string;
  filename: string;
  bytes: Buffer;
}

/** The robot's limit for an image message. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** A picture over the long connection: WeCom's upload limit for images. */
const LONG_CONNECTION_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/**
 * A file over the long connection: WeCom takes 20 MB, but the bytes wait in one outbox document as base64,
 * and MongoDB's documents end at 16 MB. A town's ledgers are far smaller.
 */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

export interface Outbox {
  /** Queues one push; returns how many new items (parts) it stored. */
  enqueue(req: PushRequest): Promise<number>;
  /** Queues several pushes in one database round trip, in the order given. */
  enqueueAll(reqs: PushRequest[]): Promise<number>;
  /** Queues a picture for the group (robot webhook, or uploaded over the long connection). */
  enqueueImage(req: ImagePushRequest): Promise<number>;
  /** Queues a file for one person over the deployment's file channel. */
  enqueueFile(req: FilePushRequest): Promise<number>;
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
export function createOutbox(deps: {
  models: Models;
  clock: Clock;
  groupChannel?: 'webhook' | 'aibot';
  /** Where files for one person go (see fileChannelOf); the long connection unless told. */
  fileChannel?: FileChannel;
}): Outbox {
  // Without a webhook key, group pushes go out over the smart bot's long connection (aibot_send_msg).
  const groupChannel = deps.groupChannel ?? 'webhook';
  const fileChannel = deps.fileChannel === 'app' ? 'app' : DIRECT_CHANNEL;

  async function enqueueAll(reqs: PushRequest[]): Promise<number> {
    const now = deps.clock.now();
    const ops = reqs.flatMap((req) => partUpserts(req, now, groupChannel));
    if (ops.length === 0) return 0;
    return upsertIgnoringRace(() => deps.models.OutboxItem.bulkWrite(ops as never, { ordered: false }));
  }

  /** One picture or file: its bytes as base64 in one item (what the robot takes; the long connection uploads them). */
  async function enqueueBytes(item: BytesItem): Promise<number> {
    if (item.bytes.length > item.max)
      throw new Error(`${item.msgtype} push ${item.key} is ${item.bytes.length} bytes, over the channel's ${item.max}`);
    const now = deps.clock.now();
    return upsertIgnoringRace(() =>
      deps.models.OutboxItem.updateOne({ key: item.key }, { $setOnInsert: bytesDocument(item, now) }, { upsert: true }),
    );
  }

  return {
    enqueue: (req) => enqueueAll([req]),
    enqueueAll,
    enqueueImage: (req) =>
      enqueueBytes({
        key: req.key,
        channel: groupChannel,
        msgtype: 'image',
        bytes: req.image,
        max: groupChannel === 'webhook' ? IMAGE_MAX_BYTES : LONG_CONNECTION_IMAGE_MAX_BYTES,
        userids: [],
        filename: groupChannel === 'webhook' ? undefined : 'chart.png',
        order: req.order,
      }),
    enqueueFile: (req) =>
      enqueueBytes({
        key: req.key,
        channel: fileChannel,
        msgtype: 'file',
        bytes: req.bytes,
        max: FILE_MAX_BYTES,
        userids: [req.userid],
        filename: req.filename,
      }),
  };
}

/** The parts of one push, each an upsert that stores it once under its key. */
function partUpserts(req: PushRequest, now: Date, groupChannel: string) {
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
            responseCode: req.target.kind === 'app_card_update' ? req.target.responseCode : undefined,
            privateOnly: req.target.kind === 'direct' && req.target.privateOnly ? true : undefined,
            card: req.card && parts.length === 1 ? JSON.stringify(req.card) : undefined,
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

interface BytesItem {
  key: string;
  channel: string;
  msgtype: 'image' | 'file';
  bytes: Buffer;
  max: number;
  userids: string[];
  filename?: string;
  order?: { group: string; seq: number };
}

function bytesDocument(item: BytesItem, now: Date) {
  return {
    _id: new Types.ObjectId(),
    key: item.key,
    channel: item.channel,
    msgtype: item.msgtype,
    content: item.bytes.toString('base64'),
    filename: item.filename,
    userids: item.userids,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    seq: item.order ? item.order.seq * SEQ_PER_RANK : 0,
    group: item.order?.group ?? item.key,
  };
}

function channelOf(target: OutboxTarget, groupChannel: string): string {
  if (target.kind === 'group') return groupChannel;
  if (target.kind === 'users') return 'app';
  if (target.kind === 'direct') return DIRECT_CHANNEL;
  if (target.kind === 'app_card_update') return 'app-card-update';
  return 'response_url';
}

function useridsOf(target: OutboxTarget): string[] {
  if (target.kind === 'group') return target.mentionUserids ?? [];
  if (target.kind === 'users') return target.userids;
  if (target.kind === 'direct' || target.kind === 'app_card_update') return [target.userid];
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
