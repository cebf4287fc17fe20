import { createOfficeDirectory, createRoster, createRosterUpload, createSheetReader } from './roster';
import type { ServiceDeps } from './service-deps';

/** Who is who: the roster, the office's upload of it, and the one answer to "who is the office". */
export function createRosterParts(deps: ServiceDeps, workerExecArgv: string[] | undefined) {
  const roster = createRoster({
    models: deps.models,
    officeUserIds: deps.config.officeUserIds,
    levels: deps.config.tunables.levels,
    groups: deps.config.tunables.professionalGroups,
    clock: deps.clock,
  });
  // The office's roster upload: the same engine as `npm run roster:import`.
  const rosterUpload = createRosterUpload({
    models: deps.models,
    levels: deps.config.tunables.levels,
    groups: deps.config.tunables.professionalGroups,
    timezone: deps.config.timezone,
    officeUserIds: deps.config.officeUserIds,
    forget: () => roster.forget(),
    readSheets: createSheetReader({
      limits: deps.config.tunables.rosterFile,
      heapMb: deps.config.tunables.rosterFile.workerHeapMb,
      timeoutMs: deps.config.tunables.rosterFile.workerTimeoutMs,
      execArgv: workerExecArgv,
    }),
  });
  // The one answer to "who is the office": staff marked on the roster plus OFFICE_USERIDS.
  const officeDirectory = createOfficeDirectory({ roster, configUserIds: deps.config.officeUserIds });
  return { roster, rosterUpload, officeDirectory };
}
