import type { Actor } from '../roster';
import { type Refusal, isRefusal, refuse } from '../../refusals';
import { t } from '../../messages';
import type { Models } from '../../models';
import { neutralizeOfficeMarkdown } from '../../text/sanitize';
import { yearOf } from '../../time/zone';
import { utf8Bytes } from '../../text/split';
import { formatCode, nextCode, peekCode } from '../codes';
import { LIMITS, type Notifier, pushParts } from '../delivery';
import type { OfficeDirectory } from '../roster';
import { isDuplicateKey } from '../../models/duplicate-key';
import { recordWrite } from '../../models/audit-entry';
import { createAnnouncementSender } from './announcement-sender';
import { groupMarkdown, previewOf } from './announcement-text';

export { previewOf } from './announcement-text';

export type AnnouncementStatus = 'scheduled' | 'sending' | 'sent' | 'revoked' | 'expired';

export interface AnnouncementView {
  code: string;
  content: string;
  /** First line, short, defused for echoing (lists and notices). */
  preview: string;
  mentionAll: boolean;
  status: AnnouncementStatus;
  authorName: string;
  createdAt: Date;
  scheduledAt?: Date;
  sentAt?: Date;
}

export interface AnnouncementsOptions {
  models: Models;
  notify: Notifier;
  office: OfficeDirectory;
  timezone: string;
  limits: { maxChars: number; maxLateMs: number; listSize: number; maxAheadDays: number };
}

/** What the group will get, part by part, as the outbox will store and send it. */
export interface AnnouncementPreview {
  /** The code the announcement will most likely carry (the next free one; another request may take it first). */
  code: string;
  chars: number;
  maxChars: number;
  /** WeCom's limit for one group markdown message, in UTF-8 bytes. */
  limitBytes: number;
  parts: Array<{ text: string; bytes: number }>;
  /** The short text push that @-mentions everyone after the announcement (公告@全体). */
  mentionAllPart?: { text: string; bytes: number };
  /** What sending would refuse (empty, too long), in the chat's words; the parts are shown all the same. */
  /** What sending would refuse, if anything (each door says it its own way). */
  problem?: Refusal;
}

interface NewAnnouncement {
  actor: Actor;
  content: string;
  mentionAll: boolean;
  msgId: string;
  now: Date;
}

/** Office announcements (公告): posted at once or at a set minute, exactly once, never after revocation. */
export function createAnnouncements(o: AnnouncementsOptions) {
  const { Announcement } = o.models;
  const sender = createAnnouncementSender(o);

  /** A scheduled time must lie ahead, and not too far. */
  function checkTime(at: Date, now: Date): void {
    if (at.getTime() <= now.getTime()) {
      refuse('announcement.timePast', { at });
    }
    if (at.getTime() - now.getTime() > o.limits.maxAheadDays * 24 * 3600_000) {
      refuse('announcement.timeTooFar', { at, days: o.limits.maxAheadDays });
    }
  }

  return {
    /**
     * Posts now: stored as 'sending' (due now), queued under a key derived from its code, then 'sent'.
     * A crash in between leaves it 'sending', which the reminders job finishes; a retry re-queues nothing.
     */
    async post(input: NewAnnouncement): Promise<AnnouncementView> {
      const content = checkContent(input.content, o.limits.maxChars);
      const doc = await createOnce(o, { ...input, content }, { status: 'sending', scheduledAt: input.now });
      if (doc.status !== 'sending' && doc.status !== 'sent') return toView(doc);
      await sender.push(doc);
      const sent = await Announcement.findOneAndUpdate(
        { _id: doc._id, status: 'sending' },
        { $set: { status: 'sent', sentAt: input.now } },
        { returnDocument: 'after' },
      ).lean();
      if (sent) await recordWrite({ kind: 'Announcement', code: doc.code, op: 'update' });
      return toView(sent ?? doc);
    },

    /** Stores it for the reminders job, which sends it in the minute of `at`. */
    async schedule(input: NewAnnouncement & { at: Date }): Promise<AnnouncementView> {
      const content = checkContent(input.content, o.limits.maxChars);
      checkTime(input.at, input.now);
      const doc = await createOnce(o, { ...input, content }, { status: 'scheduled', scheduledAt: input.at });
      return toView(doc);
    },

    /**
     * What posting this text would push to the group, split exactly as the outbox splits it (the same
     * rendering and the same split function), with the refusal sending would give, if any.
     */
    preview: (input: PreviewInput) => previewAnnouncement(o, input),

    /** The chat's time checks on a picked instant (past, too far ahead). */
    checkTime,

    /** Called by the reminders job every minute: sends what is due; too-late ones are expired and the office told. */
    sendDue: sender.sendDue,

    async list(): Promise<{ scheduled: AnnouncementView[]; recent: AnnouncementView[] }> {
      const scheduled = await Announcement.find({ status: 'scheduled' })
        .sort({ scheduledAt: 1, _id: 1 })
        .limit(50)
        .lean();
      const recent = await Announcement.find({ status: { $ne: 'scheduled' } })
        .sort({ createdAt: -1, _id: -1 })
        .limit(o.limits.listSize)
        .lean();
      return { scheduled: scheduled.map(toView), recent: recent.map(toView) };
    },

    /** Cancels a scheduled announcement: only from 'scheduled', so one already being sent is never half-cancelled. */
    async revoke(code: string, actor: Actor, now: Date): Promise<AnnouncementView> {
      const done = await Announcement.findOneAndUpdate(
        { code, status: 'scheduled' },
        { $set: { status: 'revoked', revokedAt: now, revokedBy: actor.userid } },
        { returnDocument: 'after' },
      ).lean();
      if (done) {
        await recordWrite({ kind: 'Announcement', code: done.code, op: 'update' });
        return toView(done);
      }
      const doc = await Announcement.findOne({ code }).lean();
      if (!doc) refuse('announcement.notFound', { code });
      if (doc.status === 'revoked') refuse('announcement.alreadyRevoked', { code });
      if (doc.status === 'expired') refuse('announcement.alreadyExpired', { code });
      return refuse('announcement.alreadySent', { code });
    },
  };
}

