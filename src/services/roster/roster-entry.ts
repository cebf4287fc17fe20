import type { Models } from '../../models';
import type { RosterRules } from './rules';

export interface RosterEntry {
  userid: string;
  name: string;
  level: string;
  group?: string;
  station?: string;
  district?: string;
  phone?: string;
  termStart?: Date;
  termEnd?: Date;
  active: boolean;
  isOffice: boolean;
}

/** A stored deputy document as a roster entry (defaults applied). */
export function toRosterEntry(d: Record<string, unknown>): RosterEntry {
  return {
    userid: String(d.userid),
    name: String(d.name),
    level: String(d.level ?? '镇'),
    group: (d.group as string | undefined) ?? undefined,
    station: (d.station as string | undefined) ?? undefined,
    district: (d.district as string | undefined) ?? undefined,
    phone: (d.phone as string | undefined) ?? undefined,
    termStart: (d.termStart as Date | undefined) ?? undefined,
    termEnd: (d.termEnd as Date | undefined) ?? undefined,
    active: d.active !== false,
    isOffice: d.isOffice === true,
  };
}

/** What the roster's writes share: the model, the rules, office staff from the config, and the copy each write drops. */
export interface RosterWriteContext {
  Deputy: Models['Deputy'];
  rules: RosterRules;
  configOffice: Set<string>;
  /** Runs a roster write and drops the cached copy, whatever the outcome. */
  writing<T>(work: () => Promise<T>): Promise<T>;
}
