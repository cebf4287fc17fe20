import { t } from '../../messages';
import type { Models } from '../../models';
import { recordWrite } from '../../models/audit-entry';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { Notifier } from '../delivery';
import type { OfficeDirectory } from '../roster';
import { groupMarkdown, previewOf } from './announcement-text';

/** Sending announcements to the group: at once, or when due (the reminders job), expiring those too late. */
export function createAnnouncementSender(o: {
  models: Models;
  notify: Notifier;
  office: OfficeDirectory;
  timezone: string;
  limits: { maxLateMs: number };
}) {
  const { Announcement } = o.models;

  async function push(doc: {
    code: string;
    content: string;
    mentionAll?: boolean | null;
    authorName: string;
  }): Promise<void> {
    const markdown = groupMarkdown(doc);
    await o.notify.toGroup(`announcement:${doc.code}`, markdown, {
      mentionAll: doc.mentionAll === true,
      mentionAllText: t('announceMentionAllText'),
    });
  }

  return {
    push,
    /** Called by the reminders job every minute: sends what is due; too-late ones are expired and the office told. */
    async sendDue(now: Date): Promise<{ sent: number; expired: number }> {
      const due = await Announcement.find({ status: { $in: ['scheduled', 'sending'] }, scheduledAt: { $lte: now } })
        .sort({ scheduledAt: 1, _id: 1 })
        .limit(100)
        .lean();
      let sent = 0;
      let expired = 0;
      for (const doc of due) {
        const late = now.getTime() - (doc.scheduledAt?.getTime() ?? now.getTime());
        if (doc.status === 'scheduled' && late > o.limits.maxLateMs) {
          if (await expire(doc, now)) {
            await tellOfficeExpired(doc);
            expired += 1;
          }
          continue;
        }
        // scheduled → sending first: a revoke can no longer win, and a crash here is resumed by the next run.
        const claimed = doc.status === 'sending' || (await moved(doc, 'scheduled', { status: 'sending' }));
        if (!claimed) continue;
        await push(doc);
        await moved(doc, 'sending', { status: 'sent', sentAt: now });
        sent += 1;
      }
      return { sent, expired };
    },
  };

  /** One guarded step of an announcement's status; true (and logged) when it took effect. */
  async function moved(
    doc: { _id: unknown; code: string },
    from: 'scheduled' | 'sending',
    set: Record<string, unknown>,
  ) {
    const res = await Announcement.updateOne({ _id: doc._id, status: from }, { $set: set });
    if (res.modifiedCount !== 1) return false;
    await recordWrite({ kind: 'Announcement', code: doc.code, op: 'update' });
    return true;
  }

  function expire(doc: { _id: unknown; code: string }, now: Date): Promise<boolean> {
    return moved(doc, 'scheduled', { status: 'expired', revokedAt: now });
  }

  async function tellOfficeExpired(doc: { code: string; content: string; scheduledAt?: Date | null }): Promise<void> {
    const when = doc.scheduledAt ? formatDateTime(doc.scheduledAt, o.timezone) : '';
    const text = t('announceExpiredNotice', {
      code: doc.code,
      when,
      title: neutralizeUserText(previewOf(doc.content)),
    });
    await o.notify.toUsers(`announcement:${doc.code}:expired`, await o.office.userIds(), text);
  }
}
