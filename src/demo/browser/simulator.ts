// The simulator page's behaviour (browser code, served inlined into GET /demo after the crypto script of
// src/demo/page-crypto.ts and the other scripts of this folder, see page-state.ts). This one lays out the page,
// wires its controls and starts it. Built by `npm run build` (scripts/build-if-stale.mjs, target "simulator") into
// dist/demo-assets/.

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
