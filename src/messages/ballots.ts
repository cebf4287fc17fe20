// Chinese text for 票决: opening, voting one-to-one, the list, turnout, the result and its announcement.

const chooseWords = (p: { choose: number; upTo: boolean }) => (p.upTo ? `最多选 ${p.choose} 项` : `选 ${p.choose} 项`);

export interface BallotResultLine {
  n: number;
  name: string;
  votes: number;
  chosen: boolean;
  tied: boolean;
}

const resultLines = (lines: BallotResultLine[]) =>
  lines.map(
    (l) => `${l.n}. ${l.name}：${l.votes} 票${l.chosen ? '（当选）' : l.tied ? '（票数相同，需另行决定）' : ''}`,
  );

export const ballots = {
  ballotChooseWords: chooseWords,
  ballotOpenUsage: () =>
    '格式：发起票决 <标题> 候选：<甲>；<乙>；<丙> 选<n>项 截止：<时间>\n例：发起票决 2027年民生实事项目 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月10日18点\n（写「最多选2项」表示可少选）',
  ballotBadDeadline: (p: { input: string }) => `看不懂截止时间「${p.input}」。请写具体时间，例如：截止：12月10日18点。`,
  ballotNeedDeadline: () => '请写截止时间，例如：截止：12月10日18点。',
  ballotNeedChoose: () => '请写要选几项，例如：选2项，或 最多选2项。',
  ballotOpened: (p: {
    code: string;
    title: string;
    candidates: string[];
    choose: number;
    upTo: boolean;
    deadline: string;
    entitled: number;
  }) =>
    [
      `已发起票决 ${p.code}《${p.title}》，${chooseWords(p)}，截止 ${p.deadline}，可投票代表 ${p.entitled} 人。`,
      ...p.candidates.map((c, i) => `${i + 1}. ${c}`),
      '已通知群里。投票中只能看投票人数；结束后发送「票决结果 ' + p.code + '」查看结果。',
    ].join('\n'),
  ballotOpenedPush: (p: {
    code: string;
    title: string;
    candidates: string[];
    choose: number;
    upTo: boolean;
    deadline: string;
  }) =>
    [
      `**票决** ${p.code}《${p.title}》`,
      `候选（${chooseWords(p)}）：`,
      ...p.candidates.map((c, i) => `${i + 1}. ${c}`),
      `截止：${p.deadline}`,
      `请**私聊**助手投票，不要在群里发：投票 ${p.code} <序号>…（例：投票 ${p.code} ${p.candidates
        .slice(0, p.choose)
        .map((_, i) => i + 1)
        .join(' ')}）。投票不记名。`,
    ].join('\n'),
  ballotOpenInGroup: () => '请私聊助手发起票决，群里只发通知。',
  ballotVoteUsage: () => '格式：投票 <编号> <序号> <序号>…\n例：投票 PJ2026-001 1 3（发送「票决」查看编号和候选）',
  ballotBadCode: (p: { input: string }) =>
    `「${p.input}」不是票决编号。例：投票 PJ2026-001 1 3（发送「票决」查看编号）`,
  ballotBadNumbers: (p: { code: string }) =>
    `请用候选的序号投票，序号之间用空格隔开。例：投票 ${p.code} 1 3\n（测评、评议请按顺序逐项写：满意、基本满意或不满意）`,
  ballotVoteInGroup: () =>
    '为保证不记名，请不要在群里投票：请私聊助手（单聊）发送「投票 <编号> <序号>…」。这条消息没有计票。',
  ballotVoted: (p: { code: string; title: string; count: number }) =>
    `已投票：${p.code}《${p.title}》，您选了 ${p.count} 项。投票不记名，结束后公布结果。`,
  ballotListEmpty: () => '目前没有进行中的票决。',
  ballotListHeader: () => '**进行中的票决**',
  ballotListLine: (p: {
    code: string;
    title: string;
    deadline: string;
    voted: boolean;
    entitled: boolean;
    turnout?: string;
    choose: number;
    upTo: boolean;
    candidates: string[];
  }) =>
    [
      `- ${p.entitled ? (p.voted ? '✅ 已投' : '⬜ 未投') : ''} ${p.code}《${p.title}》${chooseWords(p)}，截止 ${p.deadline}${p.turnout ? `（${p.turnout}）` : ''}`.replace(
        '-  ',
        '- ',
      ),
      ...(p.entitled && !p.voted ? p.candidates.map((c, i) => `  ${i + 1}. ${c}`) : []),
    ].join('\n'),
  ballotListTurnout: (p: { voted: number; entitled: number }) => `已投 ${p.voted}/${p.entitled} 人`,
  ballotListFooter: (p: { example?: string }) => (p.example ? `私聊助手投票：投票 ${p.example} <序号>…` : ''),
  ballotTurnout: (p: {
    code: string;
    title: string;
    voted: number;
    entitled: number;
    deadline: string;
    notVoted: string[];
  }) =>
    [
      `${p.code}《${p.title}》投票中，截止 ${p.deadline}。`,
      `已投 ${p.voted}/${p.entitled} 人。结果在结束后公布。`,
      p.notVoted.length ? `未投：${p.notVoted.join('、')}` : '全部代表都已投票。',
    ].join('\n'),
  ballotResult: (p: {
    code: string;
    title: string;
    lines: BallotResultLine[];
    voted: number;
    entitled: number;
    quorum: boolean;
    choose: number;
    upTo: boolean;
  }) =>
    [
      `**票决结果** ${p.code}《${p.title}》（${chooseWords(p)}）`,
      `参加投票 ${p.voted}/${p.entitled} 人，${p.quorum ? '超过全体代表的半数，票决有效。' : '未超过全体代表的半数，票决无效。'}`,
      ...resultLines(p.lines),
      p.quorum
        ? `当选：${
            p.lines
              .filter((l) => l.chosen)
              .map((l) => l.name)
              .join('、') || '无'
          }`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  ballotClosedNow: (p: { code: string; title: string }) =>
    `已结束票决 ${p.code}《${p.title}》。发送「票决结果 ${p.code}」查看结果，「公布票决 ${p.code}」发到群里。`,
  ballotAnnounced: (p: { code: string }) => `已把 ${p.code} 的结果发到群里。`,
  ballotNotFound: (p: { code: string }) => `没有找到票决 ${p.code}。发送「票决」查看编号。`,
  ballotClosed: (p: { code: string; title: string }) => `票决 ${p.code}《${p.title}》已经结束。`,
  ballotStillOpen: (p: { code: string; title: string }) => `票决 ${p.code}《${p.title}》还在进行中，结束后才公布结果。`,
  ballotNotEntitled: (p: { code: string }) => `您不在票决 ${p.code} 的投票代表名单中。如有疑问请联系人大办。`,
  ballotAlreadyVoted: (p: { code: string }) => `您已投票（${p.code}），每人只能投一次，不能更改。`,
  ballotBadChoice: (p: { code: string; input: number; max: number }) =>
    `序号 ${p.input} 不是 ${p.code} 的候选，候选序号是 1 到 ${p.max}。`,
  ballotChoiceTwice: (p: { code: string }) => `同一个序号只能写一次（${p.code}）。`,
  ballotWrongCount: (p: { code: string; choose: number; upTo: boolean; given: number }) =>
    `${p.code} 要${chooseWords(p)}，您写了 ${p.given} 项，没有计票。请重新发送。`,
  ballotTitleTooLong: (p: { max: number }) => `标题最长 ${p.max} 字，请缩短。`,
  ballotTooFewCandidates: (p: { min: number }) => `候选至少 ${p.min} 个，用「；」隔开。`,
  ballotTooManyCandidates: (p: { max: number }) => `候选最多 ${p.max} 个。`,
  ballotCandidateTooLong: (p: { max: number; name: string }) => `候选「${p.name}…」太长了，每个最多 ${p.max} 字。`,
  ballotCandidateTwice: (p: { name: string }) => `候选「${p.name}」写了两次。`,
  ballotBadChoose: (p: { choose: number; candidates: number }) =>
    `要选的项数（${p.choose}）要至少 1 项、少于候选数（${p.candidates}）。`,
  ballotPastDeadline: (p: { deadline: string; now: string }) =>
    `截止时间 ${p.deadline} 已经过去了（现在是 ${p.now}），请给一个将来的时间。`,
  ballotNoVoters: () => '名单上没有可以投票的代表（在册、非人大办工作人员）。请先在名单里添加代表。',
  refusalBallotNotFound: (p: { code: string }) => `没有找到票决 ${p.code}。`,
  refusalBallotTitleMissing: () => '请填写标题。',
};
