import type { Models } from '../../models';
import type { Ballots } from '../ballots';
import type { Notifier } from '../delivery';
import type { Roster } from '../roster';
import type { Milestone } from './project-rules';

// What the projects domain takes: its dependencies and its use cases' typed input.

export interface ProjectsDeps {
  models: Models;
  notify: Notifier;
  roster: Pick<Roster, 'namesOf'>;
  ballots: Pick<Ballots, 'publicResult'>;
  timezone: string;
}

export interface AdoptInput {
  ballotCode: string;
  /** One candidate's 序号 (a chosen one, or one the office decides among the tied); none: every chosen one. */
  candidate?: number;
  unit?: string;
  milestones?: Milestone[];
  actor: { userid: string };
  now: Date;
}

export interface EditInput {
  code: string;
  /** The version the form showed: a change made meanwhile is refused. */
  version: number;
  unit?: string;
  milestones?: Milestone[];
  state?: 'underway' | 'done';
  now: Date;
}
