// The group pane (browser code; see page-state.ts): what the bot pushed to the group or to people (the local WeCom sink).

interface Push {
  seq: number;
  channel: 'webhook' | 'app' | 'response_url' | 'aibot';
  msgtype: string;
  content: string;
  mentions?: string[];
  touser: string[];
  card?: TemplateCardView;
  at: string;
}
function recipients(p: Push): string {
  return p.touser
    .map(function (u) {
      return state.names[u] || u;
    })
    .join('、');
}

function channelLabel(p: Push): string {
  if (p.channel === 'webhook') return '群机器人推送';
  if (p.channel === 'aibot' && p.touser.length) return '长连接单聊 → ' + recipients(p);
  if (p.channel === 'aibot') return '长连接推送（aibot_send_msg）';
  if (p.channel === 'app') return '应用消息 → ' + recipients(p);
  return '会话补充回复';
}

function addPush(p: Push): void {
  const card = el('div', 'push');
  card.appendChild(el('div', 'meta', channelLabel(p) + ' · ' + clock(new Date(p.at))));
  const body = el('div', 'bubble');
  let html = renderMarkdown(p.content);
  if (p.mentions && p.mentions.length) {
    const who = p.mentions
      .map(function (u) {
        return u === '@all' ? '@所有人' : '@' + (state.names[u] || u);
      })
      .join(' ');
    html = '<span class="at">' + escapeHtml(who) + '</span> ' + html;
  }
  if (p.card) {
    // A notice with choices: the group's card (long connection), or one person's (app); group cards are tapped here.
    const box = el('div');
    drawTemplateCard(box, p.card, p.channel === 'aibot' ? tapperFor(p.touser.length ? 'single' : 'group') : null);
    body.appendChild(box);
  } else body.innerHTML = html;
  card.appendChild(body);
  $('pushes').appendChild(card);
  scrollDown($('pushes'));
}

async function pollPushes(): Promise<void> {
  if (state.polling) return;
  state.polling = true;
  try {
    const data = await getJson<{ pushes: Push[]; last: number }>('/demo/api/pushes?after=' + state.cursor);
    $('status').textContent =
      state.session && state.session.transport === 'long-connection' ? '已连接 · 长连接模式' : '已连接';
    $('status').className = 'status ok';
    if (data.last < state.cursor) {
      state.cursor = 0;
      Array.from($('pushes').querySelectorAll('.push')).forEach(function (n) {
        n.remove();
      });
      $('empty').hidden = false;
      return;
    }
    data.pushes.forEach(addPush);
    if (data.pushes.length) {
      state.cursor = data.pushes[data.pushes.length - 1]!.seq;
      $('empty').hidden = true;
      if (state.pane !== 'group') {
        state.unread += data.pushes.length;
        $('unread').textContent = String(state.unread);
        $('unread').hidden = false;
      }
    }
  } catch {
    $('status').textContent = '连接中断，正在重试…';
    $('status').className = 'status bad';
  } finally {
    state.polling = false;
  }
}
