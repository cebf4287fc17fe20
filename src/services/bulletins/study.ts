import type { Actor } from '../roster';
import { UserError } from '../../errors';
import { t } from '../../messages';
import type { Models } from '../../models';
import { neutralizeUserText } from '../../text/sanitize';
import { yearOf } from '../../time/zone';
import { formatCode, nextCode, parseCode } from '../codes';
import type { Notifier } from '../delivery';
import { isDuplicateKey } from '../../models/duplicate-key';

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
}

// The link goes into a markdown [text](url): no spaces or brackets that could end it early.
const LINK = /^https?:\/\/[^\s()<>[\]]+$/i;

/** Study material (学习资料): a queue the study job pushes weekly, marked 已学 once per deputy. */
export function createStudy(o: StudyOptions) {
  const { StudyItem } = o.models;

  function check(input: { title: string; link?: string; note?: string }) {
    const title = input.title.trim();
    if (!title) throw new UserError('studyUsage');
    if ([...title].length > o.limits.titleMaxChars)
      throw new UserError('studyTitleTooLong', { max: o.limits.titleMaxChars });
    if (input.link && !LINK.test(input.link)) throw new UserError('studyBadLink', { link: input.link.slice(0, 80) });
    const note = input.note?.trim() || undefined;
    if (note && [...note].length > o.limits.noteMaxChars)
      throw new UserError('studyNoteTooLong', { max: o.limits.noteMaxChars });
    return { title, link: input.link, note };
  }

  async function resolve(codeText: string, now: Date): Promise<string> {
    const code = parseCode(codeText, 'XX', yearOf(now, o.timezone));
    if (!code) throw new UserError('studyBadCode', { input: codeText });
    return formatCode(code);
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
      const position = doc.pushedAt
        ? 0
        : await StudyItem.countDocuments({
            pushedAt: { $exists: false },
            $or: [{ year: { $lt: doc.year } }, { year: doc.year, seq: { $lte: doc.seq } }],
          });
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
      const queued = await StudyItem.find({ pushedAt: { $exists: false } })
        .sort({ year: 1, seq: 1, _id: 1 })
        .limit(o.limits.listSize)
        .lean<ItemDoc[]>();
      return {
        items: pushed.map((d) => ({ ...toView(d), mine: (d.learned ?? []).some((l) => l.userid === userid) })),
        queued: queued.map(toView),
        deputies: await o.countDeputies(),
      };
    },

    /** Marks an item studied, once per deputy: the filter refuses a second entry atomically. */
    async markLearned(codeText: string, userid: string, now: Date): Promise<{ item: StudyView; already: boolean }> {
      const code = await resolve(codeText, now);
      // Guarded on the marks themselves (no entry of this deputy yet), and only once the item has been pushed.
      const done = await StudyItem.findOneAndUpdate(
        { code, pushedAt: { $exists: true }, 'learned.userid': { $ne: userid } },
        { $push: { learned: { userid, at: now } } },
        { returnDocument: 'after' },
      ).lean<ItemDoc>();
      if (done) return { item: toView(done), already: false };
      const doc = await StudyItem.findOne({ code }).lean<ItemDoc>();
      if (!doc) throw new UserError('studyNotFound', { code });
      if (!doc.pushedAt) throw new UserError('studyNotPushedYet', { code, title: neutralizeUserText(doc.title) });
      return { item: toView(doc), already: true };
    },

    /**
     * Pushes the next unpushed item for a study-job slot. The item is first tied to the slot, so a
     * re-run of the same slot (after a crash) pushes the same item under the same outbox key.
     */
    async pushNext(now: Date, slotKey: string): Promise<StudyView | undefined> {
      let doc: ItemDoc | null = await StudyItem.findOne({ pushSlot: slotKey }).lean<ItemDoc>();
      for (let attempt = 0; !doc && attempt < 3; attempt += 1) {
        const next = await StudyItem.findOne({ pushedAt: { $exists: false } })
          .sort({ year: 1, seq: 1, _id: 1 })
          .lean<ItemDoc>();
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
      await o.notify.toGroup(`study:${doc.code}:push`, markdown);
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
