import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { formatDateTime } from '../src/time/format';

/** 签到 <编号> | 签到 值班 | 签到 (whatever the sender can check in to right now). */
export const checkinCommand = defineCommand({
  name: '签到',
  role: 'deputy',
  summary: '活动、会议或值班签到（开始前1小时至结束）',
  example: '签到 HD2026-001',
  args: { params: [{ kind: 'text', name: 'target', label: '编号|值班' }] },
  uses: ['events'],
  async run({ params: { target = '' }, actor, now, services, config }) {
    const r = await services.events.checkIn(target, actor.userid, now);
    const what = r.kind === 'shift' ? t('checkinShiftLabel', { label: r.label }) : `${r.code} ${r.title}`;
    return t('checkedIn', { what, at: formatDateTime(r.at, config.timezone) });
  },
});
