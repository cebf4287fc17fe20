import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import { contactsOfUnits } from './colour-notices';
import type { OpinionNotices } from './notices';
import {
  type ActionInput,
  applyGuarded,
  formatDeadline,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  wrongState,
} from './opinion-steps';

/** 督办 (催办) one case: a step in its history, and word to the filer, co-signers and the unit's contacts. */
export function createRemind(d: OpinionDeps, notices: OpinionNotices) {
  const tz = d.config.timezone;

  /**
   * 督办 one case (console's button, the chat's 催办): recorded in its history; the filer and co-signers are told
   * the office chased the unit, and the unit's contacts privately to answer.
   */
  async function remind({ code, expectedVersion }: OpinionRef, input: ActionInput): Promise<Opinion> {
    const before = await loadOpinion(d.models, code);
    const entry = timelineEntry('reminded', input, {
      round: before.round ?? 1,
      unit: before.unit ?? '',
      deadline: before.deadline ?? undefined,
    });
    const { doc } = await applyGuarded(
      d.models,
      code,
      { status: '已交办', round: before.round, unit: before.unit },
      { $set: { lastEventAt: input.now }, $push: { timeline: entry } },
      input.msgId,
      (current) => wrongState(current, 'remind'),
      { expectedVersion },
    );
    const index = doc.timeline.findIndex((e) => e.origin === input.msgId);
    await notices.reminded(doc, index);
    const contacts = (await contactsOfUnits(d, [doc.unit ?? ''])).get(doc.unit ?? '') ?? [];
    await d.notify.toUsers(
      `opinion:${doc.code}:chased:${index}`,
      contacts,
      t('colourNoticeChased', {
        code: doc.code,
        title: groupSafe(doc.title),
        unit: groupSafe(doc.unit ?? ''),
        deadline: formatDeadline(doc, tz, d.calendar()),
      }),
    );
    return doc;
  }

  return remind;
}
