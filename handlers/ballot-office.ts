import { readBallotCode } from '../src/commands/record-codes';
import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { neutralizeUserText } from '../src/text/sanitize';
import { formatDateTime } from '../src/time/format';
import { readBallotLine } from './shared/ballot-words';

export const openBallotCommand = defineCommand({
  name: '发起票决',
  role: 'office',
  summary: '发起不记名票决（代表私聊投票）',
  example: '发起票决 2027年民生实事项目 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月10日18点',
  args: {
    params: [{ kind: 'text', name: 'text', label: '标题 候选 选n项 截止', required: true }],
    usage: 'ballotOpenUsage',
  },
  uses: ['ballots'],
  async run({ params, actor, services, now, config, msgId, chat }) {
    if (chat.type === 'group') return t('ballotOpenInGroup');
    const line = readBallotLine(params.text, now, config.timezone);
    const b = await services.ballots.open({ ...line, actor, origin: msgId, now });
    return t('ballotOpened', {
      code: b.code,
      title: neutralizeUserText(b.title),
      candidates: b.candidates.map(neutralizeUserText),
      choose: b.choose,
      upTo: b.upTo,
      deadline: formatDateTime(b.deadline, config.timezone),
      entitled: b.entitled,
    });
  },
});

export const closeBallotCommand = defineCommand({
  name: '结束票决',
  role: 'office',
  summary: '提前结束票决（加「公布」同时把结果发到群里）',
  example: '结束票决 PJ2026-001 公布',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'PJ', required: true },
      { kind: 'word', name: 'announce', label: '公布' },
    ],
  },
  uses: ['ballots'],
  async run({ params, actor, services, now, config }) {
    const code = readBallotCode(params.code, now, config.timezone);
    const b = await services.ballots.close(code, actor.userid, now);
    const closed = t('ballotClosedNow', { code, title: neutralizeUserText(b.title) });
    if (params.announce !== '公布') return closed;
    await services.ballots.announce(code, now);
    return `${closed}\n${t('ballotAnnounced', { code })}`;
  },
});

export const announceBallotCommand = defineCommand({
  name: '公布票决',
  role: 'office',
  summary: '把已结束票决的结果发到群里',
  example: '公布票决 PJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'PJ', required: true }] },
  uses: ['ballots'],
  async run({ params, services, now, config }) {
    const code = readBallotCode(params.code, now, config.timezone);
    await services.ballots.announce(code, now);
    return t('ballotAnnounced', { code });
  },
});
