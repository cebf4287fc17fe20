import { t } from '../messages';
import { type Card, newTaskId, tapKey } from './card';

/** The vote box's question key, and the option id of candidate n (1-based, as the typed 投票 numbers them). */
export const BALLOT_QUESTION = 'choice';
export const candidateOptionId = (n: number): string => `c${n}`;
export function candidateOfOptionId(id: string): number | undefined {
  const m = /^c(\d{1,2})$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** WeCom's vote box holds at most 20 options: a longer ballot is voted by typing. */
export const BALLOT_CARD_MAX_CANDIDATES = 20;

/**
 * A 票决's vote box, one-to-one: its candidates, one or several as the ballot asks. Submitting it is the typed
 * 投票's use case; the updated card (and what the inbox keeps of it) names no choice.
 */
export function ballotCard(
  b: { code: string; title: string; candidates: readonly string[]; choose: number; upTo: boolean },
  now: Date,
): Card {
  return {
    type: 'vote',
    taskId: newTaskId(b.code, now),
    title: t('cardBallotTitle', { code: b.code }),
    desc: t(b.upTo ? 'cardBallotUpTo' : 'cardBallotExactly', { n: b.choose }),
    text: b.title,
    question: {
      key: BALLOT_QUESTION,
      title: t(b.upTo ? 'cardBallotUpTo' : 'cardBallotExactly', { n: b.choose }),
      options: b.candidates.map((c, i) => ({ id: candidateOptionId(i + 1), text: c })),
      multiple: b.choose > 1,
    },
    submit: { text: t('cardBallotSubmit'), key: tapKey('vote', 0) },
  };
}
