import type { Models } from '../../models';
import type { OpinionFacts, StudyFacts } from './summary';

// The aggregation's rows: the facts the summary takes (a study item's `learned` may be missing in storage).
type OpinionRow = OpinionFacts;
type StudyRow = Omit<StudyFacts, 'learned'> & { learned?: StudyFacts['learned'] };

/**
 * Opinions filed before the year's end and touched since its start (filed or co-signed in the year),
 * with only the co-signatures (of `userid`, or everyone's) projected out of the timeline.
 */
export async function loadOpinionFacts(
  Opinion: Models['Opinion'],
  filter: Record<string, unknown>,
  w: { from: Date; to: Date },
  userid?: string,
): Promise<OpinionFacts[]> {
  const mine =
    userid === undefined
      ? { $eq: ['$$e.action', 'cosigned'] }
      : { $and: [{ $eq: ['$$e.action', 'cosigned'] }, { $eq: ['$$e.by', userid] }] };
  const docs = await Opinion.aggregate<OpinionRow>([
    { $match: { ...filter, filedAt: { $lt: w.to }, lastEventAt: { $gte: w.from } } },
    {
      $project: {
        code: 1,
        title: 1,
        source: 1,
        status: 1,
        rating: 1,
        filer: 1,
        filedAt: 1,
        seq: 1,
        cosigns: {
          $map: {
            input: { $filter: { input: '$timeline', as: 'e', cond: mine } },
            as: 'e',
            in: { userid: '$$e.by', at: '$$e.at' },
          },
        },
      },
    },
    { $sort: { filedAt: 1, seq: 1, _id: 1 } },
  ]);
  return docs.map((o) => ({
    code: o.code,
    title: o.title,
    source: o.source,
    status: o.status,
    rating: o.rating,
    filer: o.filer,
    filedAt: o.filedAt,
    cosigns: o.cosigns,
  }));
}

/** Study items created before the year's end, with the marks (of `userid`, or everyone's). */
export async function loadStudyFacts(
  StudyItem: Models['StudyItem'],
  w: { to: Date },
  userid?: string,
): Promise<StudyFacts[]> {
  const learned =
    userid === undefined
      ? { $ifNull: ['$learned', []] }
      : { $filter: { input: { $ifNull: ['$learned', []] }, as: 'l', cond: { $eq: ['$$l.userid', userid] } } };
  const docs = await StudyItem.aggregate<StudyRow>([
    { $match: { createdAt: { $lt: w.to } } },
    { $project: { code: 1, title: 1, pushedAt: 1, year: 1, seq: 1, learned } },
    { $sort: { year: 1, seq: 1, _id: 1 } },
  ]);
  return docs.map((s) => ({ code: s.code, title: s.title, pushedAt: s.pushedAt, learned: s.learned ?? [] }));
}
