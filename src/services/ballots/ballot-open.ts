import { refuse } from '../../refusals';
import { type BallotDeps, type BallotView, toView } from './ballot-row';
import { insertBallot } from './ballot-insert';
import { formatOpenedPush } from './format';
import { BALLOT_LIMITS } from './rules';

export interface OpenBallotInput {
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: Date;
  actor: { userid: string };
  /** The request's idempotency key (a message id, a console request id). */
  origin: string;
  now: Date;
}

const chars = (s: string) => [...s].length;

function check(input: OpenBallotInput): { title: string; candidates: string[] } {
  const title = input.title.trim();
  const L = BALLOT_LIMITS;
  if (!title) refuse('ballot.titleMissing', {});
  if (chars(title) > L.titleMaxChars) refuse('ballot.titleTooLong', { max: L.titleMaxChars });
  const candidates = input.candidates.map((c) => c.trim()).filter(Boolean);
  if (candidates.length < L.minCandidates) refuse('ballot.tooFewCandidates', { min: L.minCandidates });
  if (candidates.length > L.maxCandidates) refuse('ballot.tooManyCandidates', { max: L.maxCandidates });
  const long = candidates.find((c) => chars(c) > L.candidateMaxChars);
  if (long) refuse('ballot.candidateTooLong', { max: L.candidateMaxChars, name: [...long].slice(0, 12).join('') });
  const twice = candidates.find((c, i) => candidates.indexOf(c) !== i);
  if (twice) refuse('ballot.candidateTwice', { name: twice });
  if (!Number.isInteger(input.choose) || input.choose < 1 || input.choose >= candidates.length)
    refuse('ballot.badChoose', { choose: input.choose, candidates: candidates.length });
  if (input.deadline.getTime() <= input.now.getTime())
    refuse('ballot.pastDeadline', { deadline: input.deadline, now: input.now });
  return { title, candidates };
}

/** 发起票决: a pick among candidates. */
export function createOpening(d: BallotDeps) {
  return {
    /**
     * Opens a ballot; the same origin (a retried message) opens it once. The group's notice is keyed by the code,
     * so a retry after a crash between the two sends it then, and never twice.
     */
    async open(input: OpenBallotInput): Promise<BallotView> {
      const fields = check(input);
      const row = await insertBallot(
        d,
        {
          ...fields,
          kind: 'pick',
          choose: input.choose,
          upTo: input.upTo,
          deadline: input.deadline,
          counts: fields.candidates.map(() => 0),
        },
        input,
      );
      const view = toView(row, input.now);
      await d.notify.toGroup(`ballot-open:${view.code}`, formatOpenedPush(view, d.timezone));
      return view;
    },
  };
}
