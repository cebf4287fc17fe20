import type { Colour } from '../../contracts/labels';
import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import { formatDate } from '../../time/format';
import { colourOf, colourRuleOf, redWorkdays, workdaysLeft, yellowUntil } from './colours';
import { formatDeadline, type Opinion, type OpinionDeps } from './opinion-steps';

/** A red or yellow case, as 督办 lists it. */
export type Due = {
  code: string;
  title: string;
  unit: string;
  deadline: Date;
  shown: string;
  /** Red or yellow (a green case is not due). */
  colour: Exclude<Colour, 'green'>;
  overdue: boolean;
  /** Red: working days overdue (at least 1 once past the deadline); yellow: working days left (0: today). */
  days: number;
};

/** 督办: the red and yellow cases (三色预警) by unit, most urgent first. */
export function createDueReports(d: OpinionDeps) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;

  /** The red and yellow cases (三色预警), most urgent first. */
  async function dueItems(now: Date): Promise<Due[]> {
    const rule = colourRuleOf(d);
    const docs = await Opinion.find({ status: '已交办', deadline: { $lte: yellowUntil(now, rule) } })
      .sort({ deadline: 1, seq: 1, _id: 1 })
      .select({ code: 1, title: 1, unit: 1, status: 1, deadline: 1, deadlineEstimated: 1 })
      .lean<Array<Pick<Opinion, 'code' | 'title' | 'unit' | 'status' | 'deadline' | 'deadlineEstimated'>>>();
    return docs.map((o) => {
      const deadline = o.deadline as Date;
      const colour = colourOf(o, now, rule) === 'red' ? 'red' : 'yellow';
      return {
        code: o.code,
        title: groupSafe(o.title),
        unit: o.unit ?? '',
        deadline,
        shown: formatDeadline(o, tz, rule.calendar),
        colour,
        overdue: colour === 'red',
        days: colour === 'red' ? Math.max(1, redWorkdays(deadline, now, rule)) : workdaysLeft(deadline, now, rule),
      };
    });
  }

  /** Markdown for the office: overdue and soon-due opinions by unit, oldest first; null when there are none. */
  async function overdueReport(now: Date): Promise<string | null> {
    const items = await dueItems(now);
    if (items.length === 0) return null;
    const byUnit = new Map<string, Due[]>();
    for (const item of items) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
    const overdue = items.filter((i) => i.overdue).length;
    const lines = [
      t('overdueHeader', {
        date: formatDate(now, tz),
        overdue,
        soon: items.length - overdue,
        warnWorkdays: d.config.colours.warnWorkdays,
      }),
    ];
    for (const [unit, list] of byUnit) {
      lines.push(t('overdueUnit', { unit: groupSafe(unit) }));
      for (const i of list)
        lines.push(
          t('overdueLine', { code: i.code, title: i.title, deadline: i.shown, days: i.days, overdue: i.overdue }),
        );
    }
    lines.push(t('overdueFooter'));
    return lines.join('\n');
  }

  return { dueItems, overdueReport };
}
