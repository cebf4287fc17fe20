import { randomBytes } from 'node:crypto';
import type { TokenCache } from './access-token';
import { type ApiCaller, WecomApiError } from './api-call';

/** What the self-built app's media/upload takes as a `file` (WeCom: more than 5 bytes, at most 20 MB). */
const APP_FILE_BYTES = { min: 5, max: 20 * 1024 * 1024 };

/**
 * The multipart body of media/upload: one part named `media` with the file's name and length, as WeCom's
 * documentation shows it. Our file names never hold quotes or line breaks; any would be replaced.
 */
export function multipartFile(filename: string, bytes: Buffer): { contentType: string; body: Buffer<ArrayBuffer> } {
  const boundary = `----daibiao${randomBytes(12).toString('hex')}`;
  const name = filename.replace(/["\r\n\\]/g, '_');
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="media"; filename="${name}"; filelength=${bytes.length}\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
  };
}

/** Uploads a file to the app's temporary media and returns its media_id. */
export async function uploadAppFile(
  o: { apiBase: () => string; api: ApiCaller; tokens: TokenCache },
  filename: string,
  bytes: Buffer,
): Promise<string> {
  // What WeCom refuses whatever the retry: the outbox gives such a file up at once.
  if (bytes.length < APP_FILE_BYTES.min || bytes.length > APP_FILE_BYTES.max)
    throw new WecomApiError(undefined, `media/upload: a file of ${bytes.length} bytes`, false);
  const form = multipartFile(filename, bytes);
  const json = await o.tokens.withToken('media/upload', (t) =>
    o.api.request(
      `${o.apiBase()}/cgi-bin/media/upload?access_token=${encodeURIComponent(t)}&type=file`,
      { method: 'POST', headers: { 'content-type': form.contentType }, body: form.body },
      'media/upload',
    ),
  );
  const mediaId = typeof json.media_id === 'string' ? json.media_id : '';
  // Never a file message without its media: the item is tried again (uploading again) later.
  if (!mediaId) throw new WecomApiError(undefined, 'media/upload: no media_id', true);
  return mediaId;
}
