import type { Models } from '../../models';

const ID = 'deployment';

/** Facts about the deployment as a whole, shared by every instance through the database. */
export function createDeployment(o: { models: Models }) {
  const { Deployment, JobRun } = o.models;
  let first: Date | undefined;

  return {
    /**
     * Records the first start once (the earliest of all instances' starts wins). A database from
     * before this record existed takes its oldest job run as the first start instead.
     */
    async recordStart(now: Date): Promise<Date> {
      const oldest = await JobRun.findOne().sort({ startedAt: 1 }).select({ startedAt: 1 }).lean();
      const at = oldest?.startedAt && oldest.startedAt < now ? oldest.startedAt : now;
      const doc = await Deployment.findOneAndUpdate(
        { _id: ID },
        { $setOnInsert: { firstStartedAt: at } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      first = doc?.firstStartedAt ?? at;
      return first;
    },

    /** When this deployment first started (undefined until some instance has recorded it). */
    async firstStartedAt(): Promise<Date | undefined> {
      if (first) return first;
      const doc = await Deployment.findById(ID).lean();
      first = doc?.firstStartedAt ?? undefined;
      return first;
    },
  };
}

export type Deployment = ReturnType<typeof createDeployment>;
