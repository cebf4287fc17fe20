import { refuse } from '../../refusals';
import {
  type ActionInput,
  applyGuarded,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
} from './opinion-steps';

/**
 * 改类别: the office puts an opinion in another category (the keywords chose wrongly, or the filer's
 * `#类别` did not fit). One update guarded on the category it replaces; the timeline names both.
 */
export function createRecategorize(d: OpinionDeps) {
  return async function recategorize(
    { code, category, expectedVersion }: OpinionRef & { category: string },
    input: ActionInput,
  ): Promise<Opinion> {
    const known = Object.keys(d.config.categories);
    if (!known.includes(category))
      refuse('opinion.unknownCategory', { category: category.slice(0, 20), categories: known });
    const before = await loadOpinion(d.models, code);
    const { doc } = await applyGuarded(
      d.models,
      code,
      { category: before.category === category ? { $ne: category } : before.category },
      {
        $set: { category, categoryBasis: { how: 'office' }, lastEventAt: input.now },
        $push: { timeline: timelineEntry('recategorized', input, { note: `${before.category} → ${category}` }) },
      },
      input.msgId,
      (current) => {
        if (current.category === category) refuse('opinion.categoryUnchanged', { code, category });
        return refuse('opinion.changedMeanwhile', { code });
      },
      { expectedVersion },
    );
    return doc;
  };
}
