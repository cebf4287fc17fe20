import type { Models } from '../../models';

/** Whether pushes are flowing: how many wait to be sent and how many gave up (served by the status index). */
export function createOutboxHealth(models: Models) {
  return {
    async counts(): Promise<{ queued: number; failed: number }> {
      const [queued, failed] = await Promise.all([
        models.OutboxItem.countDocuments({ status: { $in: ['pending', 'sending'] } }),
        models.OutboxItem.countDocuments({ status: 'dead', discardedAt: { $exists: false } }),
      ]);
      return { queued, failed };
    },
  };
}
