import { recordWrite } from '../../models/audit-entry';
import type { ProjectDoc } from '../../models/project';
import { isDuplicateKey } from '../../models/duplicate-key';
import { refuse } from '../../refusals';
import { yearOf } from '../../time/zone';
import type { TallyLine } from '../ballots';
import { formatCode, nextCode } from '../codes';
import type { AdoptInput, ProjectsDeps } from './project-types';
import { checkMilestones, checkUnit, type Milestone } from './project-rules';
import { type ProjectView, toProjectView } from './project-view';

// 立项: a closed pick's chosen candidates (or the one named) become projects, each once.

export function createAdoption(d: ProjectsDeps) {
  const { Project } = d.models;

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
      await recordWrite({ kind: 'Project', code: created.code, op: 'create' });
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
  };
}
