// Chinese text for the transport, dispatcher, help and roster. Entries are functions of their parameters.

export const common = {
  notOnRoster: (p: { contacts: string }) =>
    `您好！您还不在代表名册中，暂时不能使用本助手。请联系${p.contacts}把您添加进名册。`,
  rosterInactive: (p: { contacts: string }) => `您的代表账号已停用。如有疑问，请联系${p.contacts}。`,
  officeContactFallback: () => '人大办',
  internalError: () => '抱歉，处理时出了点问题，请稍后再试一次。如果一直这样，请告诉人大办。',
  unsupportedMessage: () => '我目前只看得懂文字消息和照片（JPG、PNG）。发送「帮助」查看可以使用的命令。',
  welcome: (p: { name?: string }) =>
    `${p.name ? `${p.name}，` : ''}您好！我是代表工作群助手。发送「帮助」查看可以使用的命令。`,
  emptyMessage: () => '您好！发送「帮助」查看可以使用的命令，例如「建议 村口路灯坏了，请尽快维修」。',
  unknownCommand: (p: { input: string; suggestions: string[] }) =>
    p.suggestions.length > 0
      ? `没有「${p.input}」这个命令。您是不是想用：${p.suggestions.map((s) => `「${s}」`).join('、')}？\n发送「帮助」查看全部命令。`
      : `没有「${p.input}」这个命令。发送「帮助」查看可以使用的命令。`,
  /** A command's format, built from its declared arguments (for commands without a hand-written line). */
  commandUsage: (p: { command: string; parts: string; example: string }) =>
    `格式：${p.command}${p.parts ? ` ${p.parts}` : ''}\n例：${p.example}`,
  officeOnly: (p: { command: string }) => `「${p.command}」只有人大办工作人员可以使用。如需办理，请联系人大办。`,
  replyContinued: () => '（内容较长，其余部分随后发出）',
  replyTruncated: () => '（内容较长，这里只显示了前一部分。在群里 @我 或与我单聊发送同一命令，可以看到全部。）',
  helpHeader: (p: { name: string; isOffice: boolean }) =>
    `${p.name}，您可以使用以下命令${p.isOffice ? '（含人大办命令）' : ''}：`,
  helpDeputySection: () => '**代表命令**',
  helpOfficeSection: () => '**人大办命令**',
  helpLine: (p: { name: string; summary: string; example: string }) => `- ${p.name}：${p.summary}（例：${p.example}）`,
  helpFooter: () => '命令前可以 @我，也可以加 / 或 #；全角半角都可以。',

  rosterUsageAdd: () =>
    '格式：代表 添加 <企业微信账号> <姓名> [小组：…] [层级：镇|县|市]\n例：代表 添加 zhangsan 张三 小组：农村农业 层级：镇',
  rosterNameNeeded: (p: { action: string }) => `请写上代表的姓名（或企业微信账号），例：代表 ${p.action} 张三`,
  rosterUsage: () =>
    '代表名册命令：\n- 代表 添加 <企业微信账号> <姓名> [小组：…] [层级：镇|县|市]\n- 代表 列表\n- 代表 停用 <姓名>\n- 代表 设为办公室 <姓名>\n- 代表 取消办公室 <姓名>\n批量导入 Excel 名册：在服务器上运行 npm run roster:import -- 名册.xlsx',
  rosterBadUserid: (p: { userid: string }) =>
    `「${p.userid}」不像企业微信账号（只能包含字母、数字、点、横线、下划线和@，最长64位）。`,
  rosterBadName: () => '姓名应为1到20个字。例：代表 添加 zhangsan 张三',
  rosterBadLevel: (p: { levels: string }) => `层级只能是：${p.levels}。`,
  rosterBadGroup: (p: { groups: string }) => `专业小组只能是：${p.groups}。`,
  rosterBadPhone: (p: { phone: string }) =>
    `「${p.phone}」不是有效的电话号码：请写11位手机号，或带区号的固定电话（例：0571-88886666）。`,
  rosterAdded: (p: { name: string; userid: string; extra: string }) =>
    `已把 ${p.name}（${p.userid}）加入代表名册${p.extra}。`,
  rosterUpdated: (p: { name: string; userid: string; extra: string }) =>
    `已更新 ${p.name}（${p.userid}）的名册信息${p.extra}。`,
  rosterReactivated: (p: { name: string; userid: string }) => `${p.name}（${p.userid}）已重新启用。`,
  rosterNameTaken: (p: { name: string; userid: string }) =>
    `名册中已有另一位「${p.name}」（${p.userid}）。同名代表请在姓名后加区分，例如「${p.name}（东村）」。`,
  rosterListEmpty: () => '名册中还没有代表。用「代表 添加 <企业微信账号> <姓名>」添加。',
  rosterListHeader: (p: { active: number; inactive: number }) =>
    `代表名册：在册 ${p.active} 人${p.inactive ? `，已停用 ${p.inactive} 人` : ''}`,
  rosterListLine: (p: { name: string; userid: string; level: string; group?: string; office: boolean }) =>
    `- ${p.name}（${p.userid}）${p.level}级${p.group ? ` · ${p.group}` : ''}${p.office ? ' · 人大办' : ''}`,
  rosterNotFound: (p: { name: string }) => `名册中没有在册的「${p.name}」。发送「代表 列表」查看名册。`,
  rosterAmbiguous: (p: { name: string; matches: string }) =>
    `「${p.name}」对应多人：${p.matches}。请写全名或企业微信账号。`,
  rosterDeactivated: (p: { name: string }) => `已停用 ${p.name}。TA 的历史记录保留，之后不再计入应到人数。`,
  rosterAlreadyInactive: (p: { name: string }) => `${p.name} 已经是停用状态。`,
  rosterOfficeGranted: (p: { name: string }) => `已把 ${p.name} 设为人大办工作人员。`,
  rosterOfficeAlready: (p: { name: string }) => `${p.name} 已经是人大办工作人员。`,
  rosterOfficeRevoked: (p: { name: string }) => `已取消 ${p.name} 的人大办权限。`,
  rosterOfficeNot: (p: { name: string }) => `${p.name} 不是人大办工作人员。`,
  rosterOfficeFromConfig: (p: { name: string }) =>
    `${p.name} 是在服务器配置（OFFICE_USERIDS）中指定的人大办人员，需由运维在配置中移除。`,
  rosterLastOffice: () => '不能取消最后一位人大办工作人员的权限，请先设置另一位。',
  rosterOfficeConcurrent: () =>
    '另一项人大办权限变更正同时进行；为保证至少保留一位人大办工作人员，本次未执行。请发送「代表 列表」确认后再试。',
  rosterCannotDeactivateSelf: () => '不能停用自己的账号。',
};
