// The scheduling domain: job runs (claims, history, overview) and the retention clean-up.
export { createScheduling } from './scheduling';
export {
  type ClaimResult,
  type JobOverview,
  type JobRuns,
  type JobRunView,
  type JobSpec,
  type RunRef,
  jobSpecsFromConfig,
} from './job-runs';
export type { Cleanup, Retention } from './cleanup';
export { type Deployment, createDeployment } from './deployment';
