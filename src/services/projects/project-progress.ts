import { t } from '../../messages';
import { recordWrite } from '../../models/audit-entry';
import type { ProjectDoc } from '../../models/project';
import { refuse } from '../../refusals';
import { groupSafe } from '../../text/group-safe';
import { neutralizeUserText } from '../../text/sanitize';
import type { ProjectsDeps } from './project-types';
import { checkProgress } from './project-rules';
import { type ProjectView, toProjectView } from './project-view';

export interface ProgressInput {
  code: string;
  text: string;
  push: boolean;
  actor: { userid: string };
  origin: string;
  now: Date;
}

/**
 * 实事进展: appends a progress report once per request (`origin`), and pushes it to the group when asked; the
 * push is keyed by the request too, so a retry neither posts nor pushes twice.
 */
export async function postProgress(d: ProjectsDeps, i: ProgressInput): Promise<ProjectView> {
  const { Project } = d.models;
  const text = checkProgress(i.code, i.text);
  const entry = { at: i.now, text, by: i.actor.userid, pushed: i.push, origin: i.origin };
  const done = await Project.findOneAndUpdate(
    { code: i.code, 'progress.origin': { $ne: i.origin } },
    { $push: { progress: entry } },
    { returnDocument: 'after' },
  ).lean<ProjectDoc>();
  if (done) await recordWrite({ kind: 'Project', code: done.code, op: 'update' });
  const row = done ?? (await Project.findOne({ code: i.code }).lean<ProjectDoc>());
  if (!row) return refuse('project.notFound', { code: i.code });
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
}
