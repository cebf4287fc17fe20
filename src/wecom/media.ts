import { createCipheriv, createDecipheriv } from 'node:crypto';
import { type PhotoRef, PhotoRefused, type PhotoSource } from '../services/photos';

export interface MediaOptions {
  /** The callback mode's EncodingAESKey: the key of pictures that carry no `aeskey` of their own. */
  encodingAesKey: string;
  maxBytes: number;
  timeoutMs: number;
  /** Test and demo seam (config): a fake WeCom on 127.0.0.1 / localhost may serve plain http. */
  allowLoopbackHttp: boolean;
  /** The self-built app's media/get URL with a fresh access token; undefined when the app secret is not set. */
  mediaGetUrl?: (forceToken: boolean) => Promise<string>;
  fetch?: typeof fetch;
}

const TOKEN_EXPIRED = new Set([40014, 42001]);
const MAX_REDIRECTS = 3;

function allowedUrl(raw: string, allowLoopbackHttp: boolean): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return allowLoopbackHttp && url.protocol === 'http:' && loopback ? url : undefined;
}

/** The 32-byte AES key from an EncodingAESKey or a per-file `aeskey` (base64, with or without its `=`). */
export function aesKeyOf(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.length === 43 ? `${trimmed}=` : trimmed, 'base64');
  return key.length === 32 ? key : undefined;
}

/** AES-256-CBC, IV = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks (WeCom's file encryption). */
export function decryptMedia(data: Buffer, key: Buffer): Buffer {
  if (data.length === 0 || data.length % 16 !== 0) throw new PhotoRefused('undecryptable', 'length');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new PhotoRefused('undecryptable', 'cipher');
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > 32 || pad > plain.length) throw new PhotoRefused('undecryptable', 'padding');
  for (let i = plain.length - pad; i < plain.length; i++) {
    if (plain[i] !== pad) throw new PhotoRefused('undecryptable', 'padding');
  }
  return plain.subarray(0, plain.length - pad);
}

/** The other direction, as WeCom encrypts a file (the demo's simulator serves pictures this way). */
export function encryptMedia(plain: Buffer, key: Buffer): Buffer {
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]);
}

/** Reads at most `limit` bytes; stops reading (and cancels the download) as soon as there are more. */
async function readCapped(res: Response, limit: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw new PhotoRefused('tooLarge', `declared ${declared}`);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PhotoRefused('tooLarge', `over ${limit}`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function isTimeout(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Fetches WeCom's pictures: smart-bot file URLs (encrypted) and self-built app media (media/get). */
export function createMediaSource(o: MediaOptions): PhotoSource {
  const doFetch = o.fetch ?? fetch;
  // AES padding adds at most one 32-byte block to the file.
  const encryptedLimit = o.maxBytes + 32;

  async function get(start: URL, signal: AbortSignal): Promise<Response> {
    let url = start;
    for (let hop = 0; ; hop++) {
      const res = await doFetch(url, { redirect: 'manual', signal });
      if (res.status < 300 || res.status >= 400) return res;
      await res.body?.cancel().catch(() => undefined);
      const next = res.headers.get('location');
      const target = next ? allowedUrl(new URL(next, url).toString(), o.allowLoopbackHttp) : undefined;
      if (!target || hop >= MAX_REDIRECTS) throw new PhotoRefused('unavailable', 'redirect refused');
      url = target;
    }
  }

  async function fromUrl(ref: { url: string; aeskey?: string }, signal: AbortSignal): Promise<Buffer> {
    const url = allowedUrl(ref.url, o.allowLoopbackHttp);
    if (!url) throw new PhotoRefused('unavailable', 'not an https URL');
    const key = aesKeyOf(ref.aeskey ?? o.encodingAesKey);
    if (!key) throw new PhotoRefused('undecryptable', 'bad key');
    const res = await get(url, signal);
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new PhotoRefused('unavailable', `HTTP ${res.status}`);
    }
    // An expired link may come back as a JSON error with status 200.
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      await res.body?.cancel().catch(() => undefined);
      throw new PhotoRefused('unavailable', 'JSON answer');
    }
    return decryptMedia(await readCapped(res, encryptedLimit), key);
  }

  async function fromMedia(mediaId: string, signal: AbortSignal): Promise<Buffer> {
    if (!o.mediaGetUrl) throw new PhotoRefused('appChannel', 'no app secret');
    for (let attempt = 0; attempt < 2; attempt++) {
      const base = await o.mediaGetUrl(attempt > 0);
      const res = await doFetch(`${base}&media_id=${encodeURIComponent(mediaId)}`, { signal });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new PhotoRefused('unavailable', `HTTP ${res.status}`);
      }
      if ((res.headers.get('content-type') ?? '').includes('json')) {
        const json = (await res.json().catch(() => ({}))) as { errcode?: number };
        if (TOKEN_EXPIRED.has(json.errcode ?? 0) && attempt === 0) continue;
        throw new PhotoRefused('unavailable', `errcode ${json.errcode ?? '?'}`);
      }
      // media/get hands out the plain file.
      return readCapped(res, o.maxBytes);
    }
    throw new PhotoRefused('unavailable', 'token');
  }

  return {
    async fetch(ref: PhotoRef): Promise<Buffer> {
      const signal = AbortSignal.timeout(o.timeoutMs);
      try {
        return 'mediaId' in ref ? await fromMedia(ref.mediaId, signal) : await fromUrl(ref, signal);
      } catch (err) {
        if (err instanceof PhotoRefused) throw err;
        if (isTimeout(err) || signal.aborted) throw new PhotoRefused('timeout', 'download');
        throw new PhotoRefused('unavailable', (err as Error).name);
      }
    },
  };
}
