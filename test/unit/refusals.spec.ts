import { consoleRenderedCodes, renderForConsole } from '../../src/console/refusals';
import { REFUSAL_CODES, REFUSALS, type RefusalCode, type RefusalFields, renderForChat } from '../../src/refusals';
import { chatRenderedCodes } from '../../src/refusals/chat';

const now = new Date('2026-11-22T02:00:00Z');
const later = new Date('2026-12-04T15:59:59.999Z');
const code = 'YJ2026-007';

// One example of every refusal's fields. Typed as a Record over the codes, so a new code fails to compile here
// until it has an example, and the loops below then check that every door says something for it.
const EXAMPLES: { [C in RefusalCode]: RefusalFields[C] } = {
  'opinion.notFound': { code },
  'opinion.changedMeanwhile': { code },
  'opinion.wrongState': {
    code,
    status: '已交办',
    action: 'assign',
    last: { at: now, byName: '王主任', action: 'assigned' },
    unit: '住建局',
    deadline: later,
  },
  'opinion.alreadyAssigned': { code, by: '王主任', unit: '住建局', deadline: later },
  'opinion.reopenedByRating': { code, round: 2, unit: '住建局', deadline: later },
  'opinion.notFiler': { code, action: 'withdraw' },
  'opinion.cosignOwn': { code },
  'opinion.cosignAgain': { code },
  'opinion.notAnswered': { code },
  'opinion.ratedAlready': { code, rating: '满意' },
  'opinion.noteTooLong': { max: 200, length: 230 },
  'opinion.textMissing': { source: '群众反映' },
  'opinion.textTooShort': { min: 8, source: '代表' },
  'opinion.textTooLong': { max: 2000, length: 2100 },
  'opinion.unitMissing': { code, reassign: false },
  'opinion.unitAmbiguous': { code, input: '服务中心', candidates: ['农业服务中心', '市场服务中心'] },
  'opinion.unitTooLong': { max: 40 },
  'opinion.badDeadline': { input: '尽快' },
  'opinion.pastDeadline': { deadline: new Date('2026-01-01T15:59:59.999Z'), now },
  'opinion.answerMissing': { code },
  'opinion.answerTooLong': { max: 2000, length: 2100 },
  'opinion.reasonMissing': { code },
  'opinion.reasonTooLong': { max: 2000, length: 2100 },
  'opinion.pageBeyondEnd': { page: 9, pages: 2 },
  'opinion.unknownCategory': { category: '其它', categories: ['城乡建设', '公共交通'] },
  'opinion.categoryUnchanged': { code, category: '城乡建设' },
  'opinion.resolutionMissing': { code },
  'opinion.badResolution': { code, input: 'E' },
  'opinion.followUpClass': { code, resolution: 'A' },
  'opinion.badShareWord': { input: '也许' },
  'unit.nameMissing': {},
  'unit.ambiguous': { input: '服务中心', candidates: ['农业服务中心', '市场服务中心'] },
  'unit.nameTooLong': { max: 40 },
  'unit.notFound': { unit: '住建办' },
  'unit.contactExists': { unit: '住建办', userid: 'zj01', name: '陈工' },
  'unit.contactNotFound': { unit: '住建办', userid: 'zj01' },
  'unit.notYourCase': { code },
  'unit.answerInGroup': { code },
  'review.nothingPending': { code, status: '已交办' },
  'review.reasonMissing': { code },
  'review.reasonTooLong': { max: 500, length: 600 },
  'study.notFound': { code: 'XX2026-003' },
  'study.alreadyPushed': { code: 'XX2026-003', title: '代表法第二讲' },
  'study.changedMeanwhile': { code: 'XX2026-003' },
  'study.queueChanged': {},
  'study.notPushedYet': { code: 'XX2026-003', title: '代表法第二讲' },
  'study.titleMissing': {},
  'study.titleTooLong': { max: 60 },
  'study.badLink': { link: 'ftp://x' },
  'study.noteTooLong': { max: 500 },
  'ballot.notFound': { code: 'PJ2026-001' },
  'ballot.closed': { code: 'PJ2026-001', title: '民生实事' },
  'ballot.stillOpen': { code: 'PJ2026-001', title: '民生实事' },
  'ballot.notEntitled': { code: 'PJ2026-001' },
  'ballot.alreadyVoted': { code: 'PJ2026-001' },
  'ballot.badChoice': { code: 'PJ2026-001', input: 9, max: 3 },
  'ballot.choiceTwice': { code: 'PJ2026-001' },
  'ballot.wrongCount': { code: 'PJ2026-001', choose: 2, upTo: false, given: 1 },
  'ballot.titleMissing': {},
  'ballot.titleTooLong': { max: 60 },
  'ballot.tooFewCandidates': { min: 2 },
  'ballot.tooManyCandidates': { max: 30 },
  'ballot.candidateTooLong': { max: 40, name: '很长的候选' },
  'ballot.candidateTwice': { name: '村道硬化' },
  'ballot.badChoose': { choose: 3, candidates: 3 },
  'ballot.pastDeadline': { deadline: now, now: later },
  'ballot.noVoters': {},
  'announcement.contentMissing': {},
  'announcement.contentTooLong': { max: 1000, length: 1200 },
  'announcement.timePast': { at: now },
  'announcement.timeTooFar': { at: later, days: 7 },
  'announcement.notFound': { code: 'GG2026-001' },
  'announcement.alreadyRevoked': { code: 'GG2026-001' },
  'announcement.alreadyExpired': { code: 'GG2026-001' },
  'announcement.alreadySent': { code: 'GG2026-001' },
  'event.codeInvalid': { kind: 'activity', text: 'HX1' },
  'event.notFound': { kind: 'meeting', code: 'HY2026-009' },
  'event.cancelled': { kind: 'activity', code: 'HD2026-001', reason: '天气原因' },
  'event.over': { kind: 'meeting', code: 'HY2026-001' },
  'event.alreadyCancelled': { kind: 'activity', code: 'HD2026-001' },
  'event.changedMeanwhile': { code: 'HD2026-001' },
  'event.titleMissing': { kind: 'activity' },
  'event.titleTooLong': { max: 60 },
  'event.timeMissing': {},
  'event.placeMissing': { kind: 'meeting' },
  'event.typeInvalid': { kind: 'activity', text: '旅游', types: ['视察', '调研'] },
  'event.changeMissing': { kind: 'meeting' },
  'event.startPast': { startAt: now },
  'event.endBeforeStart': { startAt: now },
  'event.deadlinePast': { deadline: now },
  'event.deadlineAfterStart': { startAt: now },
  'activity.capacityInvalid': { text: '十几个' },
  'activity.capacityBelowSigned': { code: 'HD2026-001', count: 8 },
  'activity.signupClosed': { code: 'HD2026-001', deadline: '11月24日 18:00' },
  'activity.started': { code: 'HD2026-001' },
  'activity.alreadySigned': { code: 'HD2026-001' },
  'activity.alreadyWaitlisted': { code: 'HD2026-001', position: 2 },
  'activity.notSigned': { code: 'HD2026-001' },
  'meeting.replyClosed': { code: 'HY2026-001', startAt: now },
  'leave.usage': {},
  'leave.reasonMissing': { code: 'HY2026-001' },
  'leave.which': { activity: 'HD2026-001', meeting: 'HY2026-001' },
  'checkin.usage': {},
  'checkin.tooEarly': { code: 'HD2026-001', opens: now, closes: later },
  'checkin.tooLate': { code: 'HD2026-001', opens: now, closes: later },
  'checkin.notSigned': { code: 'HD2026-001', canSignUp: true },
  'checkin.waitlisted': { code: 'HD2026-001', position: 1 },
  'checkin.already': { code: 'HY2026-001', at: now },
  'checkin.which': { activity: 'HD2026-001', meeting: 'HY2026-001' },
  'checkin.whichOf': { codes: ['HD2026-001', 'HY2026-002'] },
  'checkin.notFound': { text: '4827' },
  'checkin.nothingOpen': {},
  'roomCode.needed': { code: 'HY2026-001' },
  'roomCode.wrong': { code: 'HY2026-001', given: '1234' },
  'roomCode.expired': { code: 'HY2026-001', given: '1234' },
  'roomCode.cancelled': { code: 'HY2026-001' },
  'roomCode.onlyEvents': {},
  'station.invalid': { max: 40 },
  'station.ambiguous': { text: '东', candidates: ['东村代表联络站', '东街代表联络站'] },
  'shift.notFound': {},
  'shift.pastLocked': { label: '12月5日 东村代表联络站' },
  'shift.memberCheckedIn': { name: '张三', label: '12月5日 东村代表联络站' },
  'shift.timePast': { at: now, withTime: false },
  'shift.dateInvalid': { text: '2026-02-30' },
  'shift.dayPast': { at: now, withTime: true },
  'shift.stationMissing': { known: ['东村代表联络站'] },
  'shift.namesMissing': {},
  'shift.namesInvalid': {
    problems: [
      { code: 'roster.notFound', fields: { name: '张叁' } },
      {
        code: 'roster.ambiguous',
        fields: {
          name: '张',
          matches: [
            { name: '张三', userid: 'zhangsan' },
            { name: '张四', userid: 'zhangsi' },
          ],
        },
      },
    ],
  },
  'shift.notOnRoster': { userid: 'zhangsan' },
  'shift.noneToday': {},
  'shift.checkinNotYet': { label: '12月5日 东村代表联络站', opens: now, closes: later },
  'shift.checkinAlready': { label: '12月5日 东村代表联络站' },
  'roster.notFound': { name: '张叁' },
  'roster.ambiguous': {
    name: '张',
    matches: [
      { name: '张三', userid: 'zhangsan' },
      { name: '张四', userid: 'zhangsi' },
    ],
  },
  'roster.badUserid': { userid: 'zhang san' },
  'roster.badName': {},
  'roster.badLevel': { levels: ['镇', '县', '市'] },
  'roster.badGroup': { groups: ['法制', '财经'] },
  'roster.badPhone': { phone: '12345' },
  'roster.nameTaken': { name: '张三', userid: 'zhangsan' },
  'roster.exists': { userid: 'zhangsan' },
  'roster.useridUnknown': { userid: 'nobody' },
  'roster.cannotDeactivateSelf': {},
  'roster.alreadyInactive': { name: '张三' },
  'roster.officeFromConfig': { name: '王主任' },
  'roster.officeAlready': { name: '张三' },
  'roster.officeNot': { name: '张三' },
  'roster.lastOffice': {},
  'roster.officeConcurrent': {},
  'records.badYear': { year: 1999, from: 2000, current: 2026 },
  'records.notOnRoster': {},
  'holiday.yearOutOfRange': { year: 2072, from: 2025, to: 2028 },
  'holiday.empty': { year: 2027, lists: ['off', 'on'] },
  'holiday.badDate': { text: '2027-02-30', lists: ['off'] },
  'holiday.otherYear': { text: '2028-01-01', year: 2027, lists: ['on'] },
  'holiday.both': { days: ['2027-02-14'], lists: ['off', 'on'] },
  'project.notFound': { code: 'SS2026-001' },
  'project.ballotNotPick': { code: 'PJ2026-002' },
  'project.noneChosen': { code: 'PJ2026-001', quorum: true },
  'project.notChosen': { code: 'PJ2026-001', n: 3, name: '养老服务站' },
  'project.badCandidate': { code: 'PJ2026-001', n: 9, max: 4 },
  'project.unitTooLong': { max: 40 },
  'project.unitAmbiguous': { input: '服务中心', candidates: ['农业服务中心', '文化服务中心'] },
  'project.progressMissing': { code: 'SS2026-001' },
  'project.progressTooLong': { max: 500, length: 600 },
  'project.milestoneTextMissing': { n: 2 },
  'project.milestoneTooLong': { n: 1, max: 100 },
  'project.tooManyMilestones': { max: 20 },
  'project.changedMeanwhile': { code: 'SS2026-001' },
  'project.alreadyDone': { code: 'SS2026-001' },
  'project.unknownForActivity': { code: 'SS2026-009' },
  'appraisal.noProjects': { year: 2026 },
  'appraisal.unknownProject': { code: 'SS2026-009' },
  'appraisal.unitsMissing': {},
  'appraisal.tooManySubjects': { max: 20 },
  'appraisal.subjectTwice': { name: '住建办' },
  'ballot.wrongRatings': { code: 'PJ2026-002', subjects: 3, given: 2 },
  'ballot.wrongKind': { code: 'PJ2026-002', rating: true, subjects: 3 },
  'ballot.allVoted': { code: 'PJ2026-001' },
  'photo.notOwn': { code },
  'photo.closed': { code, status: '已办结' },
  'photo.full': { code, max: 9 },
  'photo.noneWaiting': { minutes: 10 },
  'photo.alreadyAttached': { code },
  'photo.tooMany': { max: 9 },
  'photo.tooLarge': { mb: 10 },
  'photo.notImage': {},
  'photo.unavailable': {},
  'photo.timeout': {},
  'photo.undecryptable': {},
  'photo.appChannel': {},
  'photo.failed': {},
};

