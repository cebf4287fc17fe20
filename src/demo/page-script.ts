/**
 * The simulator page's behaviour, as browser JavaScript (it runs after browserCryptoJs). Every
 * message goes to the real /wecom/callback, signed and encrypted exactly like a WeCom smart bot
 * callback; replies are verified and decrypted here. Kept free of backticks and "${" on purpose:
 * it lives inside a template literal.
 */
export const pageScriptJs = String.raw`
(function () {
  'use strict';
  var state = { session: null, keys: null, people: [], names: {}, cursor: 0, mode: 'group', polling: false, unread: 0, pane: 'chat' };
  var STRANGER = { userid: 'stranger-demo', name: '陌生人（不在名单）', isOffice: false };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function clock(d) { return d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: (state.session && state.session.timezone) || undefined }); }
  function randomHex(n) {
    var b = new Uint8Array(n);
    crypto.getRandomValues(b);
    return Array.from(b, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
  }
  function newNonce() { return String(1000000000 + Math.floor(Math.random() * 8999999999)); }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  // WeCom markdown, the subset the bot uses; the text is escaped first, so nothing else renders.
  function renderMarkdown(s) {
    var h = escapeHtml(s);
    h = h.replace(/&lt;font color=(?:&quot;|&#39;)?(info|comment|warning)(?:&quot;|&#39;)?&gt;([\s\S]*?)&lt;\/font&gt;/g, '<span class="c-$1">$2</span>');
    h = h.replace(/&lt;@([A-Za-z0-9._@-]+)&gt;/g, function (_m, id) { return '<span class="at">@' + escapeHtml(state.names[id] || id) + '</span>'; });
    h = h.replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>');
    h = h.replace(/^#{1,6} (.*)$/gm, '<b class="h">$1</b>');
    h = h.replace(/^&gt; ?(.*)$/gm, '<span class="quote">$1</span>');
    return h;
  }

  async function getJson(path) {
    var r = await fetch(path, { cache: 'no-store' });
    if (!r.ok) throw new Error(path + ' 返回 HTTP ' + r.status);
    return r.json();
  }

  // ---- chat pane
  function scrollDown(box) { box.scrollTop = box.scrollHeight; }
  function addRow(cls) {
    var row = el('div', 'row ' + cls);
    $('log').appendChild(row);
    return row;
  }
  function addSystem(text, cls) {
    addRow('system ' + (cls || '')).appendChild(el('div', 'note', text));
    scrollDown($('log'));
  }
  function addOutgoing(sender, group, content) {
    var row = addRow('out');
    row.appendChild(el('div', 'meta', sender.name + (group ? ' · 在群里 @机器人' : ' · 单聊')));
    row.appendChild(el('div', 'bubble', content));
    scrollDown($('log'));
  }
  function addBot(text, meta) {
    var row = addRow('in');
    row.appendChild(el('div', 'meta', '代表工作群助手'));
    var b = el('div', 'bubble');
    if (text === null) b.appendChild(el('i', 'muted', '（机器人没有回复这条消息）'));
    else b.innerHTML = renderMarkdown(text);
    row.appendChild(b);
    row.appendChild(el('div', 'meta small', meta));
    scrollDown($('log'));
    return row;
  }

  // ---- the production path: sign, encrypt, POST /wecom/callback, verify, decrypt
  async function postCallback(body, encrypt) {
    var timestamp = String(Math.floor(Date.now() / 1000));
    var nonce = newNonce();
    var signature = await wecomSignature(state.session.token, timestamp, nonce, encrypt);
    var q = new URLSearchParams({ msg_signature: signature, timestamp: timestamp, nonce: nonce });
    return fetch('/wecom/callback?' + q.toString(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: body });
  }

  async function openReply(res) {
    var text = await res.text();
    if (!text) return null;
    var env = JSON.parse(text);
    var expected = await wecomSignature(state.session.token, String(env.timestamp), env.nonce, env.encrypt);
    if (expected !== env.msgsignature) throw new Error('回复的签名校验失败');
    var plain = await wecomDecrypt(state.keys, env.encrypt);
    if (plain.receiveId !== '') throw new Error('回复的 receiveid 不对');
    var msg = JSON.parse(plain.message);
    if (msg.msgtype === 'stream') return (msg.stream && msg.stream.content) || '';
    if (msg.msgtype === 'text') return (msg.text && msg.text.content) || '';
    return plain.message;
  }

  async function send(text) {
    var sender = currentSender();
    var group = state.mode === 'group';
    var content = group && text.charAt(0) !== '@' ? '@' + state.session.botName + ' ' + text : text;
    addOutgoing(sender, group, content);
    var payload = { msgid: 'demo-' + randomHex(12), aibotid: state.session.aibotid, chattype: group ? 'group' : 'single', from: { userid: sender.userid }, msgtype: 'text', text: { content: content } };
    if (group) payload.chatid = state.session.chatid;
    var started = performance.now();
    try {
      var encrypt = await wecomEncrypt(state.keys, JSON.stringify(payload), '');
      var body = JSON.stringify({ encrypt: encrypt });
      for (var attempt = 1; ; attempt++) {
        var res = await postCallback(body, encrypt);
        // WeCom redelivers the same message when the bot is slow; so does the simulator.
        if (res.status === 503 && attempt < 4) {
          addSystem('机器人正忙，按企业微信的方式重发同一条消息（第 ' + attempt + ' 次）…');
          await wait(1500);
          continue;
        }
        if (!res.ok) throw new Error('回调接口返回 HTTP ' + res.status + '：' + (await res.text()).slice(0, 80));
        var reply = await openReply(res);
        addBot(reply, '已签名加密 · POST /wecom/callback · HTTP ' + res.status + ' · ' + Math.round(performance.now() - started) + ' ms');
        break;
      }
    } catch (err) {
      addSystem('发送失败：' + (err && err.message ? err.message : String(err)), 'error');
    }
    refreshRoster();
    pollPushes();
  }

  // ---- senders
  function currentSender() {
    var id = $('sender').value;
    for (var i = 0; i < state.people.length; i++) if (state.people[i].userid === id) return state.people[i];
    return STRANGER;
  }

  async function refreshRoster() {
    var data;
    try { data = await getJson('/demo/api/roster'); } catch (e) { return; }
    state.people = data.people;
    state.names = {};
    data.people.forEach(function (p) { state.names[p.userid] = p.name; });
    var select = $('sender');
    var keep = select.value || localStorage.getItem('demo.sender') || '';
    select.textContent = '';
    var groups = [['人大办工作人员', data.people.filter(function (p) { return p.isOffice; })], ['代表', data.people.filter(function (p) { return !p.isOffice; })], ['其他', [STRANGER]]];
    groups.forEach(function (g) {
      if (!g[1].length) return;
      var og = document.createElement('optgroup');
      og.label = g[0];
      g[1].forEach(function (p) {
        var o = el('option', null, p.name + (p.isOffice ? '（人大办）' : p.group ? '（' + p.group + '）' : ''));
        o.value = p.userid;
        og.appendChild(o);
      });
      select.appendChild(og);
    });
    var ids = data.people.map(function (p) { return p.userid; }).concat([STRANGER.userid]);
    var fallback = data.people.filter(function (p) { return !p.isOffice; })[0] || data.people[0] || STRANGER;
    select.value = ids.indexOf(keep) >= 0 ? keep : fallback.userid;
    renderChips();
  }

  function renderChips() {
    var box = $('chips');
    box.textContent = '';
    if (!state.session) return;
    var office = currentSender().isOffice;
    state.session.commands.filter(function (c) { return c.role === 'deputy' || office; }).forEach(function (c) {
      var b = el('button', 'chip' + (c.role === 'office' ? ' office' : ''), c.name);
      b.type = 'button';
      b.title = c.example;
      b.addEventListener('click', function () {
        $('text').value = c.example;
        $('text').focus();
      });
      box.appendChild(b);
    });
  }

  // ---- group pane: what the bot pushed to the group (the local WeCom sink)
  function channelLabel(p) {
    if (p.channel === 'webhook') return '群机器人推送';
    if (p.channel === 'app') return '应用消息 → ' + p.touser.map(function (u) { return state.names[u] || u; }).join('、');
    return '会话补充回复';
  }

  function addPush(p) {
    var card = el('div', 'push');
    card.appendChild(el('div', 'meta', channelLabel(p) + ' · ' + clock(new Date(p.at))));
    var body = el('div', 'bubble');
    var html = renderMarkdown(p.content);
    if (p.mentions && p.mentions.length) {
      var who = p.mentions.map(function (u) { return u === '@all' ? '@所有人' : '@' + (state.names[u] || u); }).join(' ');
      html = '<span class="at">' + escapeHtml(who) + '</span> ' + html;
    }
    body.innerHTML = html;
    card.appendChild(body);
    $('pushes').appendChild(card);
    scrollDown($('pushes'));
  }

  async function pollPushes() {
    if (state.polling) return;
    state.polling = true;
    try {
      var data = await getJson('/demo/api/pushes?after=' + state.cursor);
      $('status').textContent = '已连接';
      $('status').className = 'status ok';
      if (data.last < state.cursor) {
        state.cursor = 0;
        Array.from($('pushes').querySelectorAll('.push')).forEach(function (n) { n.remove(); });
        $('empty').hidden = false;
        return;
      }
      data.pushes.forEach(addPush);
      if (data.pushes.length) {
        state.cursor = data.pushes[data.pushes.length - 1].seq;
        $('empty').hidden = true;
        if (state.pane !== 'group') {
          state.unread += data.pushes.length;
          $('unread').textContent = String(state.unread);
          $('unread').hidden = false;
        }
      }
    } catch (e) {
      $('status').textContent = '连接中断，正在重试…';
      $('status').className = 'status bad';
    } finally {
      state.polling = false;
    }
  }

  // ---- layout and input
  function showPane(name) {
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

  function setMode(mode) {
    state.mode = mode;
    localStorage.setItem('demo.mode', mode);
    $('mode-group').classList.toggle('active', mode === 'group');
    $('mode-single').classList.toggle('active', mode === 'single');
  }

  // The office console, signed in as the chosen person through a one-time link (demo mode only).
  async function openConsole() {
    var sender = currentSender();
    // Opened before the request so that popup blockers see a click, then pointed at the link.
    var win = window.open('', '_blank');
    try {
      var r = await fetch('/demo/api/console-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userid: sender.userid }) });
      var data = await r.json().catch(function () { return {}; });
      if (!r.ok || !data.url) throw new Error((data.error && data.error.message) || ('HTTP ' + r.status));
      if (win) win.location.href = data.url;
      else location.href = data.url;
    } catch (e) {
      if (win) win.close();
      addSystem('打不开工作台：' + (e && e.message ? e.message : String(e)), 'error');
    }
  }

  function wire() {
    $('open-console').addEventListener('click', openConsole);
    $('tab-chat').addEventListener('click', function () { showPane('chat'); });
    $('tab-group').addEventListener('click', function () { showPane('group'); });
    $('mode-group').addEventListener('click', function () { setMode('group'); });
    $('mode-single').addEventListener('click', function () { setMode('single'); });
    $('sender').addEventListener('change', function () {
      localStorage.setItem('demo.sender', $('sender').value);
      renderChips();
    });
    $('composer').addEventListener('submit', function (e) {
      e.preventDefault();
      var text = $('text').value.trim();
      if (!text || !state.keys) return;
      $('text').value = '';
      send(text);
    });
    $('text').addEventListener('keydown', function (e) {
      // Enter sends; Shift+Enter is a new line; Enter that confirms an IME candidate does nothing.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        $('composer').requestSubmit();
      }
    });
  }

  async function init() {
    wire();
    setMode(localStorage.getItem('demo.mode') === 'single' ? 'single' : 'group');
    showPane('chat');
    if (!window.isSecureContext || !window.crypto || !crypto.subtle) {
      addSystem('这个浏览器地址下不能使用 WebCrypto 加密。请在运行机器人的电脑上用 http://127.0.0.1 或 http://localhost 打开本页。', 'error');
      return;
    }
    try {
      state.session = await getJson('/demo/api/session');
      state.keys = await wecomKeys(state.session.encodingAesKey);
    } catch (e) {
      addSystem('连不上机器人：' + (e && e.message ? e.message : String(e)) + '。请确认 npm start 还在运行，然后刷新本页。', 'error');
      return;
    }
    await refreshRoster();
    addSystem('选择发送人和方式，输入命令后按回车。先试试“帮助”。');
    pollPushes();
    setInterval(pollPushes, 1500);
  }

  init();
})();
`;
