import type { Models } from '../../models';
import type { ImportPlan } from './import-plan';
import { planImport } from './import-plan';
import { parseRosterSheets } from './import-parse';
import { createRosterImportStore } from './import-store';
import type { SheetProblem } from './import-sheet';
import type { ReadSheets } from './sheet-reader';

export interface RosterUploadOptions {
  models: Models;
  levels: readonly string[];
  groups: readonly string[];
  timezone: string;
  officeUserIds: readonly string[];
  /** Drops this instance's cached roster copy after an apply. */
  forget: () => void;
  /** Reads the file off the event loop, within the file limits. */
  readSheets: ReadSheets;
}

export type UploadPlan = { ok: true; plan: ImportPlan } | { ok: false; problem: SheetProblem; detail?: string };

/**
 * The office's roster upload (the console's door to `npm run roster:import`): read a file, plan it against the
 * stored roster with the same parse and rules, and write a plan that has no errors.
 */
export function createRosterUpload(o: RosterUploadOptions) {
  const store = createRosterImportStore(o.models);
  return {
    async plan(data: Buffer, fileName: string, opts: { deactivateMissing: boolean }): Promise<UploadPlan> {
      const read = await o.readSheets(data, fileName);
      if (!read.ok) return { ok: false, problem: read.problem, detail: read.detail };
      const parsed = parseRosterSheets(read.sheets, { levels: o.levels, groups: o.groups, timezone: o.timezone });
      return {
        ok: true,
        plan: planImport(parsed, await store.snapshot(), {
          deactivateMissing: opts.deactivateMissing,
          officeUserIds: o.officeUserIds,
        }),
      };
    },

    /** Writes a plan without errors (each write idempotent), then drops the cached roster. */
    async apply(plan: ImportPlan): Promise<{ upserted: number; deactivated: number }> {
      try {
        return await store.apply(plan);
      } finally {
        o.forget();
      }
    },
  };
}

export type RosterUpload = ReturnType<typeof createRosterUpload>;
