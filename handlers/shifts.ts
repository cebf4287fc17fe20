import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { shiftLabel } from '../src/services/events';
import { readShiftWords } from './shared/shift-words';
import { readStationName } from '../src/commands/station-words';

/** 排班 <日期> <代表姓名…> [地点：<联络站>]. */
export const scheduleShiftCommand = defineCommand({
  name: '排班',
  role: 'office',
  summary: '安排代表到联络站接访值班',
  example: '排班 12月5日 张三 李四 地点：东村代表联络站',
  args: {
    options: ['地点', '联络站'],
    params: [{ kind: 'text', name: 'text', label: '日期 代表姓名…', required: true }],
    usage: 'shiftUsage',
  },
  uses: ['events'],
  async run({ params: { text }, options: o, actor, msgId, now, services, config }) {
    const typed = readShiftWords(text, now, config.timezone);
    const stationText = o.地点 ?? o.联络站;
    const station = stationText ? readStationName(stationText, await services.events.stations.known()) : undefined;
    const r = await services.events.shifts.schedule({
      ...typed,
      station,
      actor,
      origin: msgId,
      now,
    });
    return t('shiftScheduled', {
      label: shiftLabel(r.shift, config.timezone),
      added: r.added,
      already: r.already,
      station: r.station.name,
      stationNew: r.station.isNew,
      stationCorrected: r.station.corrected,
    });
  },
});

/** 值班: upcoming shifts, mine first. */
export const shiftsCommand = defineCommand({
  name: '值班',
  role: 'deputy',
  summary: '近期联络站值班安排（我的在前）',
  example: '值班',
  uses: ['events'],
  readOnly: true,
  async run({ actor, now, services }) {
    const { mine, others } = await services.events.shifts.listUpcoming(actor.userid, now);
    if (mine.length === 0 && others.length === 0) return t('shiftListEmpty');
    const lines: string[] = [];
    if (mine.length) lines.push(t('shiftListMine'), ...mine.map((s) => t('shiftListLine', s)));
    if (others.length)
      lines.push(t('shiftListOthers'), ...others.map((s) => t('shiftListLine', { ...s, checkedIn: false })));
    return lines.join('\n');
  },
});
