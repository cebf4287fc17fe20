import type { Logger } from 'pino';
import type { Roster } from '../services/roster';

/** The demo roster: enough people to try every role in the simulator. Demo mode only. */
export const DEMO_PEOPLE: ReadonlyArray<{
  userid: string;
  name: string;
  level: string;
  group: string;
  isOffice?: boolean;
}> = [
  { userid: 'office-demo', name: '王主任', level: '镇', group: '社会治理', isOffice: true },
  { userid: 'deputy-zhang', name: '张建国', level: '镇', group: '城建环资' },
  { userid: 'deputy-li', name: '李秀英', level: '县', group: '科教文卫' },
  { userid: 'deputy-zhao', name: '赵卫东', level: '镇', group: '农村农业' },
  { userid: 'deputy-chen', name: '陈丽华', level: '市', group: '财政经济' },
];

/** Seeds the demo roster on the first start (an empty roster); later starts keep what people changed. */
export async function seedDemoRoster(roster: Roster, log: Logger): Promise<boolean> {
  if ((await roster.list()).length > 0) return false;
  for (const p of DEMO_PEOPLE) {
    await roster.upsertDeputy({ userid: p.userid, name: p.name, level: p.level, group: p.group });
    if (p.isOffice) await roster.setOffice(p.userid, true);
  }
  log.info({ people: DEMO_PEOPLE.length }, 'demo roster seeded');
  return true;
}
