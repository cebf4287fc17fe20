let taps = 0;
/** A fresh WeCom msgid for an event (each tap WeCom delivers has its own). */
const nextEventId = () => `ev${Date.now().toString(36)}${++taps}`;

// Template cards as WeCom shows and sends them: reading a card we sent, finding a button, and the
// template_card_event a tap produces (smart-bot JSON and self-built app XML).

/** WeCom's TemplateCard JSON as our transports render it. */
export interface TemplateCardJson {
  card_type: string;
  task_id: string;
  main_title?: { title?: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: Array<{ keyname: string; value: string }>;
  button_list?: Array<{ text: string; key: string; style?: number }>;
  checkbox?: {
    question_key: string;
    mode: number;
    option_list: Array<{ id: string; text: string; is_checked?: boolean }>;
  };
  select_list?: Array<{ question_key: string; title: string; option_list: Array<{ id: string; text: string }> }>;
  submit_button?: { text: string; key: string };
}

/** The card as a person reads it: title, description, text, `名称：值` lines, then [buttons] and options. */
export function cardText(card: TemplateCardJson): string {
  return [
    card.main_title?.title,
    card.main_title?.desc,
    card.sub_title_text,
    ...(card.horizontal_content_list ?? []).map((l) => `${l.keyname}：${l.value}`),
    ...(card.button_list ?? []).map((b) => `[${b.text}]`),
    ...(card.checkbox?.option_list ?? []).map((o) => `(${o.text})`),
    ...(card.select_list ?? []).map((s) => `${s.title}：${s.option_list.map((o) => o.text).join('/')}`),
    card.submit_button ? `[${card.submit_button.text}]` : undefined,
  ]
    .filter((x) => x !== undefined && x !== '')
    .join('\n');
}

/** The key of the button reading `text`; fails the test when the card has none. */
export function buttonKey(card: TemplateCardJson, text: string): string {
  const b = card.button_list?.find((x) => x.text === text);
  if (!b) throw new Error(`no button ${text} on the card: ${cardText(card)}`);
  return b.key;
}

export interface TapOptions {
  userid: string;
  taskId: string;
  key: string;
  cardType?: string;
  selected?: Record<string, string[]>;
  chattype?: 'group' | 'single';
  chatid?: string;
  msgid?: string;
}

function selectedItems(selected: Record<string, string[]> = {}) {
  const items = Object.entries(selected);
  if (!items.length) return {};
  return {
    selected_items: {
      selected_item: items.map(([question_key, ids]) => ({ question_key, option_ids: { option_id: ids } })),
    },
  };
}

/** The smart bot's template_card_event body (callback JSON; the long connection's event frame body). */
export function cardEventBody(o: TapOptions): Record<string, unknown> {
  const chattype = o.chattype ?? 'single';
  return {
    msgid: o.msgid ?? nextEventId(),
    create_time: 1764000000,
    aibotid: 'aib-test',
    from: { userid: o.userid },
    ...(chattype === 'group' ? { chatid: o.chatid ?? 'wr-group-1' } : {}),
    chattype,
    msgtype: 'event',
    event: {
      eventtype: 'template_card_event',
      template_card_event: {
        card_type: o.cardType ?? 'button_interaction',
        event_key: o.key,
        task_id: o.taskId,
        ...selectedItems(o.selected),
      },
    },
  };
}

/** The self-built app's template_card_event (XML, before encryption). */
export function appCardEventPlaintext(o: TapOptions & { corpId: string; createTime?: number }): string {
  const items = Object.entries(o.selected ?? {})
    .map(
      ([q, ids]) =>
        `<SelectedItem><QuestionKey><![CDATA[${q}]]></QuestionKey><OptionIds>${ids.map((i) => `<OptionId><![CDATA[${i}]]></OptionId>`).join('')}</OptionIds></SelectedItem>`,
    )
    .join('');
  return `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><FromUserName><![CDATA[${o.userid}]]></FromUserName><CreateTime>${o.createTime ?? 1764000001}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${o.key}]]></EventKey><TaskId><![CDATA[${o.taskId}]]></TaskId><CardType><![CDATA[${o.cardType ?? 'button_interaction'}]]></CardType><ResponseCode><![CDATA[rc-${o.createTime ?? 1}]]></ResponseCode><AgentID>1000002</AgentID>${items ? `<SelectedItems>${items}</SelectedItems>` : ''}</xml>`;
}
