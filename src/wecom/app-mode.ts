import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CallbackRejected } from './crypto';
import type { InboundMessage } from '../dispatcher/contract';

// Self-built app (自建应用) callback mode: XML envelope; receive id is the corp id.

// Entities and DOCTYPEs are refused before parsing (no XXE, no entity expansion bombs).
const parser = new XMLParser({ processEntities: false, ignoreDeclaration: true, parseTagValue: false, trimValues: false });

function parseXml(xml: string, what: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CallbackRejected(400, `${what} contains a DTD`);
  if (XMLValidator.validate(xml) !== true) throw new CallbackRejected(400, `${what} is not well-formed XML`);
  const doc = parser.parse(xml) as { xml?: Record<string, unknown> };
  if (!doc.xml || typeof doc.xml !== 'object') throw new CallbackRejected(400, `${what} has no <xml> root`);
  return doc.xml;
}

function field(doc: Record<string, unknown>, name: string): string | undefined {
  const v = doc[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return undefined;
}

export function readAppEnvelope(body: string): string {
  const doc = parseXml(body, 'body');
  const encrypt = field(doc, 'Encrypt');
  if (!encrypt) throw new CallbackRejected(400, 'XML body has no Encrypt');
  return encrypt.trim();
}

export function parseAppPlaintext(plaintext: string, receivedAt: Date, replyLimitBytes: number): InboundMessage {
  const doc = parseXml(plaintext, 'decrypted payload');
  const senderId = field(doc, 'FromUserName');
  const msgType = field(doc, 'MsgType');
  if (!senderId || !msgType) throw new CallbackRejected(400, 'decrypted payload lacks FromUserName or MsgType');
  // Events carry no MsgId; their identity is sender + time + event.
  const msgId = field(doc, 'MsgId') ?? `${senderId}:${field(doc, 'CreateTime') ?? ''}:${field(doc, 'Event') ?? msgType}`;
  const base = { id: `app:${msgId}`, senderId, chat: { type: 'single' as const }, replyLimitBytes, receivedAt };
  if (msgType === 'text') return { ...base, kind: 'text', text: field(doc, 'Content') ?? '' };
  if (msgType === 'event') return { ...base, kind: 'event', event: field(doc, 'Event') ?? 'unknown', text: '' };
  return { ...base, kind: 'unsupported', text: '' };
}

function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function appReplyPlaintext(toUser: string, corpId: string, text: string, nowSeconds: number): string {
  return `<xml><ToUserName>${cdata(toUser)}</ToUserName><FromUserName>${cdata(corpId)}</FromUserName><CreateTime>${nowSeconds}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(text)}</Content></xml>`;
}

export function appReplyEnvelope(encrypt: string, signature: string, timestamp: string, nonce: string): string {
  return `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}
