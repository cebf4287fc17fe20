import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import { recordWrite } from '../../models/audit-entry';
import { STUDY_QUEUE_ID } from '../../models/study-queue';
import { refuse } from '../../refusals';
import { neutralizeUserText } from '../../text/sanitize';
import type { Actor } from '../roster';
import { checkStudyFields, type ItemDoc, type QueuedStudyItem, toView } from './study-view';

/** The items waiting to be pushed, as the office orders and edits them: every change guarded by a version. */
export function createStudyQueue(models: Models, limits: { titleMaxChars: number; noteMaxChars: number }) {
  const { StudyItem, StudyQueue } = models;

  /** The push queue in push order, with each item's version and the queue's (for reordering). */
  async function queue(): Promise<{ version: number; items: QueuedStudyItem[] }> {
    const { items, version } = await queuedInOrder(models);
    return {
      version,
      items: items.map((d, i) => ({ ...toView(d), position: i + 1, version: d.version ?? 0 })),
    };
  }

  /** The guard on an item's version: documents from before versions count as 0. */
  const versionIs = (v: number) => (v === 0 ? { $in: [null, 0] } : v);

  return {
    inOrder: () => queuedInOrder(models),
    queue,
    /**
     * Puts the queue in the order given. The page must list exactly the items queued now (none added, pushed
     * or removed since it loaded) and the queue's version it saw: one guarded update, so of two reorders from
     * the same view one wins and the other is told the queue changed.
     */
    async reorder(input: {
      codes: string[];
      version: number;
      actor: Actor;
      now: Date;
    }): Promise<{ version: number; items: QueuedStudyItem[] }> {
      const { items } = await queuedInOrder(models);
      const current = new Set(items.map((i) => i.code));
      const given = new Set(input.codes);
      if (given.size !== input.codes.length || given.size !== current.size || ![...given].every((c) => current.has(c)))
        refuse('study.queueChanged', {});
      try {
        const done = await StudyQueue.findOneAndUpdate(
          { _id: STUDY_QUEUE_ID, version: input.version },
          {
            $set: { order: input.codes, updatedAt: input.now, updatedBy: input.actor.userid },
            $setOnInsert: { code: STUDY_QUEUE_ID },
            $inc: { version: 1 },
          },
          // The first reorder creates the document (from version 0); a stale version then collides on _id.
          { upsert: input.version === 0, returnDocument: 'after' },
        ).lean();
        if (!done) refuse('study.queueChanged', {});
        // Version 0 is only ever the queue before its first order: that write inserted the record.
        await recordWrite({ kind: 'StudyQueue', code: STUDY_QUEUE_ID, op: input.version === 0 ? 'create' : 'update' });
      } catch (err) {
        if (isDuplicateKey(err)) refuse('study.queueChanged', {});
        throw err;
      }
      return queue();
    },

    /** Edits a queued item's title, link or note (the chat's rules), guarded by the version the page saw. */
    async edit(input: {
      code: string;
      version: number;
      title: string;
      link?: string;
      note?: string;
    }): Promise<QueuedStudyItem> {
      const fields = checkStudyFields(input, limits);
      const $set: Record<string, unknown> = { title: fields.title };
      const $unset: Record<string, ''> = {};
      if (fields.link) $set.link = fields.link;
      else $unset.link = '';
      if (fields.note) $set.note = fields.note;
      else $unset.note = '';
      const done = await StudyItem.findOneAndUpdate(
        { code: input.code, pushedAt: { $exists: false }, version: versionIs(input.version) },
        { $set, ...(Object.keys($unset).length ? { $unset } : {}), $inc: { version: 1 } },
        { returnDocument: 'after' },
      ).lean<ItemDoc>();
      if (!done) return whyNot(models, input.code);
      await recordWrite({ kind: 'StudyItem', code: done.code, op: 'update' });
      const position = (await queuedInOrder(models)).items.findIndex((i) => i.code === done.code) + 1;
      return { ...toView(done), position, version: done.version ?? 0 };
    },

    /** Takes a queued item out of the queue (it is never pushed), guarded by the version the page saw. */
    async remove(input: { code: string; version: number }): Promise<void> {
      const res = await StudyItem.deleteOne({
        code: input.code,
        pushedAt: { $exists: false },
        version: versionIs(input.version),
      });
      if (res.deletedCount !== 1) await whyNot(models, input.code);
      await recordWrite({ kind: 'StudyItem', code: input.code, op: 'delete' });
    },
  };
}

/** Items not yet pushed, in push order: the office's order first, then the rest by code. */
async function queuedInOrder(models: Models): Promise<{ items: ItemDoc[]; version: number }> {
  const { StudyItem, StudyQueue } = models;
  const [docs, queue] = await Promise.all([
    StudyItem.find({ pushedAt: { $exists: false } })
      .sort({ year: 1, seq: 1, _id: 1 })
      .lean<ItemDoc[]>(),
    StudyQueue.findById(STUDY_QUEUE_ID).lean<{ order?: string[]; version?: number }>(),
  ]);
  const rank = new Map((queue?.order ?? []).map((code, i) => [code, i]));
  const last = rank.size;
  // Array.prototype.sort is stable: unranked items keep their code order.
  const items = [...docs].sort((a, b) => (rank.get(a.code) ?? last) - (rank.get(b.code) ?? last));
  return { items, version: queue?.version ?? 0 };
}

/** Why a guarded change of a queued item matched nothing. */
async function whyNot(models: Models, code: string): Promise<never> {
  const doc = await models.StudyItem.findOne({ code }).lean<ItemDoc>();
  if (!doc) refuse('study.notFound', { code });
  if (doc.pushedAt) refuse('study.alreadyPushed', { code, title: neutralizeUserText(doc.title) });
  return refuse('study.changedMeanwhile', { code });
}
