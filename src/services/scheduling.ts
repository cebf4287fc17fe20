import { createAnnouncements } from './announcements';
import { createCleanup } from './cleanup';
import { createDigest, type DigestSources } from './digest';
import type { ServiceDeps } from './index';
import { createJobRuns, jobSpecsFromConfig } from './job-runs';
import { createOfficeDirectory } from './office-directory';
import type { HolidayCalendar } from '../time/holiday-calendar';
import type { Roster } from './roster';
import { createStudy } from './study';

/**
 * The services behind the scheduler, announcements, study material and the digest, built together.
 */
export function createSchedulingServices(deps: ServiceDeps & { roster: Roster; digestSources: Omit<DigestSources, 'study'>; calendar: () => HolidayCalendar }) {
  const { config, models, notify, roster } = deps;
  const tunables = config.tunables;
  const jobRuns = createJobRuns({ models, timezone: config.timezone, ...tunables.scheduler, specs: jobSpecsFromConfig(config), calendar: deps.calendar });
  const officeDirectory = createOfficeDirectory({ roster, configUserIds: config.officeUserIds });
  const study = createStudy({
    models,
    notify,
    timezone: config.timezone,
    limits: tunables.study,
    countDeputies: async () => (await roster.activeDeputies()).length,
  });
  return {
    jobRuns,
    officeDirectory,
    announcements: createAnnouncements({ models, notify, office: officeDirectory, timezone: config.timezone, limits: tunables.announcement }),
    study,
    digest: createDigest({ timezone: config.timezone, notify, maxBytes: tunables.replyLimits.markdownBytes, sources: () => ({ ...deps.digestSources, study }) }),
    cleanup: createCleanup({ models, jobRuns, retention: tunables.retention }),
  };
}
