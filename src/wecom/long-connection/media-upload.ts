import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { ChannelItem } from '../../services/delivery';
import { WecomApiError } from '../client';
import type { Card } from '../../cards';
import { uploadInChunks } from './chunked-upload';
import { sendCardFrame, type OutFrame, sendFrame, sendMediaFrame } from './frames';
import type { Keeper } from './keeper';

const MB = 1024 * 1024;
/** WeCom's upload limits (aibot_upload_media_*): 512 KB per chunk before base64, at most 100 chunks. */
export const MEDIA_LIMITS = {
  chunkBytes: 512 * 1024,
  maxChunks: 100,
  minBytes: 5,
  maxBytes: { image: 10 * MB, file: 20 * MB },
  /** A media_id lives 3 days; it is reused for a day less, so a queued send never carries a lapsed one. */
  reuseMs: 2 * 24 * 3600_000,
  /** A refused chunk is sent again (WeCom takes a repeated chunk as the same) this many times in all. */
  chunkTries: 3,
};

export type MediaType = 'image' | 'file';

/** Where the bytes of an outbox picture or file sit: base64 in its content. */
export function mediaOf(item: ChannelItem): { type: MediaType; filename: string; bytes: Buffer } | undefined {
  if (item.msgtype !== 'image' && item.msgtype !== 'file') return undefined;
  const bytes = Buffer.from(item.content, 'base64');
  return { type: item.msgtype, filename: item.filename ?? (item.msgtype === 'image' ? 'image.png' : 'file'), bytes };
}

const keyOf = (m: { type: MediaType; filename: string; bytes: Buffer }) =>
  `${m.type}:${createHash('sha256').update(m.bytes).digest('hex')}:${m.filename}`;

/**
 * Uploads pictures and files over the long connection in chunks and remembers each media_id while WeCom
 * keeps it (shared by every instance in media_uploads). Nothing is sent until the upload has finished.
 */
export function createMediaUploader(d: { models: Models; clock: Clock; log: Logger; keeper(): Keeper | undefined }) {
  const { MediaUpload } = d.models;

  async function reusable(key: string): Promise<string | undefined> {
    const doc = await MediaUpload.findOne({ _id: key, reuseUntil: { $gt: d.clock.now() } }).lean();
    return doc?.mediaId;
  }

  /** Refuses for good what WeCom would refuse: too small, too big for its type, too many chunks. */
  function check(m: { type: MediaType; bytes: Buffer }): void {
    const max = MEDIA_LIMITS.maxBytes[m.type];
    if (m.bytes.length < MEDIA_LIMITS.minBytes || m.bytes.length > max)
      throw new WecomApiError(
        undefined,
        `${m.type} of ${m.bytes.length} bytes: WeCom takes ${MEDIA_LIMITS.minBytes}…${max}`,
        false,
      );
  }

  /** Uploads in chunks (chunked-upload.ts), then remembers the media_id for every instance. */
  async function upload(m: { type: MediaType; filename: string; bytes: Buffer }, key: string): Promise<string> {
    const mediaId = await uploadInChunks(d.keeper, d.log, MEDIA_LIMITS, m);
    const now = d.clock.now();
    await MediaUpload.updateOne(
      { _id: key },
      { $set: { mediaId, uploadedAt: now, reuseUntil: new Date(now.getTime() + MEDIA_LIMITS.reuseMs) } },
      { upsert: true },
    );
    return mediaId;
  }

  return {
    /** Drops a reused media_id after WeCom refused a send with it (it may have lapsed early). */
    async forget(item: ChannelItem): Promise<void> {
      const m = mediaOf(item);
      if (m) await MediaUpload.deleteOne({ _id: keyOf(m) });
    },
    /** True when the item carries bytes without a media_id still valid: sending it costs an upload. */
    async needsUpload(item: ChannelItem): Promise<boolean> {
      const m = mediaOf(item);
      return m !== undefined && (await reusable(keyOf(m))) === undefined;
    },
    /** The frame that sends this item: markdown as it is, a picture or file after its upload (or a reused id). */
    async frameFor(item: ChannelItem, chatid: string, chatType: 1 | 2, markdown: string): Promise<OutFrame> {
      const m = mediaOf(item);
      // A notice with choices goes as its card (the text is for channels without cards).
      if (!m && item.card) return sendCardFrame(chatid, chatType, JSON.parse(item.card) as Card);
      if (!m) return sendFrame(chatid, chatType, markdown);
      check(m);
      const key = keyOf(m);
      const mediaId = (await reusable(key)) ?? (await upload(m, key));
      return sendMediaFrame(chatid, chatType, m.type, mediaId);
    },
  };
}

export type MediaUploader = ReturnType<typeof createMediaUploader>;
