// Template cards on the simulator page (browser code, a classic script loaded first: see page-state.ts): a card as
// WeCom draws it — title, lines, buttons, a vote box, dropdowns — and the template_card_event a click makes.
// The page sends that event the production way (signed callback, or the long connection's event frame).

/** WeCom's TemplateCard JSON, as the bot sends it. */
interface TemplateCardView {
  card_type: string;
  task_id: string;
  main_title?: { title?: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: Array<{ keyname: string; value: string }>;
  button_list?: Array<{ text: string; key: string; style?: number }>;
  checkbox?: {
    question_key: string;
    mode?: number;
    option_list: Array<{ id: string; text: string; is_checked?: boolean }>;
  };
  select_list?: Array<{
    question_key: string;
    title: string;
    selected_id?: string;
    option_list: Array<{ id: string; text: string }>;
  }>;
  submit_button?: { text: string; key: string };
}

/** The template_card_event a click produces (its `template_card_event` part). */
interface CardTapEvent {
  card_type: string;
  event_key: string;
  task_id: string;
  selected_items?: { selected_item: Array<{ question_key: string; option_ids: { option_id: string[] } }> };
}

/** Sends a click and resolves with the tapper's updated card (null: the bot sent none). */
type CardTapper = (event: CardTapEvent) => Promise<{ card: TemplateCardView | null; note: string }>;

function cardNode(tag: string, cls: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Draws `card` into `box` (replacing what was there); a click sends its event through `tap`. */
function drawTemplateCard(box: HTMLElement, card: TemplateCardView, tap: CardTapper | null): void {
  box.replaceChildren();
  box.className = 'tcard';
  box.dataset.taskId = card.task_id;
  box.dataset.cardType = card.card_type;
  const title = card.main_title ?? {};
  if (title.title) box.appendChild(cardNode('div', 'tcard-title', title.title));
  if (title.desc) box.appendChild(cardNode('div', 'tcard-desc', title.desc));
  if (card.sub_title_text) box.appendChild(cardNode('div', 'tcard-text', card.sub_title_text));
  for (const line of card.horizontal_content_list ?? []) {
    const row = cardNode('div', 'tcard-line');
    row.appendChild(cardNode('span', 'tcard-key', line.keyname));
    row.appendChild(cardNode('span', 'tcard-value', line.value));
    box.appendChild(row);
  }
  const choices = cardChoices(box, card);
  const actions = cardNode('div', 'tcard-actions');
  const buttons: HTMLButtonElement[] = [];
  const send = async (key: string) => {
    if (!tap) return;
    for (const b of buttons) b.disabled = true;
    const event: CardTapEvent = { card_type: card.card_type, event_key: key, task_id: card.task_id };
    const selected = choices();
    if (selected.length) event.selected_items = { selected_item: selected };
    try {
      const answer = await tap(event);
      if (answer.card) drawTemplateCard(box, answer.card, tap);
      else for (const b of buttons) b.disabled = false;
      box.appendChild(cardNode('div', 'tcard-note', answer.note));
    } catch (err) {
      for (const b of buttons) b.disabled = false;
      box.appendChild(
        cardNode('div', 'tcard-note error', '点击没有送达：' + (err instanceof Error ? err.message : String(err))),
      );
    }
  };
  const add = (text: string, key: string, style: number) => {
    const b = cardNode('button', 'tcard-button s' + style, text) as HTMLButtonElement;
    b.type = 'button';
    b.disabled = !tap;
    b.addEventListener('click', () => void send(key));
    buttons.push(b);
    actions.appendChild(b);
  };
  for (const b of card.button_list ?? []) add(b.text, b.key, b.style ?? 1);
  if (card.submit_button) add(card.submit_button.text, card.submit_button.key, 1);
  box.appendChild(actions);
}

/** The vote box or the dropdowns; returns a reader of what is chosen, as selected_items. */
function cardChoices(
  box: HTMLElement,
  card: TemplateCardView,
): () => Array<{ question_key: string; option_ids: { option_id: string[] } }> {
  const readers: Array<() => { question_key: string; option_ids: { option_id: string[] } }> = [];
  const vote = card.checkbox;
  if (vote) {
    const group = cardNode('div', 'tcard-vote');
    const name = 'vote-' + card.task_id + '-' + Math.random().toString(36).slice(2);
    for (const o of vote.option_list) {
      const label = cardNode('label', 'tcard-option');
      const input = document.createElement('input');
      input.type = vote.mode === 1 ? 'checkbox' : 'radio';
      input.name = name;
      input.value = o.id;
      input.checked = o.is_checked === true;
      label.appendChild(input);
      label.appendChild(document.createTextNode(o.text));
      group.appendChild(label);
    }
    box.appendChild(group);
    readers.push(() => ({
      question_key: vote.question_key,
      option_ids: {
        option_id: Array.from(group.querySelectorAll('input'))
          .filter((i) => i.checked)
          .map((i) => i.value),
      },
    }));
  }
  for (const s of card.select_list ?? []) {
    const row = cardNode('label', 'tcard-select');
    row.appendChild(cardNode('span', 'tcard-key', s.title));
    const select = document.createElement('select');
    for (const o of s.option_list) {
      const option = document.createElement('option');
      option.value = o.id;
      option.textContent = o.text;
      option.selected = o.id === s.selected_id;
      select.appendChild(option);
    }
    row.appendChild(select);
    box.appendChild(row);
    readers.push(() => ({
      question_key: s.question_key,
      option_ids: { option_id: select.value ? [select.value] : [] },
    }));
  }
  return () => readers.map((r) => r());
}
