import type { Config } from '../../../config';
import type { Models } from '../../models';
import type { Notifier } from '../delivery';
import type { OfficeDirectory, Roster } from '../roster';
import { createAnnouncements } from './announcements';
import { createDigest, type DigestSources } from './digest';
import { createStudy } from './study';

export interface BulletinDeps {
  models: Models;
  config: Config;
  notify: Notifier;
  roster: Roster;
  officeDirectory: OfficeDirectory;
  /** The digest reads opinions and events, built alongside. */
  digestSources: Omit<DigestSources, 'study'>;
}

/** What the office tells the whole group: announcements, study material and the weekly digest. */
export function createBulletins(deps: BulletinDeps) {
  const { config, models, notify, roster } = deps;
  const tunables = config.tunables;
  const study = createStudy({
    models,
    notify,
    timezone: config.timezone,
    limits: tunables.study,
    countDeputies: async () => (await roster.activeDeputies()).length,
    activeDeputies: async () => (await roster.activeDeputies()).map((d) => ({ userid: d.userid, name: d.name })),
  });
  return {
    announcements: createAnnouncements({
      models,
      notify,
      office: deps.officeDirectory,
      timezone: config.timezone,
      limits: tunables.announcement,
    }),
    study,
    digest: createDigest({
      timezone: config.timezone,
      notify,
      maxBytes: tunables.replyLimits.markdownBytes,
      sources: () => ({ ...deps.digestSources, study }),
    }),
  };
}
