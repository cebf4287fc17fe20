import { createDeputyActions } from './opinion-deputy-actions';
import { createFiling } from './opinion-filing';
import { createOpinionNotices } from './opinion-notices';
import { createOfficeActions } from './opinion-office-actions';
import { createQueries } from './opinion-queries';
import { createReports } from './opinion-reports';
import { resolveCode, type OpinionDeps } from './opinion-store';
import { createUnits } from './opinion-units';

/**
 * Opinions and suggestions (意见建议): filing, co-signing, the office's handling rounds, rating, and the
 * reports other features reuse (督办 job, weekly digest, 履职). Registered as `services.opinions`.
 */
export function createOpinions(d: OpinionDeps) {
  const officeUserids = async () => {
    const staff = (await d.roster.activeDeputies()).filter((x) => x.isOffice).map((x) => x.userid);
    return [...new Set([...staff, ...d.config.officeUserIds])];
  };
  const notices = createOpinionNotices(d.notify, d.config.timezone, officeUserids);
  const units = createUnits(d.models);
  const filing = createFiling(d);
  const deputy = createDeputyActions(d, notices);
  const office = createOfficeActions(d, units, notices);
  const queries = createQueries(d);
  const reports = createReports(d);
  return {
    /** Normalises a typed code (`yj2026-7`, `7`, full-width) to `YJ2026-007`; UserError if it is not one. */
    resolveCode: (input: string, now: Date, command: string) => resolveCode(input, now, d.config.timezone, { command }),
    file: filing.file,
    findSimilar: filing.findSimilar,
    cosign: deputy.cosign,
    withdraw: deputy.withdraw,
    rate: deputy.rate,
    assign: office.assign,
    answer: office.answer,
    close: office.close,
    reject: office.reject,
    listMine: queries.listMine,
    progress: queries.progress,
    knownUnits: units.knownNames,
    overdueReport: reports.overdueReport,
    overdueSummary: reports.overdueSummary,
    periodStats: reports.periodStats,
    yearRates: reports.yearRates,
    digestFigures: reports.digestFigures,
    stats: reports.stats,
  };
}

export type Opinions = ReturnType<typeof createOpinions>;
