import type { Harness } from './harness';
import { type TapOptions, type TemplateCardJson, appCardEventPlaintext, buttonKey, cardEventBody } from './cards';
import {
  TEST_KEYS,
  appEnvelope,
  botEnvelope,
  decryptAppReply,
  pickTag,
  readBotReply,
  signedQuery,
} from './wecom-payloads';

/** What WeCom got back for a tap: the updated card (for whom), or an empty answer. */
export interface TapAnswer {
  status: number;
  card?: TemplateCardJson;
  userids?: string[];
  responseType?: string;
  raw: string;
}

/** Taps through the signed, encrypted smart-bot callback, as WeCom delivers a template_card_event. */
export async function tapCallback(h: Harness, o: TapOptions): Promise<TapAnswer> {
  const { body, ciphertext } = botEnvelope(TEST_KEYS, JSON.stringify(cardEventBody(o)));
  const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'application/json');
  if (res.status !== 200 || !res.text) return { status: res.status, raw: res.text };
  const { json } = readBotReply(TEST_KEYS, res.text);
  return {
    status: res.status,
    card: json.template_card as TemplateCardJson | undefined,
    userids: json.userids as string[] | undefined,
    responseType: json.response_type as string | undefined,
    raw: res.text,
  };
}

/** Taps the button reading `text` on `card` through the callback. */
export async function tapButton(
  h: Harness,
  userid: string,
  card: TemplateCardJson,
  text: string,
  o: Partial<TapOptions> = {},
): Promise<TapAnswer> {
  return tapCallback(h, { userid, taskId: card.task_id, key: buttonKey(card, text), ...o });
}

/** A message through the smart-bot callback whose reply is a template card; fails when it is not one. */
export async function askCard(h: Harness, userid: string, text: string, chattype: 'group' | 'single' = 'single') {
  const res = await h.sayRaw(userid, text, { chattype });
  const { json } = readBotReply(TEST_KEYS, res.text);
  if (json.msgtype !== 'template_card') throw new Error(`not a card: ${JSON.stringify(json).slice(0, 300)}`);
  return json.template_card as TemplateCardJson;
}

/** Taps through the self-built app's callback (XML); returns the passive answer (update_button's new name). */
export async function tapApp(h: Harness, o: TapOptions & { createTime?: number }) {
  const { body, ciphertext } = appEnvelope(TEST_KEYS, appCardEventPlaintext({ ...o, corpId: TEST_KEYS.corpId }));
  const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), body, 'text/xml');
  if (res.status !== 200 || !res.text) return { status: res.status };
  const message = decryptAppReply(TEST_KEYS, res.text);
  return {
    status: res.status,
    msgType: pickTag(message, 'MsgType'),
    replaceName: pickTag(message, 'ReplaceName'),
    toUser: pickTag(message, 'ToUserName'),
  };
}
