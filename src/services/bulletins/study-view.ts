import type { Models } from '../../models';
import { refuse } from '../../refusals';

// What a study item looks like outside the database, and the rules its fields follow (chat and console alike).

export interface StudyView {
  code: string;
  title: string;
  link?: string;
  note?: string;
  createdAt: Date;
  pushedAt?: Date;
  learnedCount: number;
}

/** A queued item as the console's queue page edits it. */
export interface QueuedStudyItem extends StudyView {
  position: number;
  version: number;
}

/** A pushed item with who has marked it 已学 and who (of the active roster) has not. */
export interface StudyProgress extends StudyView {
  learned: Array<{ userid: string; name: string; at: Date }>;
  notLearned: Array<{ userid: string; name: string }>;
}

/** A stored item as read with lean(). */
export interface ItemDoc {
  _id: unknown;
  code: string;
  year: number;
  seq: number;
  title: string;
  link?: string | null;
  note?: string | null;
  createdAt: Date;
  pushedAt?: Date | null;
  learned?: Array<{ userid: string; at: Date }>;
  version?: number | null;
}

// The link goes into a markdown [text](url): no spaces or brackets that could end it early.
const LINK = /^https?:\/\/[^\s()<>[\]]+$/i;

/** A title, link and note as they may be stored, or the refusal that says why not. */
export function checkStudyFields(
  input: { title: string; link?: string; note?: string },
  limits: { titleMaxChars: number; noteMaxChars: number },
) {
  const title = input.title.trim();
  if (!title) refuse('study.titleMissing', {});
  if ([...title].length > limits.titleMaxChars) refuse('study.titleTooLong', { max: limits.titleMaxChars });
  if (input.link && !LINK.test(input.link)) refuse('study.badLink', { link: input.link.slice(0, 80) });
  const note = input.note?.trim() || undefined;
  if (note && [...note].length > limits.noteMaxChars) refuse('study.noteTooLong', { max: limits.noteMaxChars });
  return { title, link: input.link, note };
}

export function toView(d: ItemDoc): StudyView {
  const learned = d.learned ?? [];
  return {
    code: d.code,
    title: d.title,
    link: d.link ?? undefined,
    note: d.note ?? undefined,
    createdAt: d.createdAt,
    pushedAt: d.pushedAt ?? undefined,
    learnedCount: learned.length,
  };
}

/** The most recent pushed items, each with who of the active roster has marked it and who has not. */
export async function readStudyProgress(
  models: Models,
  activeDeputies: () => Promise<Array<{ userid: string; name: string }>>,
  limit: number,
): Promise<{ deputies: number; items: StudyProgress[] }> {
  const [docs, people] = await Promise.all([
    models.StudyItem.find({ pushedAt: { $exists: true } })
      .sort({ pushedAt: -1, _id: -1 })
      .limit(limit)
      .lean<ItemDoc[]>(),
    activeDeputies(),
  ]);
  const names = new Map(people.map((p) => [p.userid, p.name]));
  return {
    deputies: people.length,
    items: docs.map((d) => {
      const learned = (d.learned ?? []).map((l) => ({
        userid: l.userid,
        name: names.get(l.userid) ?? l.userid,
        at: l.at,
      }));
      const marked = new Set(learned.map((l) => l.userid));
      return {
        ...toView(d),
        learned,
        notLearned: people.filter((p) => !marked.has(p.userid)).map((p) => ({ userid: p.userid, name: p.name })),
      };
    }),
  };
}
