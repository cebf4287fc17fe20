// The chat pane's log (browser code; see page-state.ts): what was sent, the bot's replies and cards, and notes.

function scrollDown(box: HTMLElement): void {
  box.scrollTop = box.scrollHeight;
}
function addRow(cls: string): HTMLDivElement {
  const row = el('div', 'row ' + cls);
  $('log').appendChild(row);
  return row;
}
function addSystem(text: string, cls?: string): void {
  addRow('system ' + (cls || '')).appendChild(el('div', 'note', text));
  scrollDown($('log'));
}
function addOutgoing(sender: Person, group: boolean, content: string, voice: boolean): void {
  const row = addRow('out');
  row.appendChild(
    el(
      'div',
      'meta',
      sender.name + (group ? ' · 在群里 @机器人' : voice ? ' · 单聊语音（企业微信识别出的文字）' : ' · 单聊'),
    ),
  );
  row.appendChild(el('div', 'bubble', content));
  scrollDown($('log'));
}
function addBot(text: string | null, meta: string, card?: TemplateCardView): HTMLDivElement {
  const row = addRow('in');
  row.appendChild(el('div', 'meta', '代表工作群助手'));
  const b = el('div', 'bubble');
  if (card) {
    // A reply card is tapped in the chat it came to, by whoever the page sends as at the time.
    const box = el('div');
    drawTemplateCard(box, card, tapperFor(state.mode === 'group' ? 'group' : 'single'));
    b.appendChild(box);
  } else if (text === null) b.appendChild(el('i', 'muted', '（机器人没有回复这条消息）'));
  else b.innerHTML = renderMarkdown(text);
  row.appendChild(b);
  row.appendChild(el('div', 'meta small', meta));
  scrollDown($('log'));
  return row;
}
