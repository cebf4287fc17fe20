// Chinese text for activities (活动), check-in (签到) and liaison-station shifts (值班); meetings in meetings.ts.

const TIME_EXAMPLE = '例：时间：11月25日14:30，或 明天下午3点、下周三上午9点';

/** 1440 → 24小时, 90 → 90分钟 */
export function before(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`;
}

function places(capacity: number | null | undefined, confirmed?: number): string {
  if (capacity === null || capacity === undefined)
    return confirmed === undefined ? '不限' : `不限（已报名${confirmed}人）`;
  return confirmed === undefined
    ? `${capacity}人`
    : `${capacity}人（已报名${confirmed}人，剩余${Math.max(capacity - confirmed, 0)}个）`;
}

export const events = {
  // -- times and codes
  eventTimeMissing: () => `请写上时间。${TIME_EXAMPLE}`,
  eventTimeInvalid: (p: { text: string }) =>
    `「${p.text}」不是有效的日期或钟点（如那个月没有这一天，或钟点超过23:59）。请检查后重写，${TIME_EXAMPLE}`,
  eventTimeUnrecognized: (p: { text: string }) =>
    `没看懂时间「${p.text}」。${TIME_EXAMPLE}；结束时间可写成「14:30-17:00」。`,
  eventTimeNoClock: (p: { text: string }) => `「${p.text}」没有具体钟点，请加上几点开始。例：时间：${p.text} 上午9点`,
  eventTimePast: (p: { when: string }) => `时间 ${p.when} 已经过去了，请写一个将来的时间。${TIME_EXAMPLE}`,
  eventEndBeforeStart: (p: { start: string }) => `结束时间要晚于开始时间（${p.start}）。例：时间：11月25日14:30-17:00`,
  eventDeadlinePast: (p: { text: string }) => `报名截止「${p.text}」已经过去了。例：截止：11月24日18:00`,
  eventDeadlineUnrecognized: (p: { text: string }) =>
    `没看懂报名截止「${p.text}」。例：截止：11月24日18:00，或 截止：11月24日`,
  eventTitleTooLong: () => '标题请控制在60字以内，详细说明可另发公告。',
  eventPlaceMissing: (p: { kind: 'activity' | 'meeting' }) =>
    `请写上地点。例：${p.kind === 'activity' ? '发布活动' : '会议通知'} … 时间：11月25日14:30 地点：镇政府三楼会议室`,
  activityCodeInvalid: (p: { text: string }) =>
    `「${p.text}」不是活动编号。活动编号形如 HD2026-001，也可以只写序号，例：报名 1`,
  meetingCodeInvalid: (p: { text: string }) =>
    `「${p.text}」不是会议编号。会议编号形如 HY2026-001，也可以只写序号，例：回执 1 参加`,

  // -- activities: office
  activityUsage: () =>
    '格式：发布活动 <标题> 时间：… 地点：… [名额：n] [截止：…] [类型：视察|调研|执法检查|专业小组|培训|述职|评议|其他]\n例：发布活动 视察镇敬老院建设 时间：11月25日14:30 地点：镇敬老院 名额：10 类型：视察',
  activityCapacityInvalid: (p: { text: string }) =>
    `名额「${p.text}」要写成人数，例：名额：10；不限名额可不写或写「名额：不限」。`,
  activityTypeInvalid: (p: { text: string; types: string }) =>
    `没有「${p.text}」这个活动类型。可选：${p.types}。例：类型：调研`,
  activityCreated: (p: {
    code: string;
    title: string;
    type: string;
    when: string;
    place: string;
    capacity: number | null;
    deadline: string;
    existed: boolean;
  }) =>
    `${p.existed ? '这条活动已经发布过：' : '已发布活动，并已在群里通知：'}\n${p.code} ${p.title}（${p.type}）\n时间：${p.when}\n地点：${p.place}\n名额：${places(p.capacity)}\n报名截止：${p.deadline}\n如需调整：修改活动 ${p.code} 时间：… 地点：…；取消：取消活动 ${p.code} <原因>`,
  activityChangeUsage: () =>
    '格式：修改活动 <编号> [时间：…] [地点：…] [名额：n|不限] [截止：…]\n例：修改活动 HD2026-001 时间：11月26日9:00 地点：镇政府二楼会议室',
  activityCancelUsage: () => '格式：取消活动 <编号> <原因>\n例：取消活动 HD2026-001 因天气原因顺延',
  activityChanged: (p: {
    code: string;
    changed: string[];
    when: string;
    place: string;
    capacity: number | null;
    confirmed: number;
    deadline: string;
    promoted: string[];
  }) =>
    `已修改 ${p.code}（${p.changed.join('、')}），已通知报名的代表。\n时间：${p.when}\n地点：${p.place}\n名额：${places(p.capacity, p.confirmed)}\n报名截止：${p.deadline}${p.promoted.length ? `\n候补转正：${p.promoted.join('、')}（已通知）` : ''}`,
  activityCancelledReply: (p: { code: string; told: number }) =>
    `已取消 ${p.code}，群里已通知${p.told ? `，并单独告知了已报名/候补的 ${p.told} 位代表` : ''}。`,
  activityCapacityBelowSigned: (p: { code: string; count: number }) =>
    `${p.code} 已有 ${p.count} 人报名，名额不能少于 ${p.count}。如确需减少，请先与代表沟通后由代表取消报名。`,
  activityOver: (p: { code: string }) => `${p.code} 已经结束，不能再修改或取消。`,
  activityAlreadyCancelled: (p: { code: string }) => `${p.code} 已经取消过了。发送「活动」查看进行中的活动。`,

  // -- activities: deputies
  activityNotFound: (p: { code: string }) => `没有找到活动 ${p.code}。发送「活动」查看近期活动和编号。`,
  activityCancelled: (p: { code: string; reason: string }) =>
    `活动 ${p.code} 已取消${p.reason ? `（${p.reason}）` : ''}。发送「活动」查看其他活动。`,
  activityDeadlinePassed: (p: { code: string; deadline: string }) =>
    `活动 ${p.code} 的报名已于 ${p.deadline} 截止，不能再报名或取消。如有特殊情况，可发「请假 ${p.code} <原因>」或联系人大办。`,
  activityStarted: (p: { code: string }) => `活动 ${p.code} 已经开始，不能再请假。如有情况请联系人大办。`,
  activityAlreadySigned: (p: { code: string }) => `您已经报名了 ${p.code}，不用重复报名。如需取消：取消报名 ${p.code}`,
  activityAlreadyWaitlisted: (p: { code: string; position: number }) =>
    `您已在 ${p.code} 的候补名单中（第 ${p.position} 位），有空位会自动递补并通知您。`,
  activityNotSigned: (p: { code: string }) => `您没有报名 ${p.code}。报名请发：报名 ${p.code}`,
  activitySignupUsage: () => '请写上活动编号。例：报名 HD2026-001（或 报名 1）。发送「活动」查看近期活动。',
  activityCancelSignupUsage: () => '请写上活动编号。例：取消报名 HD2026-001',
  activitySignedUp: (p: {
    code: string;
    title: string;
    when: string;
    place: string;
    capacity: number | null;
    confirmed: number;
    opens: string;
  }) =>
    `报名成功：${p.code} ${p.title}\n时间：${p.when}\n地点：${p.place}\n名额：${places(p.capacity, p.confirmed)}\n${p.opens} 起可发「签到 ${p.code}」签到。如需取消：取消报名 ${p.code}`,
  activityWaitlisted: (p: { code: string; title: string; position: number }) =>
    `${p.code} ${p.title} 名额已满，您已进入候补，排第 ${p.position} 位。有人取消时会按顺序自动递补并通知您。不想等了可发：取消报名 ${p.code}`,
  activitySignupCancelled: (p: { code: string; wasConfirmed: boolean; promoted: string[] }) =>
    `已取消您对 ${p.code} 的${p.wasConfirmed ? '报名' : '候补'}。${p.promoted.length ? `名额已递补给 ${p.promoted.join('、')}。` : ''}如需重新报名：报名 ${p.code}`,
  activityLeaveRecorded: (p: { code: string; wasConfirmed: boolean; promoted: string[] }) =>
    p.wasConfirmed
      ? `已为您登记 ${p.code} 的请假，会计入履职记录（请假）。${p.promoted.length ? `名额已递补给 ${p.promoted.join('、')}。` : ''}`
      : `已把您从 ${p.code} 的候补名单中移除。`,
  activityListEmpty: () => '近期没有活动。人大办发布活动后会在群里通知。',
  activityListHeader: () => '近期活动：',
  activityListLine: (p: {
    code: string;
    title: string;
    when: string;
    place: string;
    capacity: number | null;
    confirmed: number;
    deadline: string;
    closed: boolean;
    mine: string;
  }) =>
    `- ${p.code} ${p.title}\n  ${p.when} · ${p.place}\n  名额：${places(p.capacity, p.confirmed)} · ${p.closed ? '报名已截止' : `报名截止 ${p.deadline}`} · ${p.mine}`,
  activityListFooter: () => '报名：报名 <编号>；取消：取消报名 <编号>；请假：请假 <编号> <原因>',
  mineConfirmed: () => '我已报名',
  mineWaitlisted: (p: { position: number }) => `我在候补第${p.position}位`,
  mineExcused: () => '我已请假',
  mineNone: () => '我未报名',

  // -- activities: pushes
  activityAnnouncePush: (p: {
    code: string;
    title: string;
    type: string;
    when: string;
    place: string;
    capacity: number | null;
    deadline: string;
  }) =>
    `**活动通知 ${p.code}**\n${p.title}（${p.type}）\n> 时间：${p.when}\n> 地点：${p.place}\n> 名额：${places(p.capacity)}\n> 报名截止：${p.deadline}\n\n报名请发：报名 ${p.code}`,
  activityPromotedPush: (p: { code: string; title: string; when: string; place: string }) =>
    `好消息：您已从候补转为正式报名 **${p.code} ${p.title}**\n> 时间：${p.when}\n> 地点：${p.place}\n\n不能参加请发：取消报名 ${p.code}`,
  activityChangedPush: (p: {
    code: string;
    title: string;
    changed: string[];
    when: string;
    place: string;
    capacity: number | null;
    deadline: string;
  }) =>
    `**活动变更 ${p.code}**（${p.changed.join('、')}有变化）\n${p.title}\n> 时间：${p.when}\n> 地点：${p.place}\n> 名额：${places(p.capacity)}\n> 报名截止：${p.deadline}`,
  activityChangedUsersPush: (p: { code: string }) =>
    `您报名（或候补）的活动 ${p.code} 有变更，请看上面的通知。不能参加请发：取消报名 ${p.code}`,
  activityCancelledPush: (p: { code: string; title: string; when: string; reason: string }) =>
    `**活动取消 ${p.code}**\n${p.title}（原定 ${p.when}）已取消。\n> 原因：${p.reason}`,
  activityCancelledUsersPush: (p: { code: string; title: string; when: string; reason: string }) =>
    `您报名的活动 ${p.code} ${p.title}（${p.when}）已取消，原因：${p.reason}。无需签到。`,
  activityReminderPush: (p: { code: string; title: string; when: string; place: string; minutesBefore: number }) =>
    `**活动提醒**（约${before(p.minutesBefore)}后开始）\n${p.code} ${p.title}\n> 时间：${p.when}\n> 地点：${p.place}\n\n请已报名的代表准时参加，到场后发：签到 ${p.code}`,

  // -- check-in
  checkinUsage: () => '格式：签到 <编号>，例：签到 HD2026-001、签到 HY2026-001；接访值班发：签到 值班',
  checkinTooEarly: (p: { code: string; opens: string; closes: string }) =>
    `${p.code} 还没到签到时间。签到时间：${p.opens} 至 ${p.closes}，到时再发：签到 ${p.code}`,
  checkinTooLate: (p: { code: string; opens: string; closes: string }) =>
    `${p.code} 的签到已结束（签到时间：${p.opens} 至 ${p.closes}）。如确实到场，请联系人大办补登。`,
  checkinNotSigned: (p: { code: string; canSignUp: boolean }) =>
    `${p.code} 只有报名的代表才能签到，您没有报名。${p.canSignUp ? `请先报名：报名 ${p.code}，再发：签到 ${p.code}` : '如确实到场，请联系人大办补登。'}`,
  checkinWaitlisted: (p: { code: string; position: number }) =>
    `您在 ${p.code} 的候补名单中（第 ${p.position} 位），还没有转为正式报名，暂不能签到。如确实到场，请联系人大办补登。`,
  checkinAlready: (p: { code: string; at: string }) => `您已于 ${p.at} 签到 ${p.code}，不用重复签到。`,
  checkinWhich: (p: { activity: string; meeting: string }) =>
    `${p.activity} 和 ${p.meeting} 现在都可以签到，请写完整编号。例：签到 ${p.meeting}`,
  checkinWhichOf: (p: { codes: string }) =>
    `现在可以签到的有：${p.codes}。请写上编号，例：签到 ${p.codes.split('、')[0] ?? ''}`,
  checkinNotFound: (p: { text: string }) => `没有编号为 ${p.text} 的活动或会议。发送「活动」或「会议」查看编号。`,
  checkinNothingOpen: () =>
    '现在没有您可以签到的活动、会议或值班。签到请写编号，例：签到 HD2026-001；值班签到：签到 值班',
  checkinShiftLabel: (p: { label: string }) => `接访值班（${p.label}）`,
  checkedIn: (p: { what: string; at: string }) => `签到成功：${p.what}\n签到时间：${p.at}`,

  // -- shifts
  shiftUsage: () =>
    '格式：排班 <日期> <代表姓名…> [地点：<联络站>]\n例：排班 12月5日 张三 李四 地点：东村代表联络站（可加时间：排班 12月5日上午9点 张三）',
  shiftDateInvalid: (p: { text: string }) =>
    `「${p.text}」不是有效的日期或钟点，请检查后重发。例：排班 12月5日 张三 李四 地点：东村代表联络站`,
  shiftNamesInvalid: (p: { problems: string[] }) =>
    `这次没有排班，请改正下面的姓名后重发整条：\n${p.problems.map((x) => `- ${x}`).join('\n')}`,
  shiftNoNames: () => '请写上值班代表的姓名，多人用空格或顿号分开。例：排班 12月5日 张三、李四 地点：东村代表联络站',
  shiftStationMissing: (p: { known: string }) =>
    `请写上联络站。例：排班 12月5日 张三 地点：东村代表联络站${p.known ? `\n已有联络站：${p.known}` : ''}`,
  stationAmbiguous: (p: { text: string; candidates: string }) =>
    `「${p.text}」可能是：${p.candidates}。请写全称；确是新联络站请在末尾加「（新）」。`,
  stationInvalid: () => '联络站名称应为1到40个字。例：地点：东村代表联络站',
  shiftScheduled: (p: {
    label: string;
    added: string[];
    already: string[];
    station: string;
    stationNew: boolean;
    stationCorrected: boolean;
  }) =>
    [
      `已排班：${p.label}`,
      p.added.length ? `值班代表：${p.added.join('、')}（已通知）` : '',
      p.already.length ? `已在这个班次：${p.already.join('、')}` : '',
      p.stationNew
        ? `「${p.station}」是新联络站，已记住。`
        : p.stationCorrected
          ? `联络站按「${p.station}」登记。`
          : '',
      '值班前一天会提醒值班代表；当天到岗后发：签到 值班',
    ]
      .filter(Boolean)
      .join('\n'),
  shiftAssignedPush: (p: { label: string }) =>
    `您被安排在 ${p.label} 接访值班。当天到岗后请发：签到 值班。发「值班」可查看全部排班。`,
  shiftReminderPush: (p: { label: string }) =>
    `**值班提醒**\n明天（${p.label}）接访值班，请准时到岗；到岗后发：签到 值班`,
  shiftListEmpty: () => '近期没有排班。',
  shiftListMine: () => '我的值班：',
  shiftListOthers: () => '其他排班：',
  shiftListLine: (p: { label: string; names: string[]; checkedIn: boolean }) =>
    `- ${p.label}：${p.names.join('、')}${p.checkedIn ? '（我已签到）' : ''}`,
  shiftNoneToday: () => '您近期没有值班安排。发「值班」查看排班。',
  shiftCheckinNotYet: (p: { label: string; opens: string; closes: string }) =>
    `还没到值班签到时间。您的下一个班次：${p.label}，签到时间 ${p.opens} 至 ${p.closes}。`,
  shiftCheckinAlready: (p: { label: string }) => `您已签到过 ${p.label} 的值班。`,

  // -- the console's forms (活动与会议, 值班): what a field shows under it
  eventFormStartPast: (p: { when: string }) => `开始时间 ${p.when} 已经过去了，请选一个将来的时间。`,
  eventFormEndBeforeStart: (p: { start: string }) => `结束时间要晚于开始时间（${p.start}）。`,
  eventFormDeadlinePast: (p: { when: string }) =>
    `报名截止 ${p.when} 已经过去了，请选一个将来的时间，或留空（开始前都可报名）。`,
  eventFormDeadlineAfterStart: (p: { start: string }) => `报名截止不能晚于开始时间（${p.start}）。`,
  eventChangedMeanwhile: (p: { code: string }) =>
    `${p.code} 刚刚有了变化（可能有代表报名，或其他工作人员修改了），页面已重新载入，请核对后再保存。`,
  shiftFormDateInvalid: (p: { text: string }) => `「${p.text}」不是有效的日期或钟点，请重新选择。`,
  shiftFormPast: (p: { when: string }) => `${p.when} 已经过去了，只能安排今天及以后的值班。`,
  shiftNotOnRoster: (p: { userid: string }) => `名册中没有在册代表「${p.userid}」，请从列表中选择。`,
  shiftPastLocked: (p: { label: string }) => `${p.label} 的值班已经过去，不能再调整。`,
  shiftMemberCheckedIn: (p: { name: string; label: string }) => `${p.name} 已在 ${p.label} 签到，不能再移出这个班次。`,
  shiftNotFound: () => '找不到这个班次，可能已被删除，页面已重新载入。',
  shiftRemovedPush: (p: { label: string }) => `人大办已取消您 ${p.label} 的接访值班安排。发「值班」可查看最新排班。`,
};
