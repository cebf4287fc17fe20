import { BALLOT_QUESTION, candidateOfOptionId, noticeCard } from '../src/cards';
import { defineCardTap } from '../src/commands/card-taps';
import { readBallotCode } from '../src/commands/record-codes';
import { t } from '../src/messages';
import { neutralizeUserText } from '../src/text/sanitize';

/**
 * 投票 from the vote box: the typed 投票's use case (one guarded update; a second vote refused). Nothing here names
 * the choice: not the updated card, not its text (the inbox keeps both for redeliveries), not a log line.
 */
export const ballotVoteTap = defineCardTap({
  on: 'PJ',
  action: 'vote',
  role: 'deputy',
  command: '投票',
  secret: true,
  uses: ['ballots'],
  async run({ subject, actor, now, services, config, selected, chat, taskId, step }) {
    // A card tapped in a group is still the tapper's own; but a ballot is voted one-to-one, as typed.
    if (chat.type === 'group') {
      const text = t('ballotVoteInGroup');
      return { text, card: noticeCard(taskId, t('cardRefusedTitle'), text, step) };
    }
    const code = readBallotCode(subject, now, config.timezone);
    const ids = selected[BALLOT_QUESTION] ?? [];
    // An id that is not ours counts as 0, which the use case refuses as a bad choice.
    const choices = ids.map((id) => candidateOfOptionId(id) ?? 0);
    const ballot = await services.ballots.vote(code, actor.userid, choices, now);
    const text = t('ballotVoted', { code, title: neutralizeUserText(ballot.title), count: choices.length });
    return { text, card: noticeCard(taskId, t('cardBallotVotedTitle'), text, step) };
  },
});
