// 民生实事 in the console: the year's projects, one project's milestones, progress and inspections, the forms.
import type { Day, Instant, Person } from './common';
import type { ProjectState } from './labels';

export interface ProjectMilestone {
  due: Day;
  text: string;
}

export interface ProjectProgress {
  at: Instant;
  text: string;
  by: Person;
  /** Also pushed to the group. */
  pushed: boolean;
}

export interface Project {
  code: string;
  year: number;
  title: string;
  /** The 票决 that adopted it and the candidate's 序号 there. */
  ballotCode: string;
  candidate: number;
  /** 承办单位; '' until named. */
  unit: string;
  state: ProjectState;
  doneAt: Instant | null;
  milestones: ProjectMilestone[];
  /** Oldest first. */
  progress: ProjectProgress[];
  createdAt: Instant;
  version: number;
}

/** GET /projects?year= */
export interface ProjectList {
  year: number;
  items: Array<Project & { inspections: number }>;
}

/** A deputies' inspection: an activity naming the project, who signed up and who signed in. */
export interface ProjectInspection {
  code: string;
  title: string;
  type: string;
  startAt: Instant;
  cancelled: boolean;
  signedUp: Person[];
  attended: Person[];
}

/** GET /projects/:code */
export interface ProjectDetail {
  project: Project;
  inspections: ProjectInspection[];
}

/** GET /projects/adopt-options: the year's closed picks with their candidates, and the known units. */
export interface ProjectAdoptOptions {
  ballots: Array<{
    code: string;
    title: string;
    candidates: Array<{ n: number; name: string; chosen: boolean; tied: boolean }>;
  }>;
  units: string[];
}

/** POST /projects (立项): candidate null → every chosen one. */
export interface ProjectAdoptBody {
  ballotCode: string;
  candidate: number | null;
  unit: string;
  milestones: ProjectMilestone[];
}
export interface ProjectAdopted {
  items: Array<{ project: Project; existed: boolean }>;
}

/** POST /projects/:code: the form sends the version it showed. */
export interface ProjectEditBody {
  version: number;
  unit: string;
  milestones: ProjectMilestone[];
  state: ProjectState;
}

/** POST /projects/:code/progress */
export interface ProjectProgressBody {
  text: string;
  push: boolean;
  requestId: string;
}
