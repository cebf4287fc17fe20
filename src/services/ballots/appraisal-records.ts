import { t } from '../../messages';
import { neutralizeUserText } from '../../text/sanitize';
import { yearOf } from '../../time/zone';
import type { UnitRecord } from '../../contracts';
import type { BallotDeps, BallotView } from './ballot-row';
import type { RatingTally } from './rating-rules';

/** The record of a unit with no case in the year. */
const emptyRecord = (unit: string): UnitRecord => ({
  unit,
  received: 0,
  answered: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  openOverdue: 0,
  openInTime: 0,
  averageWorkdays: null,
  resolutions: { A: 0, B: 0, C: 0, D: 0 },
  unclassified: 0,
  rated: 0,
  ratings: { 满意: 0, 基本满意: 0, 不满意: 0 },
  onTimeRate: '—',
  resolveRate: '—',
  satisfactionRate: '—',
});

/** The units' records beside a 部门评议, and a 测评 or 评议 result in words. */
export function createAppraisalRecords(d: BallotDeps) {
  const yearOfBallot = (b: BallotView) => yearOf(b.openedAt, d.timezone);

  /**
   * Each rated unit's record of the year the appraisal was opened, for a 部门评议 (none for a 测评); a unit that
   * handled nothing that year has a record of zeros.
   */
  async function recordsOf(b: BallotView, now: Date): Promise<UnitRecord[]> {
    if (b.type !== 'unit') return [];
    const all = await d.unitRecords(yearOfBallot(b), now);
    return b.subjectRefs.map((unit) => all.find((r) => r.unit === unit) ?? emptyRecord(unit));
  }

  const recordLines = (records: UnitRecord[]) =>
    records.map((r) => t('appraisalRecordLine', { ...r, unit: neutralizeUserText(r.unit) }));

  return {
    recordsOf,
    recordLines,

    /** A 测评 or 评议 result in words (the chat's reply and the group's announcement), with the units' records. */
    async describe(r: { ballot: BallotView; ratings: RatingTally }, now: Date): Promise<string> {
      return t('appraisalResult', {
        code: r.ballot.code,
        title: neutralizeUserText(r.ballot.title),
        voted: r.ratings.turnout,
        entitled: r.ratings.entitled,
        quorum: r.ratings.quorum,
        lines: r.ratings.lines.map((l) => ({ ...l, name: neutralizeUserText(l.name) })),
        records: recordLines(await recordsOf(r.ballot, now)),
      });
    },
  };
}
