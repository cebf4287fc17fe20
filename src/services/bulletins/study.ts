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
import { STUDY_QUEUE_ID } from '../../models/study-queue';

export interface StudyView {
  code: string;
  title: string;
  link?: string;
  note?: string;
  createdAt: Date;
  pushedAt?: Date;
  learnedCount: number;
}

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
interface ItemDoc {
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

/** Study material (学习资料): a queue the study job pushes weekly, marked 已学 once per deputy. */
export function createStudy(o: StudyOptions) {
  const { StudyItem, StudyQueue } = o.models;

  /** Items not yet pushed, in push order: the office's order first, then the rest by code. */
  async function queuedInOrder(): Promise<{ items: ItemDoc[]; version: number }> {
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

  /** The push queue in push order, with each item's version and the queue's (for reordering). */
  async function queue(): Promise<{ version: number; items: QueuedStudyItem[] }> {
    const { items, version } = await queuedInOrder();
    return {
      version,
      items: items.map((d, i) => ({ ...toView(d), position: i + 1, version: d.version ?? 0 })),
    };
  }

  /** The guard on an item's version: documents from before versions count as 0. */
  const versionIs = (v: number) => (v === 0 ? { $in: [null, 0] } : v);

  /** Why a guarded change of a queued item matched nothing. */
  async function whyNot(code: string): Promise<never> {
    const doc = await StudyItem.findOne({ code }).lean<ItemDoc>();
    if (!doc) refuse('study.notFound', { code });
    if (doc.pushedAt) refuse('study.alreadyPushed', { code, title: neutralizeUserText(doc.title) });
    return refuse('study.changedMeanwhile', { code });
  }

  function check(input: { title: string; link?: string; note?: string }) {
    const title = input.title.trim();
    if (!title) refuse('study.titleMissing', {});
    if ([...title].length > o.limits.titleMaxChars) refuse('study.titleTooLong', { max: o.limits.titleMaxChars });
    if (input.link && !LINK.test(input.link)) refuse('study.badLink', { link: input.link.slice(0, 80) });
    const note = input.note?.trim() || undefined;
    if (note && [...note].length > o.limits.noteMaxChars) refuse('study.noteTooLong', { max: o.limits.noteMaxChars });
    return { title, link: input.link, note };
  }

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
      const fields = check(input);
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
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          doc = await StudyItem.findOne({ origin: input.msgId }).lean<ItemDoc>();
          if (!doc) throw err;
        }
      }
      const code = doc.code;
      const position = doc.pushedAt ? 0 : (await queuedInOrder()).items.findIndex((i) => i.code === code) + 1;
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
      const queued = (await queuedInOrder()).items.slice(0, o.limits.listSize);
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
      if (done) return { item: toView(done), already: false };
      const doc = await StudyItem.findOne({ code }).lean<ItemDoc>();
      if (!doc) refuse('study.notFound', { code });
      if (!doc.pushedAt) refuse('study.notPushedYet', { code, title: neutralizeUserText(doc.title) });
      return { item: toView(doc), already: true };
    },

    /**
     * Pushes the next unpushed item for a study-job slot. The item is first tied to the slot, so a
     * re-run of the same slot (after a crash) pushes the same item under the same outbox key.
     */
    async pushNext(now: Date, slotKey: string): Promise<StudyView | undefined> {
      let doc: ItemDoc | null = await StudyItem.findOne({ pushSlot: slotKey }).lean<ItemDoc>();
      for (let attempt = 0; !doc && attempt < 3; attempt += 1) {
        const next = (await queuedInOrder()).items[0];
        if (!next) return undefined;
        doc = await StudyItem.findOneAndUpdate(
          { _id: next._id, pushedAt: { $exists: false } },
          { $set: { pushedAt: now, pushSlot: slotKey } },
          { returnDocument: 'after' },
        ).lean<ItemDoc>();
      }
      if (!doc) return undefined;
      const markdown = t('studyPush', {
        code: doc.code,
        title: neutralizeUserText(doc.title),
        note: doc.note ? neutralizeUserText(doc.note) : undefined,
        link: doc.link ?? undefined,
      });
      // Where the group sees cards, each deputy marks it with a tap.
      const card = studyCard({ code: doc.code, title: neutralizeUserText(doc.title) }, now);
      await o.notify.toGroup(`study:${doc.code}:push`, markdown, { card });
      return toView(doc);
    },

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
      const { items } = await queuedInOrder();
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
      const fields = check(input);
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
      if (!done) return whyNot(input.code);
      const position = (await queuedInOrder()).items.findIndex((i) => i.code === done.code) + 1;
      return { ...toView(done), position, version: done.version ?? 0 };
    },

    /** Takes a queued item out of the queue (it is never pushed), guarded by the version the page saw. */
    async remove(input: { code: string; version: number }): Promise<void> {
      const res = await StudyItem.deleteOne({
        code: input.code,
        pushedAt: { $exists: false },
        version: versionIs(input.version),
      });
      if (res.deletedCount !== 1) await whyNot(input.code);
    },

    /** The most recent pushed items, each with who has marked it 已学 and who of the active roster has not. */
    async progress(limit = 20): Promise<{ deputies: number; items: StudyProgress[] }> {
      const [docs, people] = await Promise.all([
        StudyItem.find({ pushedAt: { $exists: true } })
          .sort({ pushedAt: -1, _id: -1 })
          .limit(limit)
          .lean<ItemDoc[]>(),
        o.activeDeputies(),
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
    },
  };
}

function toView(d: ItemDoc): StudyView {
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

export type Study = ReturnType<typeof createStudy>;
