// Sending what the person typed, spoke or picked (browser code; see page-state.ts), as the chosen sender in the
// chosen chat, by the session's transport.

/** The callback body WeCom would send for this message: text, voice, an image, or text and a picture (`mixed`). */
function messagePayload(
  sender: Person,
  content: string,
  how: { group: boolean; voice: boolean; typed: boolean },
  picture?: { url: string; aeskey?: string },
): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    msgid: 'demo-' + randomHex(12),
    aibotid: session().aibotid,
    chattype: how.group ? 'group' : 'single',
    from: { userid: sender.userid },
    msgtype: how.voice ? 'voice' : 'text',
  };
  if (picture && (how.group || how.typed)) {
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
  } else if (how.voice) payload.voice = { content: content };
  else payload.text = { content: content };
  if (how.group) payload.chatid = session().chatid;
  return payload;
}

async function send(text: string, image?: Picture): Promise<void> {
  const sender = currentSender();
  const group = state.mode === 'group';
  const voice = state.mode === 'voice' && !image;
  const content = group && text.charAt(0) !== '@' ? '@' + session().botName + ' ' + text : text;
  addOutgoing(sender, group, image ? (content ? content + '\n' : '') + '[图片] ' + image.label : content, voice);
  const picture = image ? { url: image.url, ...(image.aeskey ? { aeskey: image.aeskey } : {}) } : undefined;
  const started = performance.now();
  try {
    if (session().transport === 'long-connection')
      await sendLong(sender, content, started, image ? { ...picture!, label: image.label } : undefined);
    else {
      const payload = messagePayload(sender, content, { group, voice, typed: Boolean(text) }, picture);
      await sendCallback(sender, payload, started);
    }
  } catch (err) {
    addSystem('发送失败：' + messageOf(err), 'error');
  }
  void refreshRoster();
  void pollPushes();
}

/** The callback path: retried as WeCom retries a slow bot; the reply, then a stream's final state, in the log. */
async function sendCallback(sender: Person, payload: Record<string, unknown>, started: number): Promise<void> {
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
      if (done) addBot(done.text, '流式消息刷新（msgtype stream）· ' + Math.round(performance.now() - started) + ' ms');
    }
    return;
  }
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
