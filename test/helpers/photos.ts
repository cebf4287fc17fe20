import { createCipheriv } from 'node:crypto';
import sharp from 'sharp';
import type { Harness } from './harness';
import {
  appEnvelope,
  botEnvelope,
  nextMsgId,
  readAppReply,
  readBotReply,
  signedQuery,
  TEST_KEYS,
} from './wecom-payloads';

// Pictures as WeCom delivers them: files encrypted with AES-256-CBC (IV = the key's first 16 bytes,
// PKCS#7 to 32-byte blocks) at a short-lived URL on the fake WeCom, and the callbacks that point at them.

/** Encrypts a file the way WeCom encrypts picture downloads; the key is base64 (43 chars, or 44 with '='). */
export function encryptMedia(plain: Buffer, keyText = TEST_KEYS.encodingAesKey): Buffer {
  const key = Buffer.from(keyText.length === 43 ? `${keyText}=` : keyText, 'base64');
  const pad = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]);
}

/** A real JPEG (or PNG) of one colour; `gps` writes an EXIF location. */
export async function makePhoto(
  o: { width?: number; height?: number; color?: [number, number, number]; png?: boolean; gps?: boolean } = {},
): Promise<Buffer> {
  const [r, g, b] = o.color ?? [200, 40, 40];
  const img = sharp({ create: { width: o.width ?? 64, height: o.height ?? 48, channels: 3, background: { r, g, b } } });
  if (o.png) return img.png().toBuffer();
  const jpeg = img.jpeg({ quality: 90 });
  if (!o.gps) return jpeg.toBuffer();
  return jpeg
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 14/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 0/1',
      },
    })
    .toBuffer();
}

let served = 0;
/** Serves bytes (encrypted with `key` unless `raw`) at a fake-WeCom URL; returns the URL and the id. */
export function servePhoto(
  h: Harness,
  bytes: Buffer,
  o: { key?: string; raw?: boolean; status?: number; delayMs?: number; contentType?: string } = {},
): { url: string; id: string } {
  served += 1;
  const id = `pic-${served}-${Math.random().toString(36).slice(2, 8)}`;
  const body = o.raw ? bytes : encryptMedia(bytes, o.key);
  const path = h.wecom.serveMedia(id, body, { status: o.status, delayMs: o.delayMs, contentType: o.contentType });
  return { url: `${h.fakeBaseUrl}${path}`, id };
}

type BotImage = { url: string; aeskey?: string };

/** A smart-bot callback (JSON, encrypted, signed) with a body of our choosing; returns the reply's text. */
export async function sendBot(h: Harness, body: Record<string, unknown>): Promise<string> {
  const plain = JSON.stringify({ msgid: nextMsgId(), aibotid: 'aib-test', ...body });
  const { body: env, ciphertext } = botEnvelope(TEST_KEYS, plain);
  const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), env, 'application/json');
  if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${res.text}`);
  return res.text ? readBotReply(TEST_KEYS, res.text).content : '';
}

/** A one-to-one `image` message from the smart bot. */
export function sendBotImage(h: Harness, userid: string, image: BotImage, msgid?: string): Promise<string> {
  return sendBot(h, {
    ...(msgid ? { msgid } : {}),
    chattype: 'single',
    from: { userid },
    msgtype: 'image',
    image,
  });
}

/** A `mixed` message (text and pictures), in the group unless said otherwise. */
export function sendBotMixed(
  h: Harness,
  userid: string,
  text: string,
  images: BotImage[],
  chattype: 'group' | 'single' = 'group',
): Promise<string> {
  return sendBot(h, {
    chattype,
    ...(chattype === 'group' ? { chatid: 'wr-group-1' } : {}),
    from: { userid },
    msgtype: 'mixed',
    mixed: {
      msg_item: [
        { msgtype: 'text', text: { content: `@代表助手 ${text}` } },
        ...images.map((image) => ({ msgtype: 'image', image })),
      ],
    },
  });
}

/** A self-built app `image` message (XML), fetched by MediaId. */
export async function sendAppImage(h: Harness, userid: string, mediaId: string): Promise<string> {
  const xml = `<xml><ToUserName><![CDATA[${TEST_KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[${userid}]]></FromUserName><CreateTime>1764000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[https://wework.qpic.cn/x]]></PicUrl><MediaId><![CDATA[${mediaId}]]></MediaId><MsgId>${nextMsgId().replace(/\D/g, '') || '1'}${Date.now()}</MsgId><AgentID>1000002</AgentID></xml>`;
  const { body, ciphertext } = appEnvelope(TEST_KEYS, xml);
  const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'text/xml');
  if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${res.text}`);
  return res.text ? readAppReply(TEST_KEYS, res.text).content : '';
}

/** How many files the photo bucket holds (originals and thumbnails). */
export async function gridFsFiles(h: Harness): Promise<number> {
  return h.db.connection.collection('photos.files').countDocuments();
}
