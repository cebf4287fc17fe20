import { labelOf, PERFORMANCE_RESULT_LABELS } from '../../contracts/labels';
import { reportWords as w } from '../../messages/report';
import { maskSensitive } from '../../text/mask';
import { formatPlainDate } from '../../time/format';
import type { PerformanceItem, PerformanceRecord } from './summary';

// The 述职 draft as plain sections of sentences, from one performance record. Every sentence is either a
// figure of that record or one of its items naming the record (code, date, state); nothing else is written.

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

export interface ReportDraft {
  fileName: string;
  title: string;
  byline: string;
  basis: string;
  sections: ReportSection[];
  closing: { heading: string; marker: string };
}

export interface ReportDeputy {
  name: string;
  district?: string;
  station?: string;
}

export function draftReport(
  r: PerformanceRecord,
  deputy: ReportDeputy,
  o: { timezone: string; asOf: Date },
): ReportDraft {
  const date = (d: Date) => formatPlainDate(d, o.timezone);
  // Titles are the filers' own words: a constituent's phone or ID number in one is masked.
  const title = (i: PerformanceItem) => maskSensitive(i.title);
  const of = (kind: PerformanceItem['kind']) => r.items.filter((i) => i.kind === kind);
  const result = (i: PerformanceItem) => labelOf(PERFORMANCE_RESULT_LABELS, i.result);
  const event = (i: PerformanceItem) =>
    w.event({ date: date(i.at), code: i.code ?? '', title: title(i), detail: i.detail, result: result(i) });
  const opinion = (i: PerformanceItem, verb: string) =>
    w.opinion({
      date: date(i.at),
      verb,
      code: i.code ?? '',
      title: title(i),
      status: i.status ?? result(i),
      rating: i.rating,
    });
  const section = (heading: string, figures: string, lines: string[]): ReportSection => ({
    heading,
    paragraphs: lines.length ? [figures, ...lines] : [w.none],
  });

  const filed = of('opinion');
  const own = filed.filter((i) => i.detail !== '群众反映');
  const relayed = filed.filter((i) => i.detail === '群众反映');
  const shifts = of('shift').map((i) => w.shift({ date: date(i.at), station: i.title, result: result(i) }));
  const relayedLines = relayed.map((i) => opinion(i, w.relayedVerb));
  const contact: string[] = shifts.length ? [w.shiftsFigures(r.shifts), ...shifts] : [w.shiftsNone];
  contact.push(...(relayedLines.length ? relayedLines : [w.relayedNone]));

  return {
    fileName: w.fileName({ name: deputy.name, year: r.year }),
    title: w.title({ year: r.year }),
    byline: w.byline(deputy),
    basis: w.basis({ asOf: date(o.asOf) }),
    sections: [
      section(w.headings.meetings, w.meetingsFigures(r.meetings), of('meeting').map(event)),
      section(w.headings.activities, w.activitiesFigures(r.activities), of('activity').map(event)),
      section(w.headings.opinions, w.opinionsFigures(r.opinions), [
        ...own.map((i) => opinion(i, w.filedVerb)),
        ...relayedLines,
        ...of('cosign').map((i) => opinion(i, w.cosignedVerb)),
      ]),
      { heading: w.headings.shifts, paragraphs: shifts.length || relayedLines.length ? contact : [w.none] },
      section(
        w.headings.study,
        w.studyFigures(r.study),
        of('study').map((i) => w.study({ date: date(i.at), code: i.code ?? '', title: title(i) })),
      ),
    ],
    closing: { heading: w.headings.closing, marker: w.closingMarker },
  };
}
