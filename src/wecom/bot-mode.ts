import { z } from 'zod';
import { CallbackRejected } from './crypto';
import type { InboundImage, InboundMessage, SecretTap } from '../dispatcher/contract';
import { botCardTap, cardTapId } from './card-events';

// Smart bot (智能机器人) API mode: JSON envelope {"encrypt": "..."}; receive id is ''.

const envelope = z.object({ encrypt: z.string().min(1).max(200_000) });

const imageBody = z
  .object({ url: z.string().max(4096), aeskey: z.string().max(128) })
  .partial()
  .passthrough();

const textItem = z
  .object({
    msgtype: z.string(),
    text: z.object({ content: z.string() }).partial().optional(),
    image: imageBody.optional(),
  })
  .passthrough();

const botMessage = z
  .object({
    msgid: z.string().min(1).max(128).optional(),
    aibotid: z.string().optional(),
    chatid: z.string().optional(),
    chattype: z.enum(['group', 'single']).optional(),
    from: z
      .object({ userid: z.string().min(1).max(128) })
      .partial()
      .optional(),
    response_url: z.string().url().optional(),
    msgtype: z.string(),
    text: z
      .object({ content: z.string().max(20_000) })
      .partial()
      .optional(),
    voice: z
      .object({ content: z.string().max(20_000) })
      .partial()
      .optional(),
    image: imageBody.optional(),
    mixed: z
      .object({ msg_item: z.array(textItem).max(50) })
      .partial()
      .optional(),
    event: z.object({ eventtype: z.string().optional() }).passthrough().optional(),
    stream: z.object({ id: z.string() }).partial().optional(),
  })
  .passthrough();

/** A picture body as WeCom sends it; one without a URL is dropped (nothing to fetch). */
function imageOf(body: z.infer<typeof imageBody> | undefined): InboundImage | undefined {
  if (!body?.url) return undefined;
  return body.aeskey ? { url: body.url, aeskey: body.aeskey } : { url: body.url };
}

export type BotParsed = { type: 'message'; message: InboundMessage } | { type: 'stream-poll'; streamId: string };

export function readBotEnvelope(body: string): string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new CallbackRejected(400, 'body is not JSON');
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) throw new CallbackRejected(400, 'JSON body has no encrypt field');
  return parsed.data.encrypt;
}

export function parseBotPlaintext(
  plaintext: string,
  receivedAt: Date,
  replyLimitBytes: number,
  secretTap: SecretTap,
): BotParsed {
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new CallbackRejected(400, 'decrypted payload is not JSON');
  }
  const parsed = botMessage.safeParse(json);
  if (!parsed.success) throw new CallbackRejected(400, 'decrypted payload has an unexpected shape');
  const m = parsed.data;
  if (m.msgtype === 'stream') {
    if (!m.stream?.id) throw new CallbackRejected(400, 'stream poll without id');
    return { type: 'stream-poll', streamId: m.stream.id };
  }
  const senderId = m.from?.userid;
  if (!senderId || !m.msgid) throw new CallbackRejected(400, 'message without msgid or sender');
  const base = {
    id: `bot:${m.msgid}`,
    senderId,
    chat: { type: m.chattype ?? (m.chatid ? 'group' : 'single'), id: m.chatid } as const,
    responseUrl: m.response_url,
    replyLimitBytes,
    receivedAt,
  };
  if (m.msgtype === 'text') return { type: 'message', message: { ...base, kind: 'text', text: m.text?.content ?? '' } };
  if (m.msgtype === 'mixed') {
    const items = m.mixed?.msg_item ?? [];
    const text = items
      .filter((i) => i.msgtype === 'text')
      .map((i) => i.text?.content ?? '')
      .join('\n');
    const images = items
      .filter((i) => i.msgtype === 'image')
      .map((i) => imageOf(i.image))
      .filter((i): i is InboundImage => i !== undefined);
    if (images.length) return { type: 'message', message: { ...base, kind: 'text', text, images } };
    return { type: 'message', message: { ...base, kind: text.trim() ? 'text' : 'unsupported', text } };
  }
  // WeCom sends lone pictures one-to-one only; in a group only `mixed` carries them.
  if (m.msgtype === 'image' && base.chat.type === 'single') {
    const image = imageOf(m.image);
    if (image) return { type: 'message', message: { ...base, kind: 'text', text: '', images: [image] } };
  }
  if (m.msgtype === 'voice') {
    // voice.content is WeCom's speech-to-text: treated as typed text, marked so a draft can be offered.
    const text = m.voice?.content ?? '';
    return { type: 'message', message: { ...base, kind: 'text', text, voice: true } };
  }
  if (m.msgtype === 'event') {
    const eventtype = typeof m.event?.eventtype === 'string' ? m.event.eventtype : 'unknown';
    const card = eventtype === 'template_card_event' ? botCardTap(m.event) : undefined;
    // A tap's identity is what was tapped, not WeCom's msgid: a double tap is then one tap (see cardTapId).
    const id = card ? cardTapId('bot', senderId, card, secretTap) : base.id;
    return {
      type: 'message',
      message: { ...base, id, kind: 'event', event: eventtype, text: '', ...(card ? { card } : {}) },
    };
  }
  return { type: 'message', message: { ...base, kind: 'unsupported', text: '' } };
}

/** Plaintext of a passive reply: a stream for messages (unfinished while work goes on), plain text for the welcome event. */
export function botReplyPlaintext(streamId: string, text: string, welcome: boolean, finish = true): string {
  if (welcome) return JSON.stringify({ msgtype: 'text', text: { content: text } });
  return JSON.stringify({ msgtype: 'stream', stream: { id: streamId, finish, content: text } });
}
