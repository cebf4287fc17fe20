// How the page reaches the bot (browser code; see page-state.ts). The production path: every message goes to the
// real /wecom/callback, signed and encrypted exactly like a WeCom smart bot callback, and replies are verified and
// decrypted here. Or, in long-connection mode, as frames through the long-connection simulator.

interface StreamFrame {
  stream?: { id: string; finish: boolean; content: string };
  template_card?: TemplateCardView;
}
/** A picture the page uploaded: WeCom-style URL (served encrypted by this app) and, on the long connection, its key. */
interface Picture {
  url: string;
  aeskey?: string;
  label: string;
}

async function postCallback(body: string, encrypt: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = newNonce();
  const signature = await wecomSignature(session().token, timestamp, nonce, encrypt);
  const q = new URLSearchParams({ msg_signature: signature, timestamp: timestamp, nonce: nonce });
  return fetch('/wecom/callback?' + q.toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body,
  });
}

interface OpenedReply {
  text: string;
  streamId?: string;
  finish: boolean;
  card?: TemplateCardView;
}

/** A passive reply's JSON after checking its signature and decrypting it; null for an empty answer. */
async function openJson(res: Response): Promise<Record<string, unknown> | null> {
  const text = await res.text();
  if (!text) return null;
  const env = JSON.parse(text) as {
    encrypt: string;
    msgsignature: string;
    timestamp: number | string;
    nonce: string;
  };
  const expected = await wecomSignature(session().token, String(env.timestamp), env.nonce, env.encrypt);
  if (expected !== env.msgsignature) throw new Error('回复的签名校验失败');
  const plain = await wecomDecrypt(keys(), env.encrypt);
  if (plain.receiveId !== '') throw new Error('回复的 receiveid 不对');
  return JSON.parse(plain.message) as Record<string, unknown>;
}

async function openReply(res: Response): Promise<OpenedReply | null> {
  const json = await openJson(res);
  if (!json) return null;
  const msg = json as {
    msgtype: string;
    stream?: { id?: string; content?: string; finish?: boolean };
    text?: { content?: string };
    template_card?: TemplateCardView;
  };
  if (msg.msgtype === 'stream')
    return {
      text: (msg.stream && msg.stream.content) || '',
      streamId: msg.stream && msg.stream.id,
      finish: !msg.stream || msg.stream.finish !== false,
    };
  if (msg.msgtype === 'text') return { text: (msg.text && msg.text.content) || '', finish: true };
  if (msg.msgtype === 'template_card' && msg.template_card) return { text: '', card: msg.template_card, finish: true };
  return { text: JSON.stringify(json), finish: true };
}

// An unfinished stream ("正在处理…"): refresh it the way WeCom does until the bot finishes it.
async function refreshStream(sender: Person, streamId: string): Promise<OpenedReply | null> {
  const payload = {
    msgid: 'demo-' + randomHex(12),
    aibotid: session().aibotid,
    chattype: 'single',
    from: { userid: sender.userid },
    msgtype: 'stream',
    stream: { id: streamId },
  };
  for (let i = 0; i < 360; i++) {
    await wait(1000);
    const encrypt = await wecomEncrypt(keys(), JSON.stringify(payload), '');
    const res = await postCallback(JSON.stringify({ encrypt: encrypt }), encrypt);
    if (!res.ok) throw new Error('回调接口返回 HTTP ' + res.status);
    const reply = await openReply(res);
    if (!reply || reply.finish) return reply;
  }
  return null;
}

// ---- the long-connection path: the simulator plays WeCom's WebSocket server and relays frames
async function sendLong(sender: Person, content: string, started: number, image?: Picture): Promise<void> {
  const mode = image && state.mode === 'voice' ? 'single' : state.mode;
  const res = await fetch('/demo/api/ws-say', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userid: sender.userid, mode: mode, text: content, msgid: 'demo-' + randomHex(12), image }),
  });
  if (res.status === 503) throw new Error('机器人还没有连上模拟的长连接服务器，请稍候再试');
  if (!res.ok) throw new Error('模拟器返回 HTTP ' + res.status);
  const data = (await res.json()) as { reqId: string; frames: StreamFrame[] };
  let last: StreamFrame | null = null;
  data.frames.forEach(function (f) {
    if (f.stream && !f.stream.finish) addSystem('机器人先回了一条未完成的流式消息：' + f.stream.content);
    else last = f;
  });
  const final = last as StreamFrame | null;
  if (final && final.template_card) {
    addBot(null, '长连接 · aibot_respond_msg · template_card · req_id ' + data.reqId, final.template_card);
    return;
  }
  const meta =
    '长连接 · aibot_msg_callback → aibot_respond_msg · req_id ' +
    data.reqId +
    (final && final.stream ? ' · stream ' + String(final.stream.id).slice(0, 8) : '') +
    ' · ' +
    Math.round(performance.now() - started) +
    ' ms';
  addBot(final && final.stream ? final.stream.content : null, meta);
}

// ---- card clicks: the template_card_event WeCom sends, signed and encrypted (or as the event frame)
function tapperFor(mode: 'group' | 'single'): CardTapper {
  return async function (event) {
    const sender = currentSender();
    const started = performance.now();
    const msgid = 'demo-' + randomHex(12);
    let update: Record<string, unknown> | null;
    let how: string;
    if (session().transport === 'long-connection') {
      const res = await fetch('/demo/api/ws-tap', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userid: sender.userid, mode: mode, msgid: msgid, event: event }),
      });
      if (!res.ok) throw new Error('模拟器返回 HTTP ' + res.status);
      update = ((await res.json()) as { update: Record<string, unknown> | null }).update;
      how = '长连接 · aibot_event_callback → aibot_respond_update_msg';
    } else {
      const payload: Record<string, unknown> = {
        msgid: msgid,
        create_time: Math.floor(Date.now() / 1000),
        aibotid: session().aibotid,
        chattype: mode,
        from: { userid: sender.userid },
        msgtype: 'event',
        event: { eventtype: 'template_card_event', template_card_event: event },
      };
      if (mode === 'group') payload.chatid = session().chatid;
      const encrypt = await wecomEncrypt(keys(), JSON.stringify(payload), '');
      const res = await postCallback(JSON.stringify({ encrypt: encrypt }), encrypt);
      if (!res.ok) throw new Error('回调接口返回 HTTP ' + res.status);
      update = await openJson(res);
      how = '已签名加密 · template_card_event → update_template_card';
    }
    void refreshRoster();
    void pollPushes();
    const card = update ? (update.template_card as TemplateCardView | undefined) : undefined;
    const who = sender.name + (update && Array.isArray(update.userids) ? '（仅此人看到的更新）' : '');
    const ms = Math.round(performance.now() - started) + ' ms';
    return { card: card ?? null, note: card ? who + ' 点击 · ' + how + ' · ' + ms : '机器人没有更新卡片 · ' + ms };
  };
}
