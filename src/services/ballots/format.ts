import { t } from '../../messages';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { Tally } from './rules';

/** The words of a closed ballot's result: the reply to 票决结果 and the group announcement. */
export function formatResult(b: { code: string; title: string; choose: number; upTo: boolean }, tally: Tally): string {
  return t('ballotResult', {
    code: b.code,
    title: neutralizeUserText(b.title),
    choose: b.choose,
    upTo: b.upTo,
    lines: tally.lines.map((l) => ({ ...l, name: neutralizeUserText(l.name) })),
    voted: tally.turnout,
    entitled: tally.entitled,
    quorum: tally.quorum,
  });
}

/** The group's notice of a new ballot: the candidates and how to vote one-to-one. */
export function formatOpenedPush(
  b: { code: string; title: string; candidates: string[]; choose: number; upTo: boolean; deadline: Date },
  timezone: string,
): string {
  return t('ballotOpenedPush', {
    code: b.code,
    title: neutralizeUserText(b.title),
    candidates: b.candidates.map(neutralizeUserText),
    choose: b.choose,
    upTo: b.upTo,
    deadline: formatDateTime(b.deadline, timezone),
  });
}
