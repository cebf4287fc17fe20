import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import { studyCard } from '../../cards';
import { t } from '../../messages';
import type { Models } from '../../models';
import { neutralizeUserText } from '../../text/sanitize';
import { yearOf } from '../../time/zone';
import { formatCode, nextCode } from '../codes';
import type { Notifier } from '../delivery';
import { isDuplicateKey } from '../../models/duplicate-key';
import { recordWrite } from '../../models/audit-entry';
import { createStudyQueue } from './study-queue';
import { checkStudyFields, type ItemDoc, readStudyProgress, type StudyView, toView } from './study-view';

export type { QueuedStudyItem, StudyProgress, StudyView } from './study-view';

export interface StudyOptions {
  models: Models;
  notify: Notifier;
  timezone: string;
  limits: { titleMaxChars: number; noteMaxChars: number; listSize: number };
  /** How many deputies are expected to study (active roster), for "n / total". */
  countDeputies: () => Promise<number>;
  /** The same people by name (active roster), for who has and has not marked an item. */
  activeDeputies: () => Promise<Array<{ userid: string; name: string }>>;
}

/** Study material (学习资料): a queue the study job pushes weekly, marked 已学 once per deputy. */
export function createStudy(o: StudyOptions) {
  const { StudyItem } = o.models;
  const queue = createStudyQueue(o.models, o.limits);

  return {
    /** Queues an item; position 1 is pushed at the next study slot. Idempotent per inbound message. */
    async add(input: {
      actor: Actor;
      title: string;
      link?: string;
      note?: string;
      msgId: string;
      now: Date;
    }): Promise<{ item: StudyView; position: number }> {
      const fields = checkStudyFields(input, o.limits);
      const doc = await storeOnce(o, fields, input);
      const code = doc.code;
      const position = doc.pushedAt ? 0 : (await queue.inOrder()).items.findIndex((i) => i.code === code) + 1;
      return { item: toView(doc), position };
    },

    /** Recent pushed items (newest first) with whether `userid` marked each; office also gets the queue. */
    async listFor(
      userid: string,
    ): Promise<{ items: Array<StudyView & { mine: boolean }>; queued: StudyView[]; deputies: number }> {
      const pushed = await StudyItem.find({ pushedAt: { $exists: true } })
        .sort({ pushedAt: -1, _id: -1 })
        .limit(o.limits.listSize)
        .lean<ItemDoc[]>();
      const queued = (await queue.inOrder()).items.slice(0, o.limits.listSize);
      return {
        items: pushed.map((d) => ({ ...toView(d), mine: (d.learned ?? []).some((l) => l.userid === userid) })),
        queued: queued.map(toView),
        deputies: await o.countDeputies(),
      };
    },

    /** Marks an item studied, once per deputy: the filter refuses a second entry atomically. */
    async markLearned(code: string, userid: string, now: Date): Promise<{ item: StudyView; already: boolean }> {
      // Guarded on the marks themselves (no entry of this deputy yet), and only once the item has been pushed.
      const done = await StudyItem.findOneAndUpdate(
        { code, pushedAt: { $exists: true }, 'learned.userid': { $ne: userid } },
        { $push: { learned: { userid, at: now } } },
        { returnDocument: 'after' },
      ).lean<ItemDoc>();
      if (done) {
        await recordWrite({ kind: 'StudyItem', code: done.code, op: 'update' });
        return { item: toView(done), already: false };
      }
      const doc = await StudyItem.findOne({ code }).lean<ItemDoc>();
      if (!doc) refuse('study.notFound', { code });
      if (!doc.pushedAt) refuse('study.notPushedYet', { code, title: neutralizeUserText(doc.title) });
      return { item: toView(doc), already: true };
    },

    /**
     * Pushes the next unpushed item for a study-job slot. The item is first tied to the slot, so a
     * re-run of the same slot (after a crash) pushes the same item under the same outbox key.
     */
    pushNext: (now: Date, slotKey: string) => pushNext(o, queue, now, slotKey),

    /** Items pushed in [from, to), oldest first, with how many marked them (for the digest). */
    async pushedBetween(from: Date, to: Date): Promise<StudyView[]> {
      const docs = await StudyItem.find({ pushedAt: { $gte: from, $lt: to } })
        .sort({ pushedAt: 1, _id: 1 })
        .lean<ItemDoc[]>();
      return docs.map(toView);
    },

    /** How many study items `userid` marked within [from, to) (for the performance register). */
    async countLearnedBy(userid: string, from: Date, to: Date): Promise<number> {
      const docs = await StudyItem.find({ 'learned.userid': userid }).select({ learned: 1 }).lean<ItemDoc[]>();
      return docs.filter((d) => (d.learned ?? []).some((l) => l.userid === userid && l.at >= from && l.at < to)).length;
    },

    countDeputies: o.countDeputies,

    queue: queue.queue,
    reorder: queue.reorder,
    edit: queue.edit,
    remove: queue.remove,

    /** The most recent pushed items, each with who has marked it 已学 and who of the active roster has not. */
    progress: (limit = 20) => readStudyProgress(o.models, o.activeDeputies, limit),
  };
}

