import { ensureIndexes, type Models } from './index';

/**
 * Rewrites what earlier versions stored in words this version no longer reads. Each step is one
 * guarded updateMany whose filter matches only the old form, so running it again (every start, every
 * reconnection, a second instance starting beside the first) changes nothing more.
 */
export async function upgradeStoredDocuments(
  models: Models,
): Promise<{ activitiesOpenToActive: number; oldRateWindows: number }> {
  // Activities were 'open' while meetings were 'active': one event lifecycle now, in the meetings' word.
  // Through the driver: the schema no longer admits the old word, not even in a filter.
  const activities = await models.Activity.collection.updateMany({ status: 'open' }, { $set: { status: 'active' } });
  // Send budgets moved from one shared rate_windows to rate_slots (sliding) and rate_counts (fixed windows).
  // What it held spans an hour at most; the budgets start afresh (WeCom's 45009 still stops an excess).
  const windows = await models.RateSlots.db.collection('rate_windows').deleteMany({});
  return { activitiesOpenToActive: activities.modifiedCount, oldRateWindows: windows.deletedCount };
}

/** At start and after every reconnection: the indexes, then what earlier versions stored in this version's words. */
export async function prepareDatabase(models: Models): Promise<void> {
  await ensureIndexes(models);
  await upgradeStoredDocuments(models);
}
