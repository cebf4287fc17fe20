import { createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';

/** Why a callback was refused; the transport maps every one of these to a 4xx. */
export class CallbackRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 408 | 413 | 415,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export interface CryptoKeys {
  token: string;
  encodingAesKey: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function signatureOf(keys: CryptoKeys, timestamp: string, nonce: string, ciphertext: string): string {
  return getSignature(keys.token, timestamp, nonce, ciphertext);
}

/** Constant-time signature check plus a freshness window on the timestamp. */
export function verifySignature(
  keys: CryptoKeys,
  q: { signature?: string; timestamp?: string; nonce?: string },
  ciphertext: string,
  nowMs: number,
  skewSeconds: number,
): void {
  const { signature, timestamp, nonce } = q;
  if (!signature || !timestamp || !nonce) throw new CallbackRejected(400, 'missing msg_signature, timestamp or nonce');
  if (!/^\d{1,12}$/.test(timestamp)) throw new CallbackRejected(400, 'malformed timestamp');
  if (nonce.length > 64) throw new CallbackRejected(400, 'malformed nonce');
  const expected = Buffer.from(signatureOf(keys, timestamp, nonce, ciphertext));
  // Hash both sides to equal length so timingSafeEqual never throws and leaks no length.
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(signature.toLowerCase()).digest();
  if (!timingSafeEqual(a, b)) throw new CallbackRejected(401, 'bad signature');
  const age = Math.abs(nowMs / 1000 - Number(timestamp));
  if (age > skewSeconds) throw new CallbackRejected(403, 'stale timestamp');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8OrReject(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new CallbackRejected(400, `${what} is not valid UTF-8`);
  }
}

/**
 * Decrypts a WeCom ciphertext. @wecom/crypto's decrypt checks neither the padding nor the inner
 * length field, so a random but correctly signed ciphertext "decrypts" to garbage with an empty
 * receive id; this one refuses anything WeCom would not have produced.
 */
export function decryptPayload(
  keys: CryptoKeys,
  ciphertext: string,
  expectedReceiveId: string | readonly string[],
): string {
  if (!ciphertext || ciphertext.length % 4 !== 0 || !BASE64.test(ciphertext))
    throw new CallbackRejected(400, 'ciphertext is not base64');
  const raw = Buffer.from(ciphertext, 'base64');
  if (raw.length < 32 || raw.length % 16 !== 0) throw new CallbackRejected(400, 'ciphertext has a bad length');
  const key = Buffer.from(`${keys.encodingAesKey}=`, 'base64');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(raw), decipher.final()]);
  } catch {
    throw new CallbackRejected(400, 'ciphertext does not decrypt');
  }
  // PKCS#7 to 32-byte blocks: 1..32 bytes, all equal to the count.
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > 32 || pad > plain.length) throw new CallbackRejected(400, 'ciphertext has bad padding');
  for (let i = plain.length - pad; i < plain.length; i++)
    if (plain[i] !== pad) throw new CallbackRejected(400, 'ciphertext has bad padding');
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw new CallbackRejected(400, 'ciphertext is too short');
  const length = body.readUInt32BE(16);
  if (length > body.length - 20) throw new CallbackRejected(400, 'length field out of range');
  const message = utf8OrReject(body.subarray(20, 20 + length), 'decrypted message');
  const id = utf8OrReject(body.subarray(20 + length), 'receive id');
  const allowed: readonly string[] = typeof expectedReceiveId === 'string' ? [expectedReceiveId] : expectedReceiveId;
  if (!allowed.includes(id)) throw new CallbackRejected(400, 'wrong receive id');
  return message;
}

/** WeCom's echostr decrypts to a short printable token (digits in practice); anything else is not from WeCom. */
export function checkEcho(plain: string): string {
  if (!/^[\x21-\x7e]{1,256}$/.test(plain))
    throw new CallbackRejected(400, 'echostr plaintext is not a printable token');
  return plain;
}

export function encryptPayload(keys: CryptoKeys, plaintext: string, receiveId: string): string {
  return encrypt(keys.encodingAesKey, plaintext, receiveId, randomBytes(16));
}
