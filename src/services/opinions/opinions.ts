import { createConsoleOpinions } from './console';
import { createDeputyActions } from './deputy-actions';
import { createFiling } from './filing';
import { createOpinionNotices } from './notices';
import { createOfficeActions } from './office-actions';
import { createQueries } from './queries';
import { createRecategorize } from './recategorize';
import { createReports } from './reports';
import { createWeekChart } from './week-chart';
import { loadOpinion, type Opinion, type OpinionDeps } from './opinion-steps';
import { createUnits } from './handling-units';
import { createUnitLoop } from './unit-loop';
import { createUnitNotices } from './unit-notices';
import { createUnitRecords } from './unit-records';
import { colourRuleOf, colourView } from './colours';
import { createColourNotices } from './colour-notices';
import { createFollowUp } from './follow-up';
import type { OfficeDirectory } from '../roster';

/**
 * Opinions and suggestions (意见建议): filing, co-signing, the office's handling rounds, rating, and the
 * reports other features reuse (督办 job, weekly digest, 履职). Registered as `services.opinions`.
 */
export function createOpinions(d: OpinionDeps & { office: OfficeDirectory }) {
  const notices = createOpinionNotices(d.notify, d.config.timezone, d.office.userIds, d.calendar);
  const unitNotices = createUnitNotices({
    notify: d.notify,
    tz: d.config.timezone,
    calendar: d.calendar,
    officeUserids: d.office.userIds,
    review: d.config.unitAnswerReview,
  });
  const units = createUnits(d.models);
  const filing = createFiling(d);
  const deputy = createDeputyActions(d, notices, units, unitNotices);
  const office = createOfficeActions(d, units, notices, unitNotices);
  const unitLoop = createUnitLoop(d, office, unitNotices);
  const queries = createQueries(d);
  const reports = createReports(d);
  const forConsole = createConsoleOpinions(d, notices);
  const follow = createFollowUp(d);
  /** 督办: red and yellow cases by unit, then the B and C cases whose follow-up day has come. */
  const overdueReport = async (now: Date): Promise<string | null> => {
    const parts = [await reports.overdueReport(now), await follow.followUpReport(now)].filter(Boolean);
    return parts.length ? parts.join('\n\n') : null;
  };
  // A state change may take an opinion out of the open ones filings are compared with: read them afresh.
  const changing =
    <A extends unknown[], R>(step: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await step(...args);
      filing.forgetPool();
      return result;
    };
  return {
    async file(input: Parameters<typeof filing.file>[0]) {
      const filed = await filing.file(input);
      await notices.filed(filed.opinion, () => units.knownNames());
      return filed;
    },
    findSimilar: filing.findSimilar,
    cosign: deputy.cosign,
    withdraw: changing(deputy.withdraw),
    rate: changing(deputy.rate),
    assign: changing(office.assign),
    reassign: changing(office.reassign),
    answer: changing(office.answer),
    close: changing(office.close),
    reject: changing(office.reject),
    // -- the handling units' side (承办单位联系人) and the office's 审核
    unitAnswer: changing(unitLoop.answer),
    review: changing(unitLoop.decide),
    unitTodo: unitLoop.todo,
    pendingReviews: unitLoop.pendingReviews,
    /** Whether a unit's answer waits for 审核 (UNIT_ANSWER_REVIEW). */
    reviewsUnitAnswers: unitLoop.review,
    listMine: queries.listMine,
    progress: queries.progress,
    knownUnits: units.knownNames,
    overdueReport,
    followUp: changing(follow.followUp),
    reopen: changing(follow.reopen),
    overdueSummary: reports.overdueSummary,
    periodStats: reports.periodStats,
    yearRates: reports.yearRates,
    digestFigures: reports.digestFigures,
    /** The digest picture's figures for one week (and the rates of the weeks before it). */
    weekChart: createWeekChart(d),
    stats: reports.stats,
    /** The colours job: the units told of yellow and red once per change, the office asked to 督办. */
    remindColours: createColourNotices({ ...d, officeUserids: d.office.userIds }).run,
    /** A case's colour now (三色预警) and its working days left or overdue; null unless it waits for the unit. */
    colourOf: (o: Pick<Opinion, 'status' | 'deadline'>, now: Date) => colourView(o, now, colourRuleOf(d)),
    /** Each unit's record of a year (承办单位办理情况; the 部门评议 shows the same). */
    unitRecords: createUnitRecords(d).unitRecords,
    dueItems: reports.dueItems,
    // -- the office console
    load: (code: string) => loadOpinion(d.models, code),
    search: forConsole.list,
    searchFilter: forConsole.filterOf,
    similarTo: (o: Pick<Opinion, 'code' | 'content'>) => forConsole.similarTo(o, filing.findSimilar),
    monthly: forConsole.monthly,
    remind: forConsole.remind,
    recategorize: createRecategorize(d),
    answerNotice: notices.answeredText,
  };
}

export type Opinions = ReturnType<typeof createOpinions>;
