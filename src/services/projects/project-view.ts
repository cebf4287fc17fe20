import type { Models } from '../../models';
import type { ActivityDoc } from '../../models/activity';
import type { ProjectDoc } from '../../models/project';
import type { Roster } from '../roster';

/** A project as the doors show it. */
export interface ProjectView {
  code: string;
  year: number;
  title: string;
  ballotCode: string;
  candidate: number;
  unit: string;
  state: 'underway' | 'done';
  doneAt?: Date;
  milestones: Array<{ due: Date; text: string }>;
  /** Oldest first. */
  progress: Array<{ at: Date; text: string; by: string; pushed: boolean }>;
  createdAt: Date;
  version: number;
}

/** A deputies' inspection of a project: an activity naming it, with who signed up and who signed in. */
export interface Inspection {
  code: string;
  title: string;
  type: string;
  startAt: Date;
  cancelled: boolean;
  signedUp: Array<{ userid: string; name: string }>;
  attended: Array<{ userid: string; name: string }>;
}

export function toProjectView(r: ProjectDoc): ProjectView {
  return {
    code: r.code,
    year: r.year,
    title: r.title,
    ballotCode: r.ballotCode,
    candidate: r.candidate,
    unit: r.unit ?? '',
    state: r.state,
    doneAt: r.doneAt ?? undefined,
    milestones: r.milestones.map((m) => ({ due: m.due, text: m.text })),
    progress: r.progress.map((p) => ({ at: p.at, text: p.text, by: p.by, pushed: p.pushed })),
    createdAt: r.createdAt,
    version: r.version,
  };
}

/** The activities naming the project, soonest first, with names for their sign-ups and check-ins. */
export async function inspectionsOf(
  d: { models: Models; roster: Pick<Roster, 'namesOf'> },
  code: string,
): Promise<Inspection[]> {
  const rows = await d.models.Activity.find({ project: code }).sort({ startAt: 1, _id: 1 }).lean<ActivityDoc[]>();
  const names = await d.roster.namesOf([...new Set(rows.flatMap((a) => [...a.confirmedIds, ...a.checkinIds]))]);
  const people = (ids: string[]) => ids.map((userid) => ({ userid, name: names.get(userid) ?? userid }));
  return rows.map((a) => ({
    code: a.code,
    title: a.title,
    type: a.type,
    startAt: a.startAt,
    cancelled: a.status === 'cancelled',
    signedUp: people(a.confirmedIds),
    attended: people(a.checkinIds),
  }));
}
