import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

/** Why a callback was refused; the transport maps every one of these to a 4xx. */
export class CallbackRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415,
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

/**
 * Decrypts a WeCom ciphertext. @wecom/crypto neither validates shapes nor the receive id, and it
 * throws or returns garbage on malformed input, so every check lives here.
 */
export function decryptPayload(keys: CryptoKeys, ciphertext: string, expectedReceiveId: string | readonly string[]): string {
  if (!ciphertext || ciphertext.length % 4 !== 0 || !BASE64.test(ciphertext)) throw new CallbackRejected(400, 'ciphertext is not base64');
  const raw = Buffer.from(ciphertext, 'base64');
  if (raw.length < 32 || raw.length % 16 !== 0) throw new CallbackRejected(400, 'ciphertext has a bad length');
  let out: { message: string; id: string };
  try {
    out = decrypt(keys.encodingAesKey, ciphertext);
  } catch {
    throw new CallbackRejected(400, 'ciphertext does not decrypt');
  }
  const allowed: readonly string[] = typeof expectedReceiveId === 'string' ? [expectedReceiveId] : expectedReceiveId;
  if (!allowed.includes(out.id)) throw new CallbackRejected(400, 'wrong receive id');
  // A block that lies about its inner length decrypts to a truncated message; the JSON/XML parse
  // downstream rejects it, so no record is ever written from it.
  return out.message;
}

export function encryptPayload(keys: CryptoKeys, plaintext: string, receiveId: string): string {
  return encrypt(keys.encodingAesKey, plaintext, receiveId, randomBytes(16));
}
