import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CallbackRejected } from './crypto';
import type { InboundMessage, SecretTap } from '../dispatcher/contract';
import { appCardTap, cardTapId } from './card-events';

// Self-built app (自建应用) callback mode: XML envelope; receive id is the corp id.

// Entities and DOCTYPEs are refused before parsing (no XXE, no entity expansion bombs).
const parser = new XMLParser({
  processEntities: false,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: false,
});

function parseXml(xml: string, what: string): Record<string, unknown> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CallbackRejected(400, `${what} contains a DTD`);
  let doc: { xml?: unknown };
  try {
    if (XMLValidator.validate(xml) !== true) throw new CallbackRejected(400, `${what} is not well-formed XML`);
    // The parser throws plain Errors (nesting limit, reserved names such as __proto__): all are bad input.
    doc = parser.parse(xml) as { xml?: unknown };
  } catch (err) {
    if (err instanceof CallbackRejected) throw err;
    throw new CallbackRejected(400, `${what} is refused by the XML parser`);
  }
  if (!doc.xml || typeof doc.xml !== 'object' || Array.isArray(doc.xml))
    throw new CallbackRejected(400, `${what} has no <xml> root`);
  return doc.xml as Record<string, unknown>;
}

function field(doc: Record<string, unknown>, name: string): string | undefined {
  const v = doc[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return undefined;
}

// The envelope is read without an XML parser: only <Encrypt> matters, and nothing bigger than the
// envelope is parsed before the signature over it has been checked.
const ENCRYPT = /<Encrypt>\s*(?:<!\[CDATA\[\s*([A-Za-z0-9+/=]+)\s*\]\]>|([A-Za-z0-9+/=]+))\s*<\/Encrypt>/g;
/** What may surround the ciphertext: ToUserName, AgentID and whitespace, well under this. */
const MAX_ENVELOPE_REST = 2048;

export function readAppEnvelope(body: string): string {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new CallbackRejected(400, 'body contains a DTD');
  const xml = body.replace(/^<\?xml[^>]{0,100}\?>\s*/, '');
  if (!xml.startsWith('<xml>') || !xml.endsWith('</xml>'))
    throw new CallbackRejected(400, 'body is not a WeCom XML envelope');
  const found = [...xml.matchAll(ENCRYPT)];
  if (found.length !== 1) throw new CallbackRejected(400, 'XML body needs exactly one Encrypt');
  const match = found[0]!;
  if (xml.length - match[0].length > MAX_ENVELOPE_REST) throw new CallbackRejected(400, 'XML envelope is too big');
  return (match[1] ?? match[2] ?? '').trim();
}

export function parseAppPlaintext(
  plaintext: string,
  receivedAt: Date,
  replyLimitBytes: number,
  secretTap: SecretTap,
): InboundMessage {
  const doc = parseXml(plaintext, 'decrypted payload');
  const senderId = field(doc, 'FromUserName');
  const msgType = field(doc, 'MsgType');
  if (!senderId || !msgType) throw new CallbackRejected(400, 'decrypted payload lacks FromUserName or MsgType');
  // Events carry no MsgId; their identity is sender + time + event.
  const msgId =
    field(doc, 'MsgId') ?? `${senderId}:${field(doc, 'CreateTime') ?? ''}:${field(doc, 'Event') ?? msgType}`;
  const base = { id: `app:${msgId}`, senderId, chat: { type: 'single' as const }, replyLimitBytes, receivedAt };
  if (msgType === 'text') return { ...base, kind: 'text', text: field(doc, 'Content') ?? '' };
  // A picture: fetched by MediaId through media/get (PicUrl is not used: see README「照片」).
  if (msgType === 'image') {
    const mediaId = field(doc, 'MediaId');
    if (mediaId && mediaId.length <= 512) return { ...base, kind: 'text', text: '', images: [{ mediaId }] };
  }
  if (msgType === 'event') {
    const event = field(doc, 'Event') ?? 'unknown';
    const card = event === 'template_card_event' ? appCardTap(doc) : undefined;
    if (card) return { ...base, id: cardTapId('app', senderId, card, secretTap), kind: 'event', event, text: '', card };
    return { ...base, kind: 'event', event, text: '' };
  }
  return { ...base, kind: 'unsupported', text: '' };
}

function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function appReplyPlaintext(toUser: string, corpId: string, text: string, nowSeconds: number): string {
  return `<xml><ToUserName>${cdata(toUser)}</ToUserName><FromUserName>${cdata(corpId)}</FromUserName><CreateTime>${nowSeconds}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(text)}</Content></xml>`;
}

/** The passive answer to a card tap: the tapped button takes a new name (update_button), for the tapper only. */
export function appButtonReplyPlaintext(toUser: string, corpId: string, name: string, nowSeconds: number): string {
  return `<xml><ToUserName>${cdata(toUser)}</ToUserName><FromUserName>${cdata(corpId)}</FromUserName><CreateTime>${nowSeconds}</CreateTime><MsgType>${cdata('update_button')}</MsgType><Button><ReplaceName>${cdata(name)}</ReplaceName></Button></xml>`;
}

export function appReplyEnvelope(encrypt: string, signature: string, timestamp: string, nonce: string): string {
  return `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}
