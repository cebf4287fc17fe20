import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { t } from '../messages';
import type { Services } from '../services';
import type { RunRef } from '../services/scheduling';
import type { Job, JobResult, Slot } from './types';

export interface RunSlotDeps {
  services: Services;
  clock: Clock;
  log: Logger;
}

/**
 * Runs one claimed slot and records its outcome. The single catch point for job errors: a failure
 * is logged with the run's context and stored on the run record, never thrown further.
 */
export async function runClaimedSlot(
  job: Job,
  slot: Slot,
  run: RunRef,
  now: Date,
  d: RunSlotDeps,
): Promise<'succeeded' | 'failed'> {
  const log = d.log.child({ job: job.name, slot: slot.key, attempt: run.attempts });
  const started = d.clock.now().getTime();
  let result: JobResult;
  try {
    // The job's writes go into the 操作日志 under the job's name, as a person's do under theirs.
    const name = t('auditJobName', { name: job.name });
    result = await d.services.audit.within({ actor: { userid: `job:${job.name}`, name }, via: 'job', what: name }, () =>
      job.run({ now, slot, services: d.services, log }),
    );
  } catch (err) {
    log.error({ err }, 'job run failed');
    await record(() => d.services.jobRuns.finish(run, d.clock.now(), { status: 'failed', error: describe(err) }), log);
    return 'failed';
  }
  log.info({ counts: result.counts, note: result.note, ms: d.clock.now().getTime() - started }, 'job run succeeded');
  await record(
    () =>
      d.services.jobRuns.finish(run, d.clock.now(), { status: 'succeeded', counts: result.counts, note: result.note }),
    log,
  );
  return 'succeeded';
}

async function record(write: () => Promise<boolean>, log: Logger): Promise<void> {
  try {
    // false: another instance took the run over as stale; its record wins.
    if (!(await write())) log.warn('run record was taken over by another instance; outcome not recorded');
  } catch (err) {
    log.error({ err }, 'could not record the job outcome');
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
