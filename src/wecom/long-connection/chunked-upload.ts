import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { WecomApiError } from '../api-call';
import { uploadChunkFrame, uploadFinishFrame, uploadInitFrame } from './frames';
import type { Keeper } from './keeper';
import { requestAck } from './request';

/** WeCom's upload session (aibot_upload_media_*): its chunk size and count, and how often a chunk is sent again. */
export interface ChunkLimits {
  chunkBytes: number;
  chunkTries: number;
}

async function sendChunk(
  keeper: () => Keeper | undefined,
  log: Logger,
  limits: ChunkLimits,
  at: { uploadId: string; index: number; data: Buffer },
): Promise<void> {
  let last = { errcode: 0, errmsg: '' };
  for (let attempt = 1; attempt <= limits.chunkTries; attempt++) {
    const frame = uploadChunkFrame(at.uploadId, at.index, at.data);
    const ack = await requestAck(keeper(), frame, 'aibot_upload_media_chunk');
    if (ack.errcode === 0) return;
    last = ack;
    log.warn({ errcode: ack.errcode, chunk: at.index, attempt }, 'upload chunk refused; sending it again');
  }
  // The session is abandoned (WeCom drops it after 30 minutes); the item retries with a fresh one.
  throw new WecomApiError(
    last.errcode,
    `aibot_upload_media_chunk ${at.index}: ${last.errmsg.slice(0, 200)} (${limits.chunkTries} tries)`,
    true,
  );
}

/** One upload session: init, every chunk in order, finish; the media_id WeCom gives at the end. */
export async function uploadInChunks(
  keeper: () => Keeper | undefined,
  log: Logger,
  limits: ChunkLimits,
  m: { type: 'image' | 'file'; filename: string; bytes: Buffer },
): Promise<string> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < m.bytes.length; at += limits.chunkBytes)
    chunks.push(m.bytes.subarray(at, at + limits.chunkBytes));
  const md5 = createHash('md5').update(m.bytes).digest('hex');
  const init = await requestAck(
    keeper(),
    uploadInitFrame({ type: m.type, filename: m.filename, totalSize: m.bytes.length, totalChunks: chunks.length, md5 }),
    'aibot_upload_media_init',
  );
  const uploadId = init.body?.upload_id;
  if (init.errcode !== 0 || typeof uploadId !== 'string' || !uploadId)
    throw new WecomApiError(init.errcode, `aibot_upload_media_init: ${init.errmsg.slice(0, 200)}`, true);
  for (const [index, data] of chunks.entries()) await sendChunk(keeper, log, limits, { uploadId, index, data });
  const fin = await requestAck(keeper(), uploadFinishFrame(uploadId), 'aibot_upload_media_finish');
  const mediaId = fin.body?.media_id;
  if (fin.errcode !== 0 || typeof mediaId !== 'string' || !mediaId)
    throw new WecomApiError(fin.errcode, `aibot_upload_media_finish: ${fin.errmsg.slice(0, 200)}`, true);
  log.info({ type: m.type, bytes: m.bytes.length, chunks: chunks.length }, 'media uploaded over the long connection');
  return mediaId;
}
