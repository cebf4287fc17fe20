import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import { wallTime } from '../../time/zone';
import { hasFullAccess, loadOpinion, OPEN_STATUSES, type Opinion, type OpinionDeps } from './opinion-steps';

export interface MinePage {
  items: Array<{ code: string; title: string; status: string; daysOpen?: number }>;
  total: number;
  page: number;
  pages: number;
}

export interface ProgressView {
  opinion: Opinion;
  /** Unmasked text for the filer, co-signers and the office; masked for everyone else. */
  fullAccess: boolean;
  cosignerNames: string[];
  isFiler: boolean;
  isCosigner: boolean;
  isOffice: boolean;
  /** The viewer answers for the unit that holds the case: sees the unit's submitted and returned answers. */
  isUnit: boolean;
}

/** Whole calendar days from a to b in tz (0 on the same day). */
export function calendarDaysBetween(a: Date, b: Date, tz: string): number {
  const x = wallTime(a, tz);
  const y = wallTime(b, tz);
  return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / 86_400_000);
}

export function createQueries(d: OpinionDeps) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;
  const pageSize = d.config.tunables.opinion.pageSize;

  /** The sender's opinions, newest first, pageSize a page (page 1 is the newest). */
  async function listMine(userid: string, page: number, now: Date): Promise<MinePage> {
    // The count and the page in one round trip, both from the {filer, filedAt} index.
    type Item = Pick<Opinion, 'code' | 'title' | 'status' | 'filedAt'>;
    const [facets] = await Opinion.aggregate<{ total: Array<{ n: number }>; page: Item[] }>([
      { $match: { filer: userid } },
      {
        $facet: {
          total: [{ $count: 'n' }],
          page: [
            { $sort: { filedAt: -1, seq: -1, _id: -1 } },
            { $skip: (page - 1) * pageSize },
            { $limit: pageSize },
            { $project: { code: 1, title: 1, status: 1, filedAt: 1 } },
          ],
        },
      },
    ]);
    const total = facets?.total[0]?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    if (total > 0 && page > pages) refuse('opinion.pageBeyondEnd', { page, pages });
    const docs = facets?.page ?? [];
    const items = docs.map((o) => ({
      code: o.code,
      title: o.title,
      status: o.status,
      daysOpen: OPEN_STATUSES.includes(o.status) ? calendarDaysBetween(o.filedAt, now, tz) : undefined,
    }));
    return { items, total, page, pages };
  }

  async function progress(code: string, viewer: Actor): Promise<ProgressView> {
    const opinion = await loadOpinion(d.models, code);
    const isUnit = Boolean(opinion.unit && viewer.units?.includes(opinion.unit));
    // A unit contact sees only what their unit holds; another unit's case does not exist for them.
    if (viewer.contactOnly && !isUnit) refuse('unit.notYourCase', { code: opinion.code });
    const cosigners = opinion.cosigners ?? [];
    const names = await d.roster.namesOf(cosigners);
    return {
      opinion,
      fullAccess: hasFullAccess(opinion, viewer) || (isUnit && opinion.shareContact === true),
      cosignerNames: cosigners.map((u) => names.get(u) ?? u),
      isFiler: opinion.filer === viewer.userid,
      isCosigner: cosigners.includes(viewer.userid),
      isOffice: viewer.isOffice,
      isUnit,
    };
  }

  return { listMine, progress };
}
