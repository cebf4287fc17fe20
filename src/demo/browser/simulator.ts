// The simulator page's behaviour (browser code, served inlined into GET /demo; it runs after the
// crypto script of src/demo/page-crypto.ts). Every message goes to the real /wecom/callback, signed
// and encrypted exactly like a WeCom smart bot callback; replies are verified and decrypted here.
// Built by `npm run build` (scripts/build-if-stale.mjs, target "simulator") into dist/demo-assets/.
(function () {
  'use strict';
  interface Person {
    userid: string;
    name: string;
    isOffice: boolean;
    group?: string | null;
  }
  interface Session {
    token: string;
    encodingAesKey: string;
    botName: string;
    timezone: string;
    chatid: string;
    aibotid: string;
    commands: Array<{ name: string; example: string; role: 'deputy' | 'office' }>;
    /** How messages reach the bot: signed callbacks, or frames through the long-connection simulator. */
    transport?: 'callback' | 'long-connection';
  }
  interface StreamFrame {
    stream?: { id: string; finish: boolean; content: string };
    template_card?: TemplateCardView;
  }
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
  type Mode = 'group' | 'single' | 'voice';
  type Pane = 'chat' | 'group';

  const state: {
    session: Session | null;
    keys: WecomKeys | null;
    people: Person[];
    names: Record<string, string>;
    cursor: number;
    mode: Mode;
    polling: boolean;
    unread: number;
    pane: Pane;
  } = {
    session: null,
    keys: null,
    people: [],
    names: {},
    cursor: 0,
    mode: 'group',
    polling: false,
    unread: 0,
    pane: 'chat',
  };
  const STRANGER: Person = { userid: 'stranger-demo', name: '陌生人（不在名单）', isOffice: false };

  function $<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = document.getElementById(id);
    if (!found) throw new Error(`#${id} is missing from the page`);
    return found as T;
  }
  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    cls?: string | null,
    text?: string | null,
  ): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function wait(ms: number): Promise<void> {
    return new Promise(function (r) {
      setTimeout(r, ms);
    });
  }
  function clock(d: Date): string {
    return d.toLocaleTimeString('zh-CN', {
      hour12: false,
      timeZone: (state.session && state.session.timezone) || undefined,
    });
  }
  function randomHex(n: number): string {
    const b = new Uint8Array(n);
    crypto.getRandomValues(b);
    return Array.from(b, function (x) {
      return x.toString(16).padStart(2, '0');
    }).join('');
  }
  function newNonce(): string {
    return String(1000000000 + Math.floor(Math.random() * 8999999999));
  }
  const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function escapeHtml(s: string): string {
    return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
  }

  // WeCom markdown, the subset the bot uses; the text is escaped first, so nothing else renders.
  function renderMarkdown(s: string): string {
    let h = escapeHtml(s);
    h = h.replace(
      /&lt;font color=(?:&quot;|&#39;)?(info|comment|warning)(?:&quot;|&#39;)?&gt;([\s\S]*?)&lt;\/font&gt;/g,
      '<span class="c-$1">$2</span>',
    );
    h = h.replace(
      /&lt;@([A-Za-z0-9._@-]+)&gt;/g,
      (_m, id: string) => '<span class="at">@' + escapeHtml(state.names[id] || id) + '</span>',
    );
    h = h.replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>');
    h = h.replace(/^#{1,6} (.*)$/gm, '<b class="h">$1</b>');
    h = h.replace(/^&gt; ?(.*)$/gm, '<span class="quote">$1</span>');
    return linkify(h);
  }

  // Links as WeCom shows them, clickable: `[words](https://…)` and bare addresses such as the sign-in
  // link. Runs on escaped text: an address cannot carry a quote or a tag, and `&amp;` is what an href wants.
  const LINKS =
    /\[([^\]\n]+)\]\((https?:\/\/[A-Za-z0-9\-._~:/?#@!$&;%+,=*]+)\)|(https?:\/\/[A-Za-z0-9\-._~:/?#@!$&;%+,=*]+)/g;
  function linkify(h: string): string {
    return h.replace(LINKS, (_m, words: string | undefined, href: string | undefined, bare: string | undefined) => {
      if (words !== undefined && href !== undefined) return anchor(href, words);
      // A sentence's full stop or comma after a bare address is not part of it.
      const url = (bare ?? '').replace(/[.,;:!?]+$/, '');
      return anchor(url, url) + (bare ?? '').slice(url.length);
    });
  }
  function anchor(href: string, words: string): string {
    return '<a href="' + href + '" target="_blank" rel="noopener noreferrer">' + words + '</a>';
  }

  async function getJson<T>(path: string): Promise<T> {
    const r = await fetch(path, { cache: 'no-store' });
    if (!r.ok) throw new Error(path + ' 返回 HTTP ' + r.status);
    return (await r.json()) as T;
  }

  function session(): Session {
    if (!state.session) throw new Error('no session yet');
    return state.session;
  }
  function keys(): WecomKeys {
    if (!state.keys) throw new Error('no keys yet');
    return state.keys;
  }
  function messageOf(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
  }

  // ---- chat pane
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

  // ---- the production path: sign, encrypt, POST /wecom/callback, verify, decrypt
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
    if (msg.msgtype === 'template_card' && msg.template_card)
      return { text: '', card: msg.template_card, finish: true };
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

  /** A picture the page uploaded: WeCom-style URL (served encrypted by this app) and, on the long connection, its key. */
  interface Picture {
    url: string;
    aeskey?: string;
    label: string;
  }

  async function send(text: string, image?: Picture): Promise<void> {
    const sender = currentSender();
    const group = state.mode === 'group';
    const voice = state.mode === 'voice' && !image;
    const content = group && text.charAt(0) !== '@' ? '@' + session().botName + ' ' + text : text;
    addOutgoing(sender, group, image ? (content ? content + '\n' : '') + '[图片] ' + image.label : content, voice);
    const payload: Record<string, unknown> = {
      msgid: 'demo-' + randomHex(12),
      aibotid: session().aibotid,
      chattype: group ? 'group' : 'single',
      from: { userid: sender.userid },
      msgtype: voice ? 'voice' : 'text',
    };
    const picture = image ? { url: image.url, ...(image.aeskey ? { aeskey: image.aeskey } : {}) } : undefined;
    if (picture && (group || text)) {
      // Text and a picture together: WeCom's `mixed` message (the only way a picture comes from a group).
      payload.msgtype = 'mixed';
      payload.mixed = {
        msg_item: [
          { msgtype: 'text', text: { content: content } },
          { msgtype: 'image', image: picture },
        ],
      };
    } else if (picture) {
      payload.msgtype = 'image';
      payload.image = picture;
    } else if (voice) payload.voice = { content: content };
    else payload.text = { content: content };
    if (group) payload.chatid = session().chatid;
    const started = performance.now();
    if (session().transport === 'long-connection') {
      try {
        await sendLong(sender, content, started, image ? { ...picture!, label: image.label } : undefined);
      } catch (err) {
        addSystem('发送失败：' + messageOf(err), 'error');
      }
      void refreshRoster();
      void pollPushes();
      return;
    }
    try {
      const encrypt = await wecomEncrypt(keys(), JSON.stringify(payload), '');
      const body = JSON.stringify({ encrypt: encrypt });
      for (let attempt = 1; ; attempt++) {
        const res = await postCallback(body, encrypt);
        // WeCom redelivers the same message when the bot is slow; so does the simulator.
        if (res.status === 503 && attempt < 4) {
          addSystem('机器人正忙，按企业微信的方式重发同一条消息（第 ' + attempt + ' 次）…');
          await wait(1500);
          continue;
        }
        if (!res.ok) throw new Error('回调接口返回 HTTP ' + res.status + '：' + (await res.text()).slice(0, 80));
        const reply = await openReply(res);
        addBot(
          reply ? reply.text : null,
          '已签名加密 · POST /wecom/callback · HTTP ' +
            res.status +
            (reply && reply.card ? ' · template_card' : '') +
            ' · ' +
            Math.round(performance.now() - started) +
            ' ms',
          reply ? reply.card : undefined,
        );
        if (reply && !reply.finish && reply.streamId) {
          const done = await refreshStream(sender, reply.streamId);
          if (done)
            addBot(done.text, '流式消息刷新（msgtype stream）· ' + Math.round(performance.now() - started) + ' ms');
        }
        break;
      }
    } catch (err) {
      addSystem('发送失败：' + messageOf(err), 'error');
    }
    refreshRoster();
    pollPushes();
  }

  // A picture: uploaded to this app's fake WeCom (served encrypted, as WeCom serves an image message's
  // file), then sent as an image (one-to-one) or with the typed text as a mixed message.
  async function sendPicture(file: File): Promise<void> {
    const box = $<HTMLTextAreaElement>('text');
    const text = box.value.trim();
    box.value = '';
    let picture: Picture;
    try {
      const res = await fetch('/demo/api/media', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      });
      if (!res.ok) throw new Error(res.status === 413 ? '图片太大' : '上传返回 HTTP ' + res.status);
      const served = (await res.json()) as { url: string; aeskey?: string };
      picture = { ...served, label: file.name + '（' + Math.max(1, Math.round(file.size / 1024)) + ' KB）' };
    } catch (err) {
      addSystem('图片没有发出：' + messageOf(err), 'error');
      return;
    }
    await send(text, picture);
  }

  // ---- senders
  function currentSender(): Person {
    const id = $<HTMLSelectElement>('sender').value;
    return state.people.find((p) => p.userid === id) ?? STRANGER;
  }

  async function refreshRoster(): Promise<void> {
    let data: { people: Person[] };
    try {
      data = await getJson<{ people: Person[] }>('/demo/api/roster');
    } catch {
      return;
    }
    state.people = data.people;
    state.names = {};
    data.people.forEach(function (p) {
      state.names[p.userid] = p.name;
    });
    const select = $<HTMLSelectElement>('sender');
    const keep = select.value || localStorage.getItem('demo.sender') || '';
    select.textContent = '';
    const groups: Array<[string, Person[]]> = [
      ['人大办工作人员', data.people.filter((p) => p.isOffice)],
      ['代表', data.people.filter((p) => !p.isOffice)],
      ['其他', [STRANGER]],
    ];
    groups.forEach(function (g) {
      if (!g[1].length) return;
      const og = document.createElement('optgroup');
      og.label = g[0];
      g[1].forEach(function (p) {
        const o = el('option', null, p.name + (p.isOffice ? '（人大办）' : p.group ? '（' + p.group + '）' : ''));
        o.value = p.userid;
        og.appendChild(o);
      });
      select.appendChild(og);
    });
    const ids = data.people
      .map(function (p) {
        return p.userid;
      })
      .concat([STRANGER.userid]);
    const fallback =
      data.people.filter(function (p) {
        return !p.isOffice;
      })[0] ||
      data.people[0] ||
      STRANGER;
    select.value = ids.indexOf(keep) >= 0 ? keep : fallback.userid;
    renderChips();
  }

  function renderChips(): void {
    const box = $('chips');
    box.textContent = '';
    if (!state.session) return;
    const text = $<HTMLTextAreaElement>('text');
    const office = currentSender().isOffice;
    state.session.commands
      .filter(function (c) {
        return c.role === 'deputy' || (c.role === 'office' && office);
      })
      .forEach(function (c) {
        const b = el('button', 'chip' + (c.role === 'office' ? ' office' : ''), c.name);
        b.type = 'button';
        b.title = c.example;
        b.addEventListener('click', function () {
          text.value = c.example;
          text.focus();
        });
        box.appendChild(b);
      });
  }

  // ---- group pane: what the bot pushed to the group (the local WeCom sink)
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

  // ---- layout and input
  function showPane(name: Pane): void {
    state.pane = name;
    document.body.dataset.pane = name;
    $('tab-chat').classList.toggle('active', name === 'chat');
    $('tab-group').classList.toggle('active', name === 'group');
    if (name === 'group') {
      state.unread = 0;
      $('unread').hidden = true;
      scrollDown($('pushes'));
    }
  }

  function setMode(mode: Mode): void {
    state.mode = mode;
    localStorage.setItem('demo.mode', mode);
    $('mode-group').classList.toggle('active', mode === 'group');
    $('mode-single').classList.toggle('active', mode === 'single');
    $('mode-voice').classList.toggle('active', mode === 'voice');
  }

  // The office console, signed in as the chosen person through a one-time link (demo mode only).
  async function openConsole(): Promise<void> {
    const sender = currentSender();
    // Opened before the request so that popup blockers see a click, then pointed at the link.
    const win = window.open('', '_blank');
    try {
      const r = await fetch('/demo/api/console-login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userid: sender.userid }),
      });
      const data = (await r.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
      if (!r.ok || !data.url) throw new Error((data.error && data.error.message) || 'HTTP ' + r.status);
      if (win) win.location.href = data.url;
      else location.href = data.url;
    } catch (e) {
      if (win) win.close();
      addSystem('打不开工作台：' + messageOf(e), 'error');
    }
  }

  function wire(): void {
    $('open-console').addEventListener('click', function () {
      void openConsole();
    });
    $('tab-chat').addEventListener('click', function () {
      showPane('chat');
    });
    $('tab-group').addEventListener('click', function () {
      showPane('group');
    });
    $('mode-group').addEventListener('click', function () {
      setMode('group');
    });
    $('mode-single').addEventListener('click', function () {
      setMode('single');
    });
    $('mode-voice').addEventListener('click', function () {
      setMode('voice');
    });
    $('sender').addEventListener('change', function () {
      localStorage.setItem('demo.sender', $<HTMLSelectElement>('sender').value);
      renderChips();
    });
    $('composer').addEventListener('submit', function (e) {
      e.preventDefault();
      const box = $<HTMLTextAreaElement>('text');
      const text = box.value.trim();
      if (!text || !state.keys) return;
      box.value = '';
      void send(text);
    });
    $('picture').addEventListener('change', function () {
      const input = $<HTMLInputElement>('picture');
      const file = input.files && input.files[0];
      input.value = '';
      if (file && state.keys) void sendPicture(file);
    });
    $('text').addEventListener('keydown', function (e) {
      // Enter sends; Shift+Enter is a new line; Enter that confirms an IME candidate does nothing.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        $<HTMLFormElement>('composer').requestSubmit();
      }
    });
  }

  async function init(): Promise<void> {
    wire();
    const savedMode = localStorage.getItem('demo.mode');
    setMode(savedMode === 'single' || savedMode === 'voice' ? savedMode : 'group');
    showPane('chat');
    if (!window.isSecureContext || !window.crypto || !crypto.subtle) {
      addSystem(
        '这个浏览器地址下不能使用 WebCrypto 加密。请在运行机器人的电脑上用 http://127.0.0.1 或 http://localhost 打开本页。',
        'error',
      );
      return;
    }
    try {
      const s = await getJson<Session>('/demo/api/session');
      state.session = s;
      state.keys = await wecomKeys(s.encodingAesKey);
    } catch (e) {
      addSystem('连不上机器人：' + messageOf(e) + '。请确认 npm start 还在运行，然后刷新本页。', 'error');
      return;
    }
    if (state.session && state.session.transport === 'long-connection') {
      $('footer').textContent =
        '长连接模式：每条消息都以 aibot_msg_callback 帧经本地模拟的企业微信长连接服务器发给机器人（机器人像连接 wss://openws.work.weixin.qq.com 一样主动连过来），回复是 aibot_respond_msg 帧，群推送是 aibot_send_msg 帧。';
      $('status').textContent = '长连接模式';
    }
    await refreshRoster();
    addSystem('选择发送人和方式，输入命令后按回车。先试试“帮助”。“单聊·语音”把输入的文字当作语音识别结果发出。');
    pollPushes();
    setInterval(pollPushes, 1500);
  }

  void init();
})();
