import { type Card, isValidTaskId } from '../cards';

// Our Card as WeCom's TemplateCard JSON (the smart bot's replies and frames, and the app's message/send share it).

function head(card: Card): Record<string, unknown> {
  const out: Record<string, unknown> = {
    main_title: card.desc ? { title: card.title, desc: card.desc } : { title: card.title },
  };
  if (card.text) out.sub_title_text = card.text;
  if (card.lines?.length)
    out.horizontal_content_list = card.lines.slice(0, 6).map((l) => ({ keyname: l.label, value: l.value }));
  return out;
}

/** The template_card object; a task id outside WeCom's rules is a bug here, never sent. */
export function templateCardJson(card: Card): Record<string, unknown> {
  if (!isValidTaskId(card.taskId)) throw new Error(`task id ${card.taskId} breaks WeCom's rules`);
  if (card.type === 'buttons') {
    return {
      card_type: 'button_interaction',
      ...head(card),
      button_list: card.buttons.slice(0, 6).map((b) => ({ text: b.text, style: b.style ?? 1, key: b.key })),
      task_id: card.taskId,
    };
  }
  if (card.type === 'vote') {
    const q = card.question;
    return {
      card_type: 'vote_interaction',
      ...head(card),
      checkbox: {
        question_key: q.key,
        mode: q.multiple ? 1 : 0,
        option_list: q.options.slice(0, 20).map((o) => ({ id: o.id, text: o.text, is_checked: o.id === q.selected })),
      },
      submit_button: { text: card.submit.text, key: card.submit.key },
      task_id: card.taskId,
    };
  }
  return {
    card_type: 'multiple_interaction',
    ...head(card),
    select_list: card.questions.slice(0, 3).map((q) => ({
      question_key: q.key,
      title: q.title,
      ...(q.selected ? { selected_id: q.selected } : {}),
      option_list: q.options.slice(0, 10).map((o) => ({ id: o.id, text: o.text })),
    })),
    submit_button: { text: card.submit.text, key: card.submit.key },
    task_id: card.taskId,
  };
}

/** The answer to a tap: the card replaced for the person who tapped only (the others keep theirs). */
export function updateCardJson(card: Card, userid: string): Record<string, unknown> {
  return { response_type: 'update_template_card', userids: [userid], template_card: templateCardJson(card) };
}

/** A template card as a message body (a passive reply, aibot_respond_msg, aibot_send_msg). */
export function cardMessageJson(card: Card): Record<string, unknown> {
  return { msgtype: 'template_card', template_card: templateCardJson(card) };
}

/**
 * The self-built app's passive answer to a tap renames the tapped button (update_button): the button then
 * says what happened, at most 10 characters as WeCom suggests.
 */
export function appButtonName(card: Card): string {
  return [...card.title].slice(0, 10).join('');
}
