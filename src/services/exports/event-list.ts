import { eventListText as w } from '../../messages/room-code';
import type { EventBoard, Person } from '../events';
import { writeXlsx } from './xlsx-stream';

/**
 * One activity's or meeting's list: everyone on it, which list they are on (sign-ups, waitlist in
 * promotion order, leave; or reply slips and the silent), with reasons and check-in times.
 */
export async function writeEventList(o: { out: string; timezone: string; board: EventBoard }): Promise<void> {
  const b = o.board;
  const checkedAt = new Map(b.checkins.map((c) => [c.userid, c.at]));
  const sections: Array<[string | ((i: number) => string), Person[]]> =
    b.kind === 'activity'
      ? [
          [w.signedUp, b.signedUp],
          [w.waitlist, b.waitlist],
          [w.leave, b.leaves],
        ]
      : [
          [w.attending, b.attending],
          [w.excused, b.excused],
          [w.silent, b.silent],
        ];
  const listed = new Set(sections.flatMap(([, ps]) => ps.map((p) => p.userid)));
  sections.push([
    w.walkIn,
    b.checkins.filter((c) => !listed.has(c.userid)).map(({ userid, name }) => ({ userid, name })),
  ]);
  await writeXlsx(o.out, o.timezone, async (x) => {
    const sheet = x.sheet(b.code, [
      { header: w.headers[0]!, width: 18 },
      { header: w.headers[1]!, width: 12 },
      { header: w.headers[2]!, width: 18, kind: 'datetime' },
      { header: w.headers[3]!, width: 30, kind: 'longText' },
      { header: w.headers[4]!, width: 18, kind: 'datetime' },
    ]);
    for (const [label, ps] of sections)
      for (const [i, p] of ps.entries())
        await sheet.addRow([
          typeof label === 'string' ? label : label(i + 1),
          p.name,
          p.at,
          p.reason,
          checkedAt.get(p.userid),
        ]);
  });
}
