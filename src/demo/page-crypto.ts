/**
 * WeCom's callback crypto for the simulator page, as browser JavaScript on WebCrypto. It is a
 * string because it runs in the browser; test/unit/demo-page-crypto.spec.ts runs it under Node's
 * WebCrypto against @wecom/crypto, so both directions are proven compatible with the server.
 *
 * WebCrypto's AES-CBC always applies PKCS#7 with 16-byte blocks, while WeCom pads to 32 bytes:
 * - encrypt: pre-pad to 32 yourself, encrypt, drop WebCrypto's extra final block (CBC makes the
 *   remaining bytes exactly the unpadded encryption);
 * - decrypt: append C' = E(lastBlock XOR 0x10*16) so WebCrypto sees one valid padding block, then
 *   strip WeCom's own 32-byte padding.
 * Defines: wecomKeys(aesKey), wecomEncrypt(keys, text, receiveId), wecomDecrypt(keys, b64),
 * wecomSignature(token, timestamp, nonce, encrypt).
 */
export const browserCryptoJs = String.raw`
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

function base64ToBytes(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToBase64(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return btoa(bin);
}

async function wecomKeys(encodingAesKey) {
  const raw = base64ToBytes(encodingAesKey + '=');
  if (raw.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
  const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']);
  return { key: key, iv: raw.slice(0, 16) };
}

async function wecomEncrypt(keys, text, receiveId) {
  const msg = utf8.encode(text);
  const id = utf8.encode(receiveId);
  const len = 20 + msg.length + id.length;
  const pad = 32 - (len % 32);
  const plain = new Uint8Array(len + pad);
  crypto.getRandomValues(plain.subarray(0, 16));
  new DataView(plain.buffer).setUint32(16, msg.length, false);
  plain.set(msg, 20);
  plain.set(id, 20 + msg.length);
  plain.fill(pad, len);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: keys.iv }, keys.key, plain));
  return bytesToBase64(sealed.subarray(0, plain.length));
}

async function wecomDecrypt(keys, b64) {
  const sealed = base64ToBytes(b64);
  if (sealed.length < 32 || sealed.length % 16 !== 0) throw new Error('ciphertext has a bad length');
  const last = sealed.slice(sealed.length - 16);
  const tail = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: last }, keys.key, new Uint8Array(16).fill(16)));
  const whole = new Uint8Array(sealed.length + 16);
  whole.set(sealed, 0);
  whole.set(tail.subarray(0, 16), sealed.length);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: keys.iv }, keys.key, whole));
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 32 || pad > plain.length - 20) throw new Error('bad padding');
  const body = plain.subarray(0, plain.length - pad);
  const msgLen = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(16, false);
  if (20 + msgLen > body.length) throw new Error('bad length prefix');
  return { message: fromUtf8.decode(body.subarray(20, 20 + msgLen)), receiveId: fromUtf8.decode(body.subarray(20 + msgLen)) };
}

async function wecomSignature(token, timestamp, nonce, encrypt) {
  const joined = [token, String(timestamp), nonce, encrypt].sort().join('');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', utf8.encode(joined)));
  return Array.from(digest, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
}
`;
