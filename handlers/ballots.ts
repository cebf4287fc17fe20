import { BALLOT_CARD_MAX_CANDIDATES, ballotCard } from '../src/cards';
import { readBallotCode } from '../src/commands/record-codes';
import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import type { Services } from '../src/services';
import { formatResult } from '../src/services/ballots';
import { neutralizeUserText } from '../src/text/sanitize';
import { formatDateTime } from '../src/time/format';
import { readChoiceNumbers, readRatings } from './shared/ballot-words';

export const ballotListCommand = defineCommand({
  name: '票决',
  role: 'deputy',
  summary: '进行中的票决，以及我是否已投票',
  example: '票决',
  uses: ['ballots'],
  readOnly: true,
  async run({ actor, services, now, config }) {
    const open = await services.ballots.openFor(actor.userid, now);
    if (open.length === 0) return t('ballotListEmpty');
    const lines = open.map((b) => {
      const shown = {
        code: b.code,
        title: neutralizeUserText(b.title),
        deadline: formatDateTime(b.deadline, config.timezone),
        voted: b.voted,
        entitled: b.entitledToVote,
        turnout: actor.isOffice ? t('ballotListTurnout', { voted: b.turnout, entitled: b.entitled }) : undefined,
      };
      const candidates = b.candidates.map(neutralizeUserText);
      return b.type === 'pick'
        ? t('ballotListLine', { ...shown, choose: b.choose, upTo: b.upTo, candidates })
        : t('ballotListRatingLine', { ...shown, subjects: candidates });
    });
    const example = open.find((b) => b.type === 'pick' && b.entitledToVote && !b.voted)?.code;
    return [t('ballotListHeader'), ...lines, t('ballotListFooter', { example })].filter(Boolean).join('\n');
  },
});

// The reply names neither the choices nor the candidates: the inbox stores replies for redeliveries.
export const voteCommand = defineCommand({
  name: '投票',
  role: 'deputy',
  summary: '票决投票（请私聊助手，不记名）',
  example: '投票 PJ2026-001 1 3（测评、评议逐项写：投票 PJ2026-002 满意 基本满意 满意）',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'PJ', required: true },
      { kind: 'text', name: 'choices', label: '序号' },
    ],
    usage: 'ballotVoteUsage',
  },
  uses: ['ballots'],
  async run({ params, actor, services, now, config, chat }) {
    // Before reading anything: a vote in the group is seen by everyone, so it is neither read nor counted.
    if (chat.type === 'group') return t('ballotVoteInGroup');
    const code = readBallotCode(params.code, now, config.timezone);
    // `投票 <编号>` alone: the vote box, where the channel shows cards (else the usage line).
    if (!params.choices) return voteCard(code, actor.userid, services.ballots, now);
    const choices = readChoiceNumbers(params.choices);
    if (choices) {
      const ballot = await services.ballots.vote(code, actor.userid, choices, now);
      return t('ballotVoted', { code, title: neutralizeUserText(ballot.title), count: choices.length });
    }
    // 测评 and 评议: a rating of every subject in order.
    const ratings = readRatings(params.choices);
    if (!ratings) return t('ballotBadNumbers', { code });
    const ballot = await services.ballots.rate(code, actor.userid, ratings, now);
    return t('ballotRated', { code, title: neutralizeUserText(ballot.title), count: ratings.length });
  },
});

export const ballotResultCommand = defineCommand({
  name: '票决结果',
  role: 'deputy',
  summary: '票决结束后的结果（投票中人大办可看投票人数）',
  example: '票决结果 PJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'PJ', required: true }] },
  uses: ['ballots'],
  readOnly: true,
  async run({ params, actor, services, now, config }) {
    const code = readBallotCode(params.code, now, config.timezone);
    const r = actor.isOffice
      ? await services.ballots.result(code, now)
      : await services.ballots.publicResult(code, now);
    if (r.state === 'closed') return formatResult(r.ballot, r.tally);
    if (r.state === 'rated') return services.ballots.describe(r, now);
    return t('ballotTurnout', {
      code,
      title: neutralizeUserText(r.ballot.title),
      voted: r.ballot.turnout,
      entitled: r.ballot.entitled,
      deadline: formatDateTime(r.ballot.deadline, config.timezone),
      notVoted: r.notVoted.map((p) => p.name),
    });
  },
});

/** The vote box for a 票决 this deputy may still vote in (a refusal says why not); a long or rating ballot is typed. */
async function voteCard(code: string, userid: string, ballots: Services['ballots'], now: Date) {
  const ballot = await ballots.votable(code, userid, now);
  if (ballot.type !== 'pick' || ballot.candidates.length > BALLOT_CARD_MAX_CANDIDATES) return t('ballotVoteUsage');
  return { text: t('cardBallotPrompt', { code }), card: ballotCard(ballot, now) };
}
