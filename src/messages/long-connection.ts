// Chinese text for the smart bot's long connection (任务 shows its health) and spoken opinions.

const STATES: Record<string, string> = {
  idle: '准备连接',
  connecting: '正在连接',
  subscribing: '正在订阅',
  up: '已连接',
  backoff: '连接中断，等待重连',
  refused: '企业微信拒绝了订阅（请检查 WECOM_BOT_ID 和 WECOM_BOT_SECRET），等待重试',
  kicked: '已被另一个连接顶替（同一个机器人只能有一个长连接），不再自动重连：请确认没有别处在运行本机器人，然后重启',
  stopped: '已停止',
};

export const longConnection = {
  longConnWorking: () => '正在处理…',
  linkHeader: () => '**长连接**（无需公网地址）',
  linkState: (p: { state: string; since: string; upSince?: string; holder: string }) =>
    p.state === 'up'
      ? `- 状态：已连接，自 ${p.upSince ?? p.since} 起（实例 ${p.holder}）`
      : `- 状态：${STATES[p.state] ?? p.state}（自 ${p.since}，实例 ${p.holder}）`,
  linkNoHolder: () => '- 状态：没有实例持有长连接（机器人可能都已停止）',
  pushGroupWebhook: () => '- 代表群：群推送走群机器人 Webhook，无需设定',
  pushGroupNone: (p: { waiting: number }) =>
    `- 代表群：尚未设定，${p.waiting} 条群推送正在等待（不会发往别的群）。` +
    '请人大办工作人员在代表群里 @机器人 发送「设为代表群」，或在工作台「系统」页选择。',
  pushGroupCurrent: (p: { chatid: string; when: string; by?: string; waiting: number }) =>
    (p.by
      ? `- 代表群：chatid ${p.chatid}（${p.when} 由 ${p.by} 设定）`
      : `- 代表群：chatid ${p.chatid}（旧版本自动记录的第一个群，${p.when}；只要没有别的群与机器人对话就沿用，` +
        '请在代表群里发送「设为代表群」确认）') + (p.waiting ? `，${p.waiting} 条群推送待发` : ''),
  pushGroupChosen: (p: { unchanged: boolean; waiting: number }) =>
    (p.unchanged ? '本群已经是代表群。' : '已将本群设为代表群：今后的群推送（通知、周报、提醒）都发到本群。') +
    (p.waiting ? `\n等待中的 ${p.waiting} 条群推送将按顺序发出。` : ''),
  pushGroupGroupOnly: () =>
    '「设为代表群」要在接收群推送的那个群里 @机器人 发送，单聊中无法设定。也可以在工作台「系统」页选择。',
  pushGroupNotNeeded: () => '群推送走群机器人 Webhook（WECOM_WEBHOOK_KEY），发往哪个群由该机器人决定，无需设定。',
  outboxPreviewMedia: (p: { image: boolean; filename?: string }) =>
    `［${p.image ? '图片' : '文件'}］${p.filename ?? ''}`,
  pushGroupUnknown: () => '机器人还没有收到过这个群的消息：请先在该群里 @机器人 说一句话，再选择。',
  voiceDraftOffered: (p: { text: string; minutes: number }) =>
    `我听到的是：\n> ${p.text}\n\n回复「确认」提交为建议，或重新说一遍。（${p.minutes}分钟内有效）`,
  voiceDraftNone: () => '没有待确认的语音建议。请先发一条语音说出您的建议，或直接输入「建议 内容」。',
  voiceDraftExpired: (p: { minutes: number }) =>
    `您的语音建议超过${p.minutes}分钟未确认，已失效。请重新说一遍，或直接输入「建议 内容」。`,
  voiceDraftAlreadyFiled: (p: { code: string }) =>
    `这条语音建议已经提交过了，编号 ${p.code}。发送「进度 ${p.code}」查看办理情况。`,
  voiceEmpty: () => '没听清这条语音。请再说一遍，或直接打字。',
};
