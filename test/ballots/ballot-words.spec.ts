import { readBallotLine, readChoiceNumbers } from '../../handlers/shared/ballot-words';
import { UserError } from '../../src/errors';
import { tallyOf } from '../../src/services/ballots';

// The chat's reading of 发起票决 / 投票, and the tally's rule (quorum, the last chosen place, ties).
const now = new Date('2026-12-01T02:00:00Z');
const tz = 'Asia/Shanghai';

describe('readBallotLine', () => {
  it('reads the parts in any order, up-to and Chinese numerals', () => {
    expect(readBallotLine('民生实事 候选：甲；乙、丙 选2项 截止：12月10日18点', now, tz)).toEqual({
      title: '民生实事',
      candidates: ['甲', '乙', '丙'],
      choose: 2,
      upTo: false,
      deadline: new Date('2026-12-10T10:00:00Z'),
    });
    const r = readBallotLine('评议 截止：12月10日 最多选两项 候选：甲；乙；丙', now, tz);
    expect(r).toMatchObject({ candidates: ['甲', '乙', '丙'], choose: 2, upTo: true });
    // A day without a time: the end of that day.
    expect(r.deadline).toEqual(new Date('2026-12-10T15:59:59.999Z'));
  });

  it('answers what is missing', () => {
    const key = (text: string) => {
      try {
        readBallotLine(text, now, tz);
        return 'read';
      } catch (err) {
        return (err as UserError).key;
      }
    };
    expect(key('候选：甲；乙 选1项 截止：12月10日')).toBe('ballotOpenUsage');
    expect(key('标题 选1项 截止：12月10日')).toBe('ballotOpenUsage');
    expect(key('标题 候选：甲；乙 截止：12月10日')).toBe('ballotNeedChoose');
    expect(key('标题 候选：甲；乙 选1项')).toBe('ballotNeedDeadline');
    expect(key('标题 候选：甲；乙 选1项 截止：下下下周某天')).toBe('ballotBadDeadline');
  });
});

it('reads 序号 with spaces, commas, 、 and full-width digits, and nothing else', () => {
  expect(readChoiceNumbers('1 3')).toEqual([1, 3]);
  expect(readChoiceNumbers('１，３、2')).toEqual([1, 3, 2]);
  expect(readChoiceNumbers('1 甲')).toBeUndefined();
  expect(readChoiceNumbers('')).toBeUndefined();
});

describe('tallyOf', () => {
  const base = { candidates: ['甲', '乙', '丙', '丁'], choose: 2, entitled: 10 };
  it('chooses the top n with a quorum of more than half', () => {
    const t = tallyOf({ ...base, counts: [5, 4, 2, 0], turnout: 6 });
    expect(t.quorum).toBe(true);
    expect(t.lines.filter((l) => l.chosen).map((l) => l.name)).toEqual(['甲', '乙']);
  });
  it('chooses nothing with exactly half taking part', () => {
    const t = tallyOf({ ...base, counts: [5, 4, 2, 0], turnout: 5 });
    expect(t.quorum).toBe(false);
    expect(t.lines.some((l) => l.chosen || l.tied)).toBe(false);
  });
  it('leaves a tie across the last chosen place to the office', () => {
    const t = tallyOf({ ...base, counts: [6, 3, 3, 0], turnout: 6 });
    expect(t.lines.map((l) => [l.name, l.chosen, l.tied])).toEqual([
      ['甲', true, false],
      ['乙', false, true],
      ['丙', false, true],
      ['丁', false, false],
    ]);
  });
  it('chooses no candidate without a vote', () => {
    const t = tallyOf({ ...base, counts: [6, 0, 0, 0], turnout: 6 });
    expect(t.lines.filter((l) => l.chosen).map((l) => l.name)).toEqual(['甲']);
  });
});
