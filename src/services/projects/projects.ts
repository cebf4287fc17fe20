import { t } from '../../messages';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import type { ProjectDoc } from '../../models/project';
import { refuse } from '../../refusals';
import { groupSafe } from '../../text/group-safe';
import { neutralizeUserText } from '../../text/sanitize';
import { yearOf } from '../../time/zone';
import type { Ballots, TallyLine } from '../ballots';
import { formatCode, nextCode } from '../codes';
import type { Notifier } from '../delivery';
import type { Roster } from '../roster';
import { checkMilestones, checkProgress, checkUnit, type Milestone } from './project-rules';
import { type Inspection, inspectionsOf, type ProjectView, toProjectView } from './project-view';

// 民生实事: the candidates a 票决 chose become projects (立项), followed through the year by their milestones,
// progress reports (optionally pushed to the group) and the deputies' inspections (activities naming them).

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

export function createProjects(d: ProjectsDeps) {
  const { Project } = d.models;

  async function find(code: string): Promise<ProjectDoc> {
    const row = await Project.findOne({ code }).lean<ProjectDoc>();
    if (!row) return refuse('project.notFound', { code });
    return row;
  }

  /** The candidates 立项 takes from a closed pick: the one named, or every chosen one. */
  async function linesOf(i: AdoptInput): Promise<TallyLine[]> {
    const r = await d.ballots.publicResult(i.ballotCode, i.now);
    if (r.state !== 'closed') return refuse('project.ballotNotPick', { code: i.ballotCode });
    const lines = r.tally.lines;
    if (i.candidate === undefined) {
      const chosen = lines.filter((l) => l.chosen);
      if (chosen.length === 0) refuse('project.noneChosen', { code: i.ballotCode, quorum: r.tally.quorum });
      return chosen;
    }
    const line = lines[i.candidate - 1];
    if (!line) return refuse('project.badCandidate', { code: i.ballotCode, n: i.candidate, max: lines.length });
    if (!line.chosen && !line.tied) refuse('project.notChosen', { code: i.ballotCode, n: line.n, name: line.name });
    return [line];
  }

  /** One candidate's project, created once: its origin is the ballot's code and the candidate's 序号. */
  async function adoptOne(i: AdoptInput, line: TallyLine, unit: string, milestones: Milestone[]) {
    const origin = `${i.ballotCode}#${line.n}`;
    const before = await Project.findOne({ origin }).lean<ProjectDoc>();
    if (before) return { project: before, existed: true };
    const code = await nextCode(d.models, 'SS', yearOf(i.now, d.timezone));
    try {
      const created = await Project.create({
        code: formatCode(code),
        year: code.year,
        seq: code.seq,
        title: line.name,
        ballotCode: i.ballotCode,
        candidate: line.n,
        unit,
        milestones,
        createdBy: i.actor.userid,
        createdAt: i.now,
        origin,
      });
      return { project: created.toObject() as unknown as ProjectDoc, existed: false };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const row = await Project.findOne({ origin }).lean<ProjectDoc>();
      if (!row) throw err;
      return { project: row, existed: true };
    }
  }

  return {
    /** 立项: a project per chosen candidate (or the one named); a candidate already adopted is returned as it is. */
    async adopt(i: AdoptInput): Promise<Array<{ project: ProjectView; existed: boolean }>> {
      const unit = i.unit === undefined ? '' : checkUnit(i.unit);
      const milestones = checkMilestones(i.milestones ?? []);
      const out: Array<{ project: ProjectView; existed: boolean }> = [];
      for (const line of await linesOf(i)) {
        const r = await adoptOne(i, line, unit, milestones);
        out.push({ project: toProjectView(r.project), existed: r.existed });
      }
      return out;
    },

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
      if (done) return toProjectView(done);
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
      return done ? toProjectView(done) : refuse('project.notFound', { code });
    },

    /** 实事完成: the project is done (once). */
    async complete(code: string, now: Date): Promise<ProjectView> {
      const done = await Project.findOneAndUpdate(
        { code, state: 'underway' },
        { $set: { state: 'done', doneAt: now }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean<ProjectDoc>();
      if (done) return toProjectView(done);
      await find(code);
      return refuse('project.alreadyDone', { code });
    },

    /**
     * 实事进展: appends a progress report once per request (`origin`), and pushes it to the group when asked; the
     * push is keyed by the request too, so a retry neither posts nor pushes twice.
     */
    async postProgress(i: {
      code: string;
      text: string;
      push: boolean;
      actor: { userid: string };
      origin: string;
      now: Date;
    }): Promise<ProjectView> {
      const text = checkProgress(i.code, i.text);
      const entry = { at: i.now, text, by: i.actor.userid, pushed: i.push, origin: i.origin };
      const done = await Project.findOneAndUpdate(
        { code: i.code, 'progress.origin': { $ne: i.origin } },
        { $push: { progress: entry } },
        { returnDocument: 'after' },
      ).lean<ProjectDoc>();
      const row = done ?? (await find(i.code));
      const posted = row.progress.find((p) => p.origin === i.origin) ?? entry;
      if (posted.pushed) {
        const names = await d.roster.namesOf([posted.by]);
        await d.notify.toGroup(
          `project:${row.code}:progress:${i.origin}`,
          t('projectProgressPush', {
            code: row.code,
            title: neutralizeUserText(row.title),
            unit: neutralizeUserText(row.unit),
            text: groupSafe(posted.text),
            by: names.get(posted.by) ?? posted.by,
          }),
        );
      }
      return toProjectView(row);
    },

    /** The year's projects with their whole progress log (the workbook). */
    async ofYear(year: number): Promise<ProjectView[]> {
      const rows = await Project.find({ year }).sort({ seq: 1 }).lean<ProjectDoc[]>();
      return rows.map(toProjectView);
    },
  };
}

export type Projects = ReturnType<typeof createProjects>;
