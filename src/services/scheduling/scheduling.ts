import type { Config } from '../../../config';
import type { Models } from '../../models';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { createCleanup } from './cleanup';
import { createJobRuns, jobSpecsFromConfig } from './job-runs';

/** The scheduler's own records (one claimed run per job and slot) and the retention clean-up. */
export function createScheduling(deps: { models: Models; config: Config; calendar?: () => HolidayCalendar }) {
  const { config, models } = deps;
  const jobRuns = createJobRuns({
    models,
    timezone: config.timezone,
    ...config.tunables.scheduler,
    specs: jobSpecsFromConfig(config),
    calendar: deps.calendar,
  });
  return { jobRuns, cleanup: createCleanup({ models, jobRuns, retention: config.tunables.retention }) };
}
