import { refuse } from '../../refusals';
import type { ShiftDoc } from '../../models/shift';
import { recordWrite } from '../../models/audit-entry';
import { startOfDay } from '../../time/zone';
import type { EventDeps } from './deps';
import { shiftLabel, shiftWindow } from './shift-labels';

/** 签到 值班: the sender's shift whose window is open now, once. */
export async function checkInToShift(d: EventDeps, userid: string, now: Date): Promise<{ shift: ShiftDoc; at: Date }> {
  const { Shift } = d.models;
  const tz = d.config.timezone;
  const from = new Date(startOfDay(now, tz).getTime() - 24 * 3600_000);
  const docs = (await Shift.find({ memberIds: userid, day: { $gte: from } })
    .sort({ day: 1, slot: 1, _id: 1 })
    .limit(20)
    .lean()) as ShiftDoc[];
  const open = docs.find((s) => {
    const w = shiftWindow(s, d);
    return now >= w.opens && now <= w.closes;
  });
  if (!open) {
    const next = docs.find((s) => shiftWindow(s, d).opens > now);
    if (!next) return refuse('shift.noneToday', {});
    const w = shiftWindow(next, d);
    refuse('shift.checkinNotYet', {
      label: shiftLabel(next, tz),
      opens: w.opens,
      closes: w.closes,
    });
  }
  const after = await Shift.findOneAndUpdate(
    { _id: open._id, 'checkins.userid': { $ne: userid } },
    { $push: { checkins: { userid, at: now }, checkinIds: userid } },
    { returnDocument: 'after' },
  ).lean();
  if (!after) refuse('shift.checkinAlready', { label: shiftLabel(open, tz) });
  await recordWrite({ kind: 'Shift', code: String(open._id), op: 'update' });
  return { shift: after as ShiftDoc, at: now };
}