const chat = (c: RefusalCode, office = true) =>
  renderForChat({ code: c, fields: EXAMPLES[c] }, { timezone: 'Asia/Shanghai', now, office });
const web = (c: RefusalCode) => renderForConsole({ code: c, fields: EXAMPLES[c] }, { timezone: 'Asia/Shanghai', now });

describe('the refusal catalogue', () => {
  it('every door renders exactly the catalogue’s codes', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...REFUSAL_CODES].sort());
    expect(chatRenderedCodes().sort()).toEqual([...REFUSAL_CODES].sort());
    expect(consoleRenderedCodes().sort()).toEqual([...REFUSAL_CODES].sort());
  });

  it.each(REFUSAL_CODES)('%s reads as a sentence in the chat and in the console', (c) => {
    expect(chat(c).trim().length).toBeGreaterThan(4);
    const r = web(c);
    expect(r.message.trim().length).toBeGreaterThan(4);
    expect(r.code).toBe(c);
    // A chat usage line (例如：交办 … / 例：…) or a command to send must never reach a web form.
    expect(r.message).not.toMatch(/例如|例：|发送「|发「|请发：|再发：|重发：|交办 YJ|改派 YJ|答复 YJ|办结 YJ/);
  });

  it.each(REFUSAL_CODES)('%s has its console status from its kind, on its field', (c) => {
    const r = web(c);
    const { kind, field, fieldsIn } = REFUSALS[c];
    expect(r.status).toBe({ notFound: 404, conflict: 409, forbidden: 403, invalid: 422 }[kind]);
    const named = fieldsIn ? ((EXAMPLES[c] as Record<string, unknown>)[fieldsIn] as string[]) : [];
    const fields = [...(field ? [field] : []), ...named];
    expect(r.fields).toEqual(fields.length ? Object.fromEntries(fields.map((f) => [f, r.message])) : undefined);
  });

  it('the chat keeps its usage examples and next steps', () => {
    expect(chat('opinion.unitMissing')).toBe(`请写上承办单位，例如：交办 ${code} 单位：交通运输局 期限：15个工作日`);
    expect(chat('opinion.wrongState')).toBe(
      `${code} 目前是「已交办」，不能交办。最近一步：11月22日 10:00 王主任 交办。正由「住建局」办理，期限 2026年12月4日（周五）。单位答复后发送：答复 ${code} <A|B|C|D> <答复内容>；换单位或期限：改派 ${code} 单位：…`,
    );
    // A deputy is not offered the office's steps.
    expect(chat('opinion.wrongState', false)).not.toContain('答复 YJ');
    expect(chat('opinion.textMissing')).toContain('民意 村口路灯');
    expect(chat('shift.namesInvalid')).toBe(
      '这次没有排班，请改正下面的姓名后重发整条：\n- 名册中没有在册的「张叁」。发送「代表 列表」查看名册。\n- 「张」对应多人：张三（zhangsan）、张四（zhangsi）。请写全名或企业微信账号。',
    );
  });

  it('a refusal about a date shows beside the list that holds it', () => {
    const r = web('holiday.badDate');
    expect(r).toEqual({ status: 422, code: 'holiday.badDate', message: r.message, fields: { off: r.message } });
    expect(r.message).toContain('2027-02-30');
  });

  it('a page can put a use case’s field under its own name', () => {
    const r = renderForConsole(
      { code: 'opinion.unitMissing', fields: { code, reassign: true } },
      { timezone: 'Asia/Shanghai', now },
      { unit: 'handler' },
    );
    expect(r).toMatchObject({ status: 422, fields: { handler: r.message } });
  });
});
