import type { Config } from '../../../config';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { Notifier } from '../delivery';
import type { Roster } from '../roster';

/** What the activity, meeting and shift services are built from. */
export interface EventDeps {
  models: Models;
  config: Config;
  notify: Notifier;
  roster: Roster;
  clock: Clock;
}
