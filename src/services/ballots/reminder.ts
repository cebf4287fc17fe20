import { t } from '../../messages';
import { refuse } from '../../refusals';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import { type BallotDeps, type BallotView, findBallot, isClosed, toView } from './ballot-row';

// 催投: reminding the deputies who have not voted on an open ballot. The reminder goes privately (app message or
// one-to-one over the long connection), never to the group, so it tells nobody who has voted.

export interface ReminderResult {
  ballot: BallotView;
  /** How many were reminded privately. */
  told: number;
  /** Not voted, but no private way to reach them (never wrote to the bot one-to-one): the office tells them. */
  unreachable: Array<{ userid: string; name: string }>;
}

export function createReminders(d: BallotDeps) {
  return {
    /**
     * Reminds those who have not voted. `origin` is the request's key: a retried request reminds nobody twice,
     * and each new request reminds again.
     */
    async remind(code: string, origin: string, now: Date): Promise<ReminderResult> {
      const row = await findBallot(d.models, code);
      if (isClosed(row, now)) refuse('ballot.closed', { code, title: row.title });
      const voted = new Set(row.voters);
      const notVoted = row.entitled.filter((u) => !voted.has(u));
      if (notVoted.length === 0) refuse('ballot.allVoted', { code });
      const ballot = toView(row, now);
      const { told, unreachable } = await d.notify.toUsersPrivately(
        `ballot-remind:${code}:${origin}`,
        notVoted,
        t('ballotRemindPush', {
          code,
          title: neutralizeUserText(row.title),
          deadline: formatDateTime(row.deadline, d.timezone),
          rating: ballot.type !== 'pick',
        }),
      );
      const names = await d.roster.namesOf(unreachable);
      return {
        ballot,
        told: told.length,
        unreachable: unreachable.map((u) => ({ userid: u, name: names.get(u) ?? u })),
      };
    },
  };
}
