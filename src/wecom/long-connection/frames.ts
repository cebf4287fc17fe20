import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Card } from '../../cards';
import { splitByBytes, utf8Bytes } from '../../text/split';
import { cardMessageJson, updateCardJson } from '../card-json';

// The long connection's wire format: plain JSON frames {cmd, headers: {req_id}, body}; acknowledgements
// carry no cmd, only the req_id they answer plus errcode/errmsg.

export const CMD = {
  subscribe: 'aibot_subscribe',
  ping: 'ping',
  msgCallback: 'aibot_msg_callback',
  eventCallback: 'aibot_event_callback',
  respond: 'aibot_respond_msg',
  welcome: 'aibot_respond_welcome_msg',
  update: 'aibot_respond_update_msg',
  send: 'aibot_send_msg',
  uploadInit: 'aibot_upload_media_init',
  uploadChunk: 'aibot_upload_media_chunk',
  uploadFinish: 'aibot_upload_media_finish',
} as const;

/** A stream reply's content limit (UTF-8 bytes), as WeCom documents it. */
export const STREAM_MAX_BYTES = 20_480;

export interface OutFrame {
  cmd: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
}

const inFrame = z
  .object({
    cmd: z.string().max(64).optional(),
    headers: z
      .object({ req_id: z.string().max(256).optional() })
      .passthrough()
      .optional(),
    body: z.record(z.string(), z.unknown()).optional(),
    errcode: z.number().optional(),
    errmsg: z.string().optional(),
  })
  .passthrough();

export type InFrame =
  /** `body` carries a request's answer (the upload frames' upload_id and media_id). */
  | { type: 'ack'; reqId: string; errcode: number; errmsg: string; body?: Record<string, unknown> }
  | { type: 'callback'; cmd: string; reqId: string; body: Record<string, unknown> }
  | { type: 'invalid'; reason: string };

/** Reads one text frame; anything malformed is reported, never thrown. */
export function readFrame(raw: string): InFrame {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { type: 'invalid', reason: 'not JSON' };
  }
  const parsed = inFrame.safeParse(json);
  if (!parsed.success) return { type: 'invalid', reason: 'unexpected frame shape' };
  const f = parsed.data;
  const reqId = f.headers?.req_id ?? '';
  if (!f.cmd) {
    if (!reqId) return { type: 'invalid', reason: 'acknowledgement without req_id' };
    return { type: 'ack', reqId, errcode: f.errcode ?? 0, errmsg: f.errmsg ?? '', ...(f.body ? { body: f.body } : {}) };
  }
  if (!reqId) return { type: 'invalid', reason: `${f.cmd} without req_id` };
  return { type: 'callback', cmd: f.cmd, reqId, body: f.body ?? {} };
}

/** A fresh req_id for the bot's own requests (subscribe, ping, proactive sends). */
export function newReqId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
}

export function subscribeFrame(botId: string, secret: string): OutFrame {
  return { cmd: CMD.subscribe, headers: { req_id: newReqId('sub') }, body: { bot_id: botId, secret } };
}

export function pingFrame(): OutFrame {
  return { cmd: CMD.ping, headers: { req_id: newReqId('ping') } };
}

/** Keeps markdown within the stream limit, cutting at a line boundary and never inside a character. */
export function fitStream(content: string, maxBytes = STREAM_MAX_BYTES): string {
  if (utf8Bytes(content) <= maxBytes) return content;
  return splitByBytes(content, maxBytes)[0] ?? '';
}

/** A stream reply to the callback `reqId`; the same stream id replaces the content, finish closes it. */
export function streamFrame(reqId: string, streamId: string, content: string, finish: boolean): OutFrame {
  return {
    cmd: CMD.respond,
    headers: { req_id: reqId },
    body: { msgtype: 'stream', stream: { id: streamId, finish, content: fitStream(content) } },
  };
}

export function welcomeFrame(reqId: string, content: string): OutFrame {
  return {
    cmd: CMD.welcome,
    headers: { req_id: reqId },
    body: { msgtype: 'text', text: { content: fitStream(content) } },
  };
}

/** A template card as the reply to a message callback (a card cannot follow a stream of the same reply). */
export function cardReplyFrame(reqId: string, card: Card): OutFrame {
  return { cmd: CMD.respond, headers: { req_id: reqId }, body: cardMessageJson(card) };
}

/** The answer to a card tap, on the tap's own req_id, within 5 s: the card replaced for the tapper. */
export function cardUpdateFrame(reqId: string, card: Card, userid: string): OutFrame {
  return { cmd: CMD.update, headers: { req_id: reqId }, body: updateCardJson(card, userid) };
}

/** A proactive template card (a notice with buttons) into a group (2) or a one-to-one chat (1). */
export function sendCardFrame(chatid: string, chatType: 1 | 2, card: Card): OutFrame {
  return {
    cmd: CMD.send,
    headers: { req_id: newReqId('send') },
    body: { chatid, chat_type: chatType, ...cardMessageJson(card) },
  };
}

/** A proactive markdown message: chat_type 1 is one-to-one (chatid = userid), 2 is a group. */
export function sendFrame(chatid: string, chatType: 1 | 2, markdown: string): OutFrame {
  return {
    cmd: CMD.send,
    headers: { req_id: newReqId('send') },
    body: { chatid, chat_type: chatType, msgtype: 'markdown', markdown: { content: fitStream(markdown) } },
  };
}

/** A proactive picture or file, uploaded first (media_id from aibot_upload_media_finish). */
export function sendMediaFrame(chatid: string, chatType: 1 | 2, type: 'image' | 'file', mediaId: string): OutFrame {
  return {
    cmd: CMD.send,
    headers: { req_id: newReqId('send') },
    body: { chatid, chat_type: chatType, msgtype: type, [type]: { media_id: mediaId } },
  };
}

export function uploadInitFrame(o: {
  type: 'image' | 'file';
  filename: string;
  totalSize: number;
  totalChunks: number;
  md5: string;
}): OutFrame {
  return {
    cmd: CMD.uploadInit,
    headers: { req_id: newReqId('upinit') },
    body: { type: o.type, filename: o.filename, total_size: o.totalSize, total_chunks: o.totalChunks, md5: o.md5 },
  };
}

/** chunk_index counts from 0, as WeCom's own SDK sends it (its docs' example starts at 1: unconfirmed). */
export function uploadChunkFrame(uploadId: string, index: number, data: Buffer): OutFrame {
  return {
    cmd: CMD.uploadChunk,
    headers: { req_id: newReqId('upchunk') },
    body: { upload_id: uploadId, chunk_index: index, base64_data: data.toString('base64') },
  };
}

export function uploadFinishFrame(uploadId: string): OutFrame {
  return { cmd: CMD.uploadFinish, headers: { req_id: newReqId('upfin') }, body: { upload_id: uploadId } };
}