export type Study = ReturnType<typeof createStudy>;

/** The study job's push of the next queued item (see `pushNext` above). */
async function pushNext(
  o: StudyOptions,
  queue: ReturnType<typeof createStudyQueue>,
  now: Date,
  slotKey: string,
): Promise<StudyView | undefined> {
  const { StudyItem } = o.models;
  let doc: ItemDoc | null = await StudyItem.findOne({ pushSlot: slotKey }).lean<ItemDoc>();
  for (let attempt = 0; !doc && attempt < 3; attempt += 1) {
    const next = (await queue.inOrder()).items[0];
    if (!next) return undefined;
    doc = await StudyItem.findOneAndUpdate(
      { _id: next._id, pushedAt: { $exists: false } },
      { $set: { pushedAt: now, pushSlot: slotKey } },
      { returnDocument: 'after' },
    ).lean<ItemDoc>();
    if (doc) await recordWrite({ kind: 'StudyItem', code: doc.code, op: 'update' });
  }
  if (!doc) return undefined;
  // Where the group sees cards, each deputy marks it with a tap.
  const card = studyCard({ code: doc.code, title: neutralizeUserText(doc.title) }, now);
  await o.notify.toGroup(`study:${doc.code}:push`, pushMarkdown(doc), { card });
  return toView(doc);
}

/** Stores a new item once per inbound message: a retried 学习 finds the item it created. */
async function storeOnce(
  o: StudyOptions,
  fields: ReturnType<typeof checkStudyFields>,
  input: { actor: Actor; msgId: string; now: Date },
): Promise<ItemDoc> {
  const { StudyItem } = o.models;
  let doc: ItemDoc | null = await StudyItem.findOne({ origin: input.msgId }).lean<ItemDoc>();
  if (!doc) {
    const code = await nextCode(o.models, 'XX', yearOf(input.now, o.timezone));
    try {
      const created = await StudyItem.create({
        ...fields,
        code: formatCode(code),
        year: code.year,
        seq: code.seq,
        authorId: input.actor.userid,
        origin: input.msgId,
        createdAt: input.now,
      });
      doc = created.toObject() as unknown as ItemDoc;
      await recordWrite({ kind: 'StudyItem', code: doc.code, op: 'create' });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      doc = await StudyItem.findOne({ origin: input.msgId }).lean<ItemDoc>();
      if (!doc) throw err;
    }
  }
  return doc;
}

/** The group's push of an item: the user's words neutralized. */
function pushMarkdown(doc: ItemDoc): string {
  return t('studyPush', {
    code: doc.code,
    title: neutralizeUserText(doc.title),
    note: doc.note ? neutralizeUserText(doc.note) : undefined,
    link: doc.link ?? undefined,
  });
}
