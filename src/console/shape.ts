import { t } from '../messages';
import type { ColourView, Opinion } from '../services/opinions';
import { versionOf } from '../services/opinions';
import type { OpinionRow } from '../services/opinions';
import { containsSensitive, maskSensitive } from '../text/mask';
import type { CaseAction, OpinionDetail, OpinionRow as OpinionRowJson, Sendable } from '../contracts';

// JSON shapes of the console API. Text goes out as JSON strings, never as markup: the page renders it as text.

const ACTIONS_BY_STATUS: Record<string, CaseAction[]> = {
  待交办: ['assign', 'reject'],
  已交办: ['reassign', 'answer', 'reject', 'remind'],
  已答复: ['close'],
  已办结: ['reopen'],
};

const isOverdue = (o: Pick<Opinion, 'status' | 'deadline'>, now: Date) =>
  o.status === '已交办' && Boolean(o.deadline && o.deadline.getTime() < now.getTime());

export function rowJson(o: OpinionRow, now: Date, colour: ColourView | null): Sendable<OpinionRowJson> {
  return {
    code: o.code,
    title: o.title,
    status: o.status,
    category: o.category,
    source: o.source,
    filer: { userid: o.filer, name: o.filerName },
    unit: o.unit ?? null,
    deadline: o.deadline ?? null,
    overdue: isOverdue(o, now),
    colour: colour?.colour ?? null,
    filedAt: o.filedAt,
    cosigners: (o.cosigners ?? []).length,
    pendingReview: Boolean(o.pendingAnswer),
  };
}

export interface DetailExtras {
  names: Map<string, string>;
  similar: Array<{ code: string; title: string; status: string }>;
  /** Office staff act on cases; a deputy only reads their own. */
  office: boolean;
  /** A unit contact reading their unit's case: sees the unit's submitted and returned answers, and may answer. */
  unit?: boolean;
  /** Full text (phones, ID numbers): the office, the filer and co-signers. */
  fullText: boolean;
  /** The configured categories (the office may move a case to another one). */
  categories: string[];
  /** 三色预警 now (null unless the case waits for the unit). */
  colour: ColourView | null;
}

function detailOf(e: Opinion['timeline'][number]): string {
  if (e.action === 'rated') return [e.rating, e.note].filter(Boolean).join('：');
  if (e.note && e.action !== 'filed') return e.note;
  return e.unit ?? '';
}

/** Steps between a unit and the office: never on a deputy's page. */
const UNIT_STEPS: ReadonlySet<string> = new Set(['submitted', 'returned']);

function actionsFor(o: Opinion, x: DetailExtras): CaseAction[] {
  if (x.unit) return o.status === '已交办' ? ['answer'] : [];
  if (!x.office) return [];
  const actions = ACTIONS_BY_STATUS[o.status] ?? [];
  if (o.status === '已交办' && o.pendingAnswer) return ['review', ...actions];
  // 跟踪 only where the answer promised more (B or C).
  return o.status === '已答复' && (o.resolution === 'B' || o.resolution === 'C') ? [...actions, 'followUp'] : actions;
}

export function detailJson(o: Opinion, x: DetailExtras, now: Date): Sendable<OpinionDetail> {
  const text = (s: string) => (x.fullText ? s : maskSensitive(s));
  const ratingNote = (round: number) => o.timeline.find((e) => e.action === 'rated' && e.round === round)?.note ?? null;
  return {
    code: o.code,
    version: versionOf(o),
    title: o.title,
    text: text(o.content),
    masked: !x.fullText,
    /** The text has phone or ID numbers: shown unmasked, the page warns against forwarding it. */
    personalInfo: containsSensitive(o.content),
    status: o.status,
    category: o.category,
    /** Why this category: the filer's #类别, the keywords found, nothing matched, or the office; null for old cases. */
    categoryBasis: o.categoryBasis ? { how: o.categoryBasis.how, keywords: o.categoryBasis.keywords ?? [] } : null,
    categories: x.office ? x.categories : [],
    source: o.source,
    filer: { userid: o.filer, name: o.filerName },
    cosigners: (o.cosigners ?? []).map((u) => ({ userid: u, name: x.names.get(u) ?? u })),
    similar: x.similar,
    unit: o.unit ?? null,
    deadline: o.deadline ?? null,
    round: o.round ?? 0,
    overdue: isOverdue(o, now),
    colour: x.colour,
    followUpAt: o.status === '已答复' ? (o.followUpAt ?? null) : null,
    filedAt: o.filedAt,
    rejectReason: o.rejectReason ?? null,
    rounds: o.rounds.map((r) => ({
      n: r.round,
      unit: r.unit,
      deadline: r.deadline,
      assignedAt: r.assignedAt,
      answer: r.answer ? text(r.answer) : null,
      answeredAt: r.answeredAt ?? null,
      resolution: r.resolution ?? null,
      rating: r.rating ?? null,
      ratingNote: ratingNote(r.round),
    })),
    timeline: o.timeline
      .filter((e) => x.office || x.unit || !UNIT_STEPS.has(e.action))
      .map((e) => ({
        at: e.at,
        who: { userid: e.by, name: e.byName },
        action: e.action,
        actionLabel: t('actionLabel', { action: e.action }),
        detail: text(detailOf(e)),
        via: e.via ?? 'chat',
        round: e.round ?? null,
        unit: e.unit ?? null,
        deadline: e.deadline ?? null,
        rating: e.rating ?? null,
        resolution: e.resolution ?? null,
      })),
    // The unit's side of the case: the office and the unit see it; a deputy only ever sees what went out.
    pendingAnswer:
      (x.office || x.unit) && o.pendingAnswer
        ? {
            text: text(o.pendingAnswer.text),
            resolution: o.pendingAnswer.resolution,
            byName: o.pendingAnswer.byName,
            at: o.pendingAnswer.at,
          }
        : null,
    returnedAnswer:
      (x.office || x.unit) && o.returnedAnswer
        ? { reason: o.returnedAnswer.reason, byName: o.returnedAnswer.byName ?? null, at: o.returnedAnswer.at }
        : null,
    actions: actionsFor(o, x),
  };
}