function checkContent(content: string, maxChars: number): string {
  const text = content.trim();
  if (!text) refuse('announcement.contentMissing', {});
  const length = [...text].length;
  if (length > maxChars) refuse('announcement.contentTooLong', { max: maxChars, length });
  return text;
}

/** One record per inbound message: a WeCom retry gets the first record back instead of a second one. */
async function createOnce(
  o: AnnouncementsOptions,
  input: NewAnnouncement,
  extra: { status: AnnouncementStatus; scheduledAt?: Date; sentAt?: Date },
) {
  const { Announcement } = o.models;
  const existing = await Announcement.findOne({ origin: input.msgId }).lean();
  if (existing) return existing;
  const code = await nextCode(o.models, 'GG', yearOf(input.now, o.timezone));
  try {
    const doc = await Announcement.create({
      code: formatCode(code),
      year: code.year,
      seq: code.seq,
      content: input.content,
      mentionAll: input.mentionAll,
      authorId: input.actor.userid,
      authorName: input.actor.name,
      origin: input.msgId,
      createdAt: input.now,
      ...extra,
    });
    await recordWrite({ kind: 'Announcement', code: doc.code, op: 'create' });
    return doc.toObject();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const raced = await Announcement.findOne({ origin: input.msgId }).lean();
    if (!raced) throw err;
    return raced;
  }
}

type PreviewInput = { actor: Actor; content: string; mentionAll: boolean; now: Date };

async function previewAnnouncement(o: AnnouncementsOptions, input: PreviewInput): Promise<AnnouncementPreview> {
  const content = input.content.trim();
  const code = formatCode(await peekCode(o.models, 'GG', yearOf(input.now, o.timezone)));
  let problem: Refusal | undefined;
  try {
    checkContent(content, o.limits.maxChars);
  } catch (err) {
    if (!isRefusal(err)) throw err;
    problem = err;
  }
  const part = (text: string) => ({ text, bytes: utf8Bytes(text) });
  const markdown = content ? groupMarkdown({ code, content, authorName: input.actor.name }) : '';
  const mentionAllText = t('announceMentionAllText');
  return {
    code,
    chars: [...content].length,
    maxChars: o.limits.maxChars,
    limitBytes: LIMITS.webhookMarkdown,
    parts: markdown ? pushParts({ target: { kind: 'group' }, format: 'markdown', content: markdown }).map(part) : [],
    mentionAllPart: input.mentionAll && markdown ? part(mentionAllText) : undefined,
    problem,
  };
}

function toView(d: Record<string, unknown>): AnnouncementView {
  return {
    code: String(d.code),
    content: String(d.content),
    preview: neutralizeOfficeMarkdown(previewOf(String(d.content))),
    mentionAll: d.mentionAll === true,
    status: d.status as AnnouncementStatus,
    authorName: String(d.authorName),
    createdAt: d.createdAt as Date,
    scheduledAt: (d.scheduledAt as Date | undefined) ?? undefined,
    sentAt: (d.sentAt as Date | undefined) ?? undefined,
  };
}

export type Announcements = ReturnType<typeof createAnnouncements>;
