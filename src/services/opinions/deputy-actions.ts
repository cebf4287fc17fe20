import { refuse } from '../../refusals';
import { createRating } from './deputy-rate';
import type { Units } from './handling-units';
import type { OpinionNotices } from './notices';
import type { UnitNotices } from './unit-notices';
import {
  type ActionInput,
  applyGuarded,
  loadOpinion,
  OPEN_STATUSES,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  wrongState,
} from './opinion-steps';

/** The deputies' steps on a case: 附议, 撤回, and 评价 (deputy-rate.ts). */
export function createDeputyActions(d: OpinionDeps, notices: OpinionNotices, units: Units, unitNotices: UnitNotices) {
  const { models } = d;

  /** 附议: once per deputy, never one's own, only while the opinion is open. */
  async function cosign({ code }: OpinionRef, input: ActionInput): Promise<Opinion> {
    const u = input.actor.userid;
    const { doc } = await applyGuarded(
      models,
      code,
      { status: { $in: OPEN_STATUSES }, filer: { $ne: u }, cosigners: { $ne: u } },
      { $push: { cosigners: u, timeline: timelineEntry('cosigned', input) }, $set: { lastEventAt: input.now } },
      input.msgId,
      (current) => {
        if (current.filer === u) refuse('opinion.cosignOwn', { code });
        if ((current.cosigners ?? []).includes(u)) refuse('opinion.cosignAgain', { code });
        return wrongState(current, 'cosign');
      },
    );
    return doc;
  }

  /** 撤回: the filer, before the office has assigned it. */
  async function withdraw({ code }: OpinionRef, input: ActionInput): Promise<Opinion> {
    const before = await loadOpinion(models, code);
    if (before.filer !== input.actor.userid) refuse('opinion.notFiler', { code, action: 'withdraw' });
    const { doc } = await applyGuarded(
      models,
      code,
      { status: '待交办', filer: input.actor.userid },
      {
        $set: { status: '已撤回', withdrawnAt: input.now, lastEventAt: input.now },
        $push: { timeline: timelineEntry('withdrawn', input) },
      },
      input.msgId,
      (current) => wrongState(current, 'withdraw'),
    );
    await notices.withdrawn(doc);
    return doc;
  }

  return { cosign, withdraw, ...createRating(d, notices, units, unitNotices) };
}
