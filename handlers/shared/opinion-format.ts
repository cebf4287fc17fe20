import { formatDeadline, type TimelineEntry } from '../../src/services/opinions';
import type { HolidayCalendar } from '../../src/time/holiday-calendar';
import { t } from '../../src/messages';
import type { ColourView, ProgressView } from '../../src/services/opinions';
import { shown } from '../../src/text/group-safe';
import { formatDate, formatShortDateTime } from '../../src/time/format';

/** Steps between a unit and the office, never shown to deputies. */
export const UNIT_STEPS: ReadonlySet<string> = new Set(['submitted', 'returned']);

function timelineLine(e: TimelineEntry, v: ProgressView, tz: string, now: Date, calendar: HolidayCalendar): string {
  const when = formatShortDateTime(e.at, tz, now);
  const name = e.byName;
  const deadline = formatDeadline(e, tz, calendar);
  const round = e.round ?? 1;
  const note = shown(e.note ?? '', v.fullAccess);
  switch (e.action) {
    case 'filed':
      return t('timelineFiled', { when, name, source: v.opinion.source });
    case 'cosigned':
      return t('timelineCosigned', { when, name });
    case 'assigned':
      return t('timelineAssigned', { when, name, unit: shown(e.unit ?? '', true), deadline, round });
    case 'reassigned':
      return t('timelineReassigned', { when, name, unit: shown(e.unit ?? '', true), deadline });
    case 'answered': {
      const unit = v.opinion.rounds.find((r) => r.round === round)?.unit ?? '';
      const resolution = e.resolution ? t('resolutionLabel', { resolution: e.resolution }) : undefined;
      return t('timelineAnswered', { when, unit: shown(unit, true), note, round, resolution });
    }
    case 'rated':
      return t('timelineRated', { when, name, rating: e.rating ?? '', note });
    case 'reopened':
      return t('timelineReopened', { when, unit: shown(e.unit ?? '', true), deadline, round });
    case 'closed':
      return t('timelineClosed', { when, name });
    case 'withdrawn':
      return t('timelineWithdrawn', { when, name });
    case 'rejected':
      return t('timelineRejected', { when, name, note });
    case 'followUp':
      return t('timelineFollowUp', { when, name, date: e.deadline ? formatDate(e.deadline, tz) : '' });
    case 'redone':
      return t('timelineRedone', { when, name, unit: shown(e.unit ?? '', true), deadline, round, note });
    case 'reminded':
      return t('timelineReminded', { when, name, unit: shown(e.unit ?? '', true) });
    case 'submitted': {
      const resolution = t('resolutionLabel', { resolution: e.resolution ?? '' });
      return t('timelineSubmitted', { when, name, unit: shown(e.unit ?? '', true), resolution, note });
    }
    case 'returned':
      return t('timelineReturned', { when, name, note });
    default:
      return '';
  }
}

/** 进度: header, current handling (with its colour), (masked) content, the timeline, and the viewer's next step. */
export function formatProgress(
  v: ProgressView,
  tz: string,
  now: Date,
  calendar: HolidayCalendar,
  colour: ColourView | null,
): string {
  const o = v.opinion;
  const lines = [
    t('opinionProgressHeader', {
      code: o.code,
      title: shown(o.title, v.fullAccess),
      status: o.status,
      category: o.category,
      source: o.source,
      filer: o.filerName,
    }),
  ];
  if (v.cosignerNames.length) lines.push(t('opinionProgressCosigners', { names: v.cosignerNames.join('、') }));
  if (o.status === '已交办' && o.unit && o.deadline) {
    lines.push(
      t('opinionProgressCurrent', {
        unit: shown(o.unit, true),
        deadline: formatDeadline(o, tz, calendar),
        round: o.round ?? 1,
        colour: colour ?? undefined,
      }),
    );
  }
  lines.push(t('opinionProgressContent', { content: shown(o.content, v.fullAccess) }));
  lines.push(
    t('opinionProgressTimeline'),
    ...o.timeline
      // A unit's submitted or returned answer is between the unit and the office: the filer sees only what went out.
      .filter((e) => v.isOffice || v.isUnit || !UNIT_STEPS.has(e.action))
      .map((e) => timelineLine(e, v, tz, now, calendar))
      .filter(Boolean),
  );
  const open = o.status === '待交办' || o.status === '已交办' || o.status === '已答复';
  if (v.isUnit && !v.isOffice) {
    if (o.status === '已交办') lines.push(t('progressUnitNext', { code: o.code, pending: Boolean(o.pendingAnswer) }));
    return lines.join('\n');
  }
  const next = t('opinionProgressNext', {
    code: o.code,
    canRate: v.isFiler && o.status === '已答复' && o.ratedRound !== o.round,
    canWithdraw: v.isFiler && o.status === '待交办',
    canCosign: !v.isFiler && !v.isCosigner && open,
  });
  if (next) lines.push(next);
  // Office staff see what they can do next (the filer's own hints above still apply to them as deputies).
  const officeNext = !v.isOffice
    ? ''
    : o.pendingAnswer
      ? t('progressPendingReview', { code: o.code })
      : t('opinionProgressOfficeNext', { code: o.code, status: o.status });
  if (officeNext) lines.push(officeNext);
  return lines.join('\n');
}
