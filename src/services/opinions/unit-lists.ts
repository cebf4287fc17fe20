import type { Models } from '../../models';

/** One line of 待办: a case the unit holds, with where its answer stands. */
export interface TodoItem {
  code: string;
  title: string;
  unit: string;
  deadline: Date;
  pending: boolean;
  returned: boolean;
}

/** A unit answer waiting for review (督办's 待审核 part, the console's filter). */
export interface PendingReview {
  code: string;
  title: string;
  unit: string;
  byName: string;
  at: Date;
}

/** 待办 (a unit's open cases) and the answers waiting for 审核. */
export function createUnitLists(models: Models) {
  /** 待办: the open cases the contact's units hold, the nearest deadline first. */
  async function todo(units: readonly string[]): Promise<TodoItem[]> {
    if (!units.length) return [];
    const docs = await models.Opinion.find(
      { unit: { $in: [...units] }, status: '已交办' },
      { code: 1, title: 1, unit: 1, deadline: 1, pendingAnswer: 1, returnedAnswer: 1 },
    )
      .sort({ deadline: 1, code: 1 })
      .limit(100)
      .lean();
    return docs.map((o) => ({
      code: o.code,
      title: o.title,
      unit: o.unit ?? '',
      deadline: o.deadline ?? new Date(0),
      pending: Boolean(o.pendingAnswer),
      returned: Boolean(o.returnedAnswer),
    }));
  }

  /** Unit answers waiting for 审核, the oldest first. */
  async function pendingReviews(): Promise<PendingReview[]> {
    const docs = await models.Opinion.find(
      { status: '已交办', pendingAnswer: { $exists: true } },
      { code: 1, title: 1, unit: 1, pendingAnswer: 1 },
    )
      .sort({ 'pendingAnswer.at': 1, code: 1 })
      .limit(100)
      .lean();
    return docs.map((o) => ({
      code: o.code,
      title: o.title,
      unit: o.unit ?? '',
      byName: o.pendingAnswer?.byName ?? '',
      at: o.pendingAnswer?.at ?? new Date(0),
    }));
  }

  return { todo, pendingReviews };
}
