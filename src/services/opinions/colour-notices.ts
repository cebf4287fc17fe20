import { overdueCard } from '../../cards';
import { t } from '../../messages';
import { recordWrite } from '../../models/audit-entry';
import { groupSafe } from '../../text/group-safe';
import { colourRuleOf, colourView, redWorkdays, yellowUntil } from './colours';
import { formatDeadline, type Opinion, type OpinionDeps } from './opinion-steps';

type Due = Pick<
  Opinion,
  'code' | 'title' | 'unit' | 'status' | 'round' | 'deadline' | 'deadlineEstimated' | 'colourNotice'
>;

export interface ColourRunCounts {
  yellow: number;
  red: number;
  escalated: number;
  /** Colour changes of units with no contact on record (nobody to tell; the office's push still lists them). */
  noContact: number;
}

/** The userids of each unit's contacts (承办单位联系人), one read for every unit named. */
export async function contactsOfUnits(d: Pick<OpinionDeps, 'models'>, units: string[]): Promise<Map<string, string[]>> {
  if (units.length === 0) return new Map();
  const docs = await d.models.HandlingUnit.find({ name: { $in: [...new Set(units)] } })
    .select({ name: 1, contacts: 1 })
    .lean<Array<{ name: string; contacts?: Array<{ userid: string }> }>>();
  return new Map(docs.map((u) => [u.name, (u.contacts ?? []).map((c) => c.userid)]));
}

/**
 * The colours job's work: tell a unit's contacts privately when a case of theirs turns yellow and again when it
 * turns red, and ask the office to 督办 once it has been red for ESCALATE_WORKDAYS working days. Each change is
 * told once per round and deadline (改派 to a new deadline starts afresh): the push is keyed by the change, then
 * the change is recorded on the case with a guarded update, so a re-run, a retry or a restart sends nothing twice.
 */
export function createColourNotices(d: OpinionDeps & { officeUserids: () => Promise<string[]> }) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;

  /** Records what was told; a case answered, reassigned or extended meanwhile is left alone. */
  async function mark(o: Due, set: Record<string, unknown>): Promise<void> {
    const res = await Opinion.updateOne(
      { code: o.code, status: '已交办', round: o.round, deadline: o.deadline },
      { $set: set },
    );
    if (res.modifiedCount > 0) await recordWrite({ kind: 'Opinion', code: o.code, op: 'update' });
  }

  async function run(now: Date): Promise<ColourRunCounts> {
    const rule = colourRuleOf(d);
    const escalateAfter = d.config.colours.escalateWorkdays;
    const due = await Opinion.find({ status: '已交办', deadline: { $lte: yellowUntil(now, rule) } })
      .sort({ deadline: 1, seq: 1, _id: 1 })
      .select({ code: 1, title: 1, unit: 1, status: 1, round: 1, deadline: 1, deadlineEstimated: 1, colourNotice: 1 })
      .lean<Due[]>();
    const contacts = await contactsOfUnits(
      d,
      due.map((o) => o.unit ?? ''),
    );
    const counts: ColourRunCounts = { yellow: 0, red: 0, escalated: 0, noContact: 0 };
    for (const o of due) {
      const view = colourView(o, now, rule);
      if (!view || view.colour === 'green' || !o.deadline) continue;
      const deadline = o.deadline;
      const told = o.colourNotice;
      const same = told && told.round === o.round && told.deadline.getTime() === deadline.getTime() ? told : undefined;
      const params = {
        code: o.code,
        title: groupSafe(o.title),
        unit: groupSafe(o.unit ?? ''),
        deadline: formatDeadline(o, tz, rule.calendar),
      };
      const change = `${o.code}:${o.round}:${deadline.toISOString()}`;
      // Yellow after red cannot happen for one deadline; red after yellow (or straight to red) is told.
      if (!same || (same.colour === 'yellow' && view.colour === 'red')) {
        const to = contacts.get(o.unit ?? '') ?? [];
        if (to.length === 0) counts.noContact += 1;
        await d.notify.toUsers(
          `opinion:colour:${change}:${view.colour}`,
          to,
          t('colourNoticeUnit', { ...params, colour: view.colour, workdays: view.workdays }),
        );
        await mark(o, { colourNotice: { round: o.round, deadline, colour: view.colour, at: now } });
        counts[view.colour] += 1;
      }
      const red = view.colour === 'red' ? redWorkdays(deadline, now, rule) : 0;
      if (red >= escalateAfter && !same?.escalatedAt) {
        // Where the office reads cards one-to-one (the app, the long connection), 督办 is one tap on the notice.
        const card = overdueCard(
          [{ code: o.code, unit: params.unit, shown: params.deadline, overdue: true, days: red }],
          now,
          { title: t('cardEscalateTitle', { code: o.code }) },
        );
        await d.notify.toUsers(
          `opinion:escalate:${change}`,
          await d.officeUserids(),
          t('colourEscalate', { ...params, workdays: red }),
          { card },
        );
        await mark(o, { 'colourNotice.escalatedAt': now });
        counts.escalated += 1;
      }
    }
    return counts;
  }

  return { run };
}
