import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { type TemplateCardJson, cardText } from './cards';

// Builds callbacks exactly as WeCom does: AES-256-CBC ciphertext, SHA-1 signature over sorted parts.

export interface TestKeys {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

export const TEST_KEYS: TestKeys = {
  token: 'test-token-0123456789',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  corpId: 'ww-test-corp',
};

let counter = 0;
export function nextMsgId(): string {
  counter += 1;
  return `m${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 8)}`;
}

export function signedQuery(
  keys: TestKeys,
  ciphertext: string,
  timestamp: number,
  nonce = String(1000000000 + counter),
): Record<string, string> {
  const ts = String(timestamp);
  return { msg_signature: getSignature(keys.token, ts, nonce, ciphertext), timestamp: ts, nonce };
}

export interface BotTextOptions {
  msgid?: string;
  userid: string;
  text: string;
  chattype?: 'group' | 'single';
  chatid?: string;
  responseUrl?: string;
}

export function botTextPlaintext(o: BotTextOptions): string {
  return JSON.stringify({
    msgid: o.msgid ?? nextMsgId(),
    aibotid: 'aib-test',
    chatid: o.chattype === 'single' ? undefined : (o.chatid ?? 'wr-group-1'),
    chattype: o.chattype ?? 'group',
    from: { userid: o.userid },
    response_url: o.responseUrl,
    msgtype: 'text',
    text: { content: o.text },
  });
}

export function botEnvelope(keys: TestKeys, plaintext: string): { body: string; ciphertext: string } {
  const ciphertext = encrypt(keys.encodingAesKey, plaintext, '');
  return { body: JSON.stringify({ encrypt: ciphertext }), ciphertext };
}

export function appTextPlaintext(o: {
  userid: string;
  text: string;
  msgId?: string;
  corpId: string;
  createTime?: number;
}): string {
  return `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><FromUserName><![CDATA[${o.userid}]]></FromUserName><CreateTime>${o.createTime ?? 1764000000}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${o.text}]]></Content><MsgId>${o.msgId ?? String(Date.now()) + String(++counter)}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function appEnvelope(
  keys: TestKeys,
  plaintext: string,
  receiveId = keys.corpId,
): { body: string; ciphertext: string } {
  const ciphertext = encrypt(keys.encodingAesKey, plaintext, receiveId);
  return {
    body: `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><Encrypt><![CDATA[${ciphertext}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`,
    ciphertext,
  };
}

/** Decrypts a smart-bot passive reply after checking its signature; returns the stream content. */
export function readBotReply(
  keys: TestKeys,
  body: string,
): { content: string; json: Record<string, unknown>; nonce: string } {
  const env = JSON.parse(body) as { encrypt: string; msgsignature: string; timestamp: number; nonce: string };
  const expected = getSignature(keys.token, String(env.timestamp), env.nonce, env.encrypt);
  if (expected !== env.msgsignature) throw new Error('reply signature does not verify');
  const { message, id } = decrypt(keys.encodingAesKey, env.encrypt);
  if (id !== '') throw new Error(`bot reply has receive id ${id}`);
  const json = JSON.parse(message) as {
    msgtype: string;
    stream?: { content: string; finish: boolean };
    text?: { content: string };
    template_card?: TemplateCardJson;
  };
  // A card reads as its text (title, lines, buttons): what the person sees instead of a stream.
  const content =
    json.msgtype === 'stream'
      ? (json.stream?.content ?? '')
      : json.template_card
        ? cardText(json.template_card)
        : (json.text?.content ?? '');
  return { content, json, nonce: env.nonce };
}

/** Decrypts an app-mode XML passive reply after checking its signature; returns the text content. */
export function readAppReply(keys: TestKeys, body: string): { content: string; toUser: string } {
  const message = decryptAppReply(keys, body);
  return { content: pickTag(message, 'Content'), toUser: pickTag(message, 'ToUserName') };
}

/** One element's text in WeCom's XML (CDATA or not). */
export function pickTag(xml: string, tag: string): string {
  return new RegExp(`<${tag}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${tag}>`).exec(xml)?.[1] ?? '';
}

/** The XML inside an app-mode passive reply, after checking its signature and receive id. */
export function decryptAppReply(keys: TestKeys, body: string): string {
  const encryptText = pickTag(body, 'Encrypt');
  const sig = pickTag(body, 'MsgSignature');
  const ts = pickTag(body, 'TimeStamp');
  const nonce = pickTag(body, 'Nonce');
  if (getSignature(keys.token, ts, nonce, encryptText) !== sig) throw new Error('app reply signature does not verify');
  const { message, id } = decrypt(keys.encodingAesKey, encryptText);
  if (id !== keys.corpId) throw new Error(`app reply has receive id ${id}`);
  return message;
}

/** WeCom's refresh of an unfinished stream: msgtype "stream" with the stream id, no response_url. */
export function streamPollPlaintext(o: { userid: string; streamId: string; msgid?: string }): string {
  return JSON.stringify({
    msgid: o.msgid ?? nextMsgId(),
    aibotid: 'aib-test',
    chattype: 'group',
    chatid: 'wr-group-1',
    from: { userid: o.userid },
    msgtype: 'stream',
    stream: { id: o.streamId },
  });
}
