import { recordWrite } from '../../models/audit-entry';
import type { ProjectDoc } from '../../models/project';
import { refuse } from '../../refusals';
import { createAdoption } from './project-adopt';
import type { AdoptInput, EditInput, ProjectsDeps } from './project-types';
import { postProgress, type ProgressInput } from './project-progress';
import { checkMilestones, checkUnit } from './project-rules';
import { type Inspection, inspectionsOf, type ProjectView, toProjectView } from './project-view';

// 民生实事: the candidates a 票决 chose become projects (立项), followed through the year by their milestones,
// progress reports (optionally pushed to the group) and the deputies' inspections (activities naming them).

export type { AdoptInput, EditInput, ProjectsDeps };

export function createProjects(d: ProjectsDeps) {
  const { Project } = d.models;

  async function find(code: string): Promise<ProjectDoc> {
    const row = await Project.findOne({ code }).lean<ProjectDoc>();
    if (!row) return refuse('project.notFound', { code });
    return row;
  }

  /** An edit that took effect: its 操作日志 entry, then the project as it is now. */
  async function recorded(done: ProjectDoc): Promise<ProjectView> {
    await recordWrite({ kind: 'Project', code: done.code, op: 'update' });
    return toProjectView(done);
  }

  const { adopt } = createAdoption(d);

  return {
    adopt,

    /** The year's projects in code order, each with how many inspections name it. */
    async list(year: number): Promise<Array<ProjectView & { inspections: number }>> {
      const rows = await Project.find({ year }).sort({ seq: 1 }).lean<ProjectDoc[]>();
      const named = await d.models.Activity.find(
        { project: { $in: rows.map((r) => r.code) }, status: { $ne: 'cancelled' } },
        { project: 1 },
      ).lean<Array<{ project: string }>>();
      return rows.map((r) => ({
        ...toProjectView(r),
        inspections: named.filter((a) => a.project === r.code).length,
      }));
    },

    /** One project with its deputies' inspections (who signed up, who signed in). */
    async detail(code: string): Promise<{ project: ProjectView; inspections: Inspection[] }> {
      const row = await find(code);
      return { project: toProjectView(row), inspections: await inspectionsOf(d, code) };
    },

    /** The console's form: unit, milestones, state, guarded by the version it showed. */
    async edit(i: EditInput): Promise<ProjectView> {
      const set: Record<string, unknown> = {};
      if (i.unit !== undefined) set.unit = checkUnit(i.unit);
      if (i.milestones !== undefined) set.milestones = checkMilestones(i.milestones);
      if (i.state !== undefined) set.state = i.state;
      if (i.state === 'done') set.doneAt = i.now;
      const unset = i.state === 'underway' ? { $unset: { doneAt: 1 } } : {};
      const done = await Project.findOneAndUpdate(
        { code: i.code, version: i.version },
        { $set: set, $inc: { version: 1 }, ...unset },
        { returnDocument: 'after' },
      ).lean<ProjectDoc>();
      if (done) return recorded(done);
      await find(i.code);
      return refuse('project.changedMeanwhile', { code: i.code });
    },

    /** 实事单位: names (or changes) the responsible unit. */
    async setUnit(code: string, unit: string): Promise<ProjectView> {
      const name = checkUnit(unit);
      const done = await Project.findOneAndUpdate(
        { code },
        { $set: { unit: name }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean<ProjectDoc>();
      return done ? recorded(done) : refuse('project.notFound', { code });
    },

    /** 实事完成: the project is done (once). */
    async complete(code: string, now: Date): Promise<ProjectView> {
      const done = await Project.findOneAndUpdate(
        { code, state: 'underway' },
        { $set: { state: 'done', doneAt: now }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean<ProjectDoc>();
      if (done) return recorded(done);
      await find(code);
      return refuse('project.alreadyDone', { code });
    },

    postProgress: (i: ProgressInput) => postProgress(d, i),

    /** The year's projects with their whole progress log (the workbook). */
    async ofYear(year: number): Promise<ProjectView[]> {
      const rows = await Project.find({ year }).sort({ seq: 1 }).lean<ProjectDoc[]>();
      return rows.map(toProjectView);
    },
  };
}

export type Projects = ReturnType<typeof createProjects>;
