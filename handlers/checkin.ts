import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { formatDateTime } from '../src/time/format';

/** 签到 <编号> [签到码] | 签到 值班 | 签到 [签到码] (whatever the sender can check in to right now). */
export const checkinCommand = defineCommand({
  name: '签到',
  role: 'deputy',
  summary: '活动、会议或值班签到（开始前1小时至结束）',
  example: '签到 HY2026-001 4827',
  args: {
    params: [
      { kind: 'word', name: 'target', label: '编号|值班' },
      // The 4 digits on the room's screen, when the office switched the room code on.
      { kind: 'word', name: 'roomCode', label: '签到码' },
    ],
  },
  uses: ['events'],
  async run({ params: { target = '', roomCode }, actor, now, services, config }) {
    const r = await services.events.checkIn(target, actor.userid, now, roomCode);
    const what = r.kind === 'shift' ? t('checkinShiftLabel', { label: r.label }) : `${r.code} ${r.title}`;
    return t('checkedIn', { what, at: formatDateTime(r.at, config.timezone) });
  },
});
