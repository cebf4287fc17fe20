import type { Models } from '../../models';
import type { JobRuns } from './job-runs';

const DAY_MS = 24 * 3600_000;

export interface Retention {
  inboundDays: number;
  outboxDays: number;
  jobRunDays: number;
}

/** Expiry done by the cleanup job, because TTL indexes are outside the database subset we may use. */
export function createCleanup(deps: { models: Models; jobRuns: JobRuns; retention: Retention }) {
  const { InboundMessage, OutboxItem, RateSlots, RateCount, ConsoleSession, ConsoleLoginToken, MediaUpload } =
    deps.models;
  const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

  return {
    async purgeExpired(now: Date): Promise<Record<string, number>> {
      const inbound = await InboundMessage.deleteMany({
        startedAt: { $lt: daysBefore(now, deps.retention.inboundDays) },
      });
      // Only finished pushes go; pending ones are still owed to someone.
      const outbox = await OutboxItem.deleteMany({
        status: { $in: ['sent', 'dead'] },
        createdAt: { $lt: daysBefore(now, deps.retention.outboxDays) },
      });
      // Send budgets span a minute or an hour: a day-old one counts for nothing.
      const slots = await RateSlots.deleteMany({ at: { $lt: daysBefore(now, 1) } });
      const counts = await RateCount.deleteMany({ at: { $lt: daysBefore(now, 1) } });
      // Console sessions and sign-in links are useless once expired; a day's slack keeps them for the logs' sake.
      const sessions = await ConsoleSession.deleteMany({ expiresAt: { $lt: daysBefore(now, 1) } });
      const links = await ConsoleLoginToken.deleteMany({ expiresAt: { $lt: daysBefore(now, 1) } });
      // Uploaded media ids WeCom no longer honours.
      const media = await MediaUpload.deleteMany({ reuseUntil: { $lt: daysBefore(now, 1) } });
      const runs = await deps.jobRuns.purge({
        oldBefore: daysBefore(now, deps.retention.jobRunDays),
        stuckBefore: daysBefore(now, 1),
        now,
      });
      return {
        inbound: inbound.deletedCount ?? 0,
        outbox: outbox.deletedCount ?? 0,
        rateWindows: (slots.deletedCount ?? 0) + (counts.deletedCount ?? 0),
        consoleSessions: sessions.deletedCount ?? 0,
        consoleLinks: links.deletedCount ?? 0,
        mediaUploads: media.deletedCount ?? 0,
        jobRuns: runs.deleted,
        abandonedRuns: runs.abandoned,
      };
    },
  };
}

export type Cleanup = ReturnType<typeof createCleanup>;
