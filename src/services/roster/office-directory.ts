import type { Roster } from './roster';

/** Who the office is right now: staff marked on the roster plus OFFICE_USERIDS from the config. */
export function createOfficeDirectory(deps: { roster: Roster; configUserIds: string[] }) {
  return {
    async userIds(): Promise<string[]> {
      const staff = (await deps.roster.activeDeputies()).filter((d) => d.isOffice).map((d) => d.userid);
      return [...new Set([...staff, ...deps.configUserIds])];
    },
  };
}

export type OfficeDirectory = ReturnType<typeof createOfficeDirectory>;
