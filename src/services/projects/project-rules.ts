import { refuse } from '../../refusals';

/** What a project holds: a chat line and a phone screen must carry it. */
export const PROJECT_LIMITS = { unitMaxChars: 40, progressMaxChars: 500, milestoneMaxChars: 100, maxMilestones: 20 };

/** A planned step: when it is due and what it is. */
export interface Milestone {
  due: Date;
  text: string;
}

const chars = (s: string) => [...s].length;

/** The unit's name as stored ('' leaves it to be named later). */
export function checkUnit(unit: string): string {
  const name = unit.trim().replace(/\s+/g, ' ');
  if (chars(name) > PROJECT_LIMITS.unitMaxChars) refuse('project.unitTooLong', { max: PROJECT_LIMITS.unitMaxChars });
  return name;
}

/** Milestones in date order, each with its words. */
export function checkMilestones(list: Milestone[]): Milestone[] {
  const L = PROJECT_LIMITS;
  if (list.length > L.maxMilestones) refuse('project.tooManyMilestones', { max: L.maxMilestones });
  const out = list.map((m, i) => {
    const text = m.text.trim();
    if (!text) refuse('project.milestoneTextMissing', { n: i + 1 });
    if (chars(text) > L.milestoneMaxChars) refuse('project.milestoneTooLong', { n: i + 1, max: L.milestoneMaxChars });
    return { due: m.due, text };
  });
  return out.sort((a, b) => a.due.getTime() - b.due.getTime());
}

/** A progress report's words. */
export function checkProgress(code: string, text: string): string {
  const s = text.trim();
  if (!s) refuse('project.progressMissing', { code });
  if (chars(s) > PROJECT_LIMITS.progressMaxChars)
    refuse('project.progressTooLong', { max: PROJECT_LIMITS.progressMaxChars, length: chars(s) });
  return s;
}
