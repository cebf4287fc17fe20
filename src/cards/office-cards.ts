import { t } from '../messages';
import { type Card, newTaskId, tapKey } from './card';

// The office's one-to-one cards: a new opinion's 承办单位 dropdown with a deadline and 交办; the overdue list
// with 督办 per case.

/** Working-day deadlines offered on the card (the typed 期限 takes any). */
export const DEADLINE_WORKDAYS = [10, 15, 20, 30] as const;

/**
 * A unit's option id is its name in hex: a tap then names the unit itself, so a list whose order changed since
 * the card went out cannot pick another one. Names past WeCom's 128-byte option ids are left off the dropdown.
 */
export function unitOptionId(name: string): string | undefined {
  const id = `u${Buffer.from(name, 'utf8').toString('hex')}`;
  return id.length <= 128 ? id : undefined;
}

export function unitOfOptionId(id: string | undefined): string | undefined {
  if (!id || !/^u(?:[0-9a-f]{2}){1,63}$/.test(id)) return undefined;
  const name = Buffer.from(id.slice(1), 'hex').toString('utf8');
  return name.includes('\uFFFD') ? undefined : name;
}

/** The deadline option id → what 交办 takes. */
export function deadlineOfOptionId(id: string | undefined): { workdays: number } | 'default' {
  const n = /^w(\d{1,3})$/.exec(id ?? '')?.[1];
  return n && (DEADLINE_WORKDAYS as readonly number[]).includes(Number(n)) ? { workdays: Number(n) } : 'default';
}

export const ASSIGN_QUESTIONS = { unit: 'unit', deadline: 'deadline' } as const;

/** A new opinion for the office: 承办单位 (known units, most used first, at most 10), 期限 and 交办. */
export function assignCard(
  o: { code: string; title: string; content: string },
  units: readonly string[],
  now: Date,
): Card {
  const options = units
    .map((name) => ({ id: unitOptionId(name), text: name }))
    .filter((x): x is { id: string; text: string } => x.id !== undefined)
    .slice(0, 10);
  return {
    type: 'selects',
    taskId: newTaskId(o.code, now),
    title: t('cardAssignTitle', { code: o.code }),
    desc: o.title.slice(0, 30),
    // What is being assigned, as the office reads it one-to-one.
    text: [...o.content].length > 300 ? `${[...o.content].slice(0, 300).join('')}…` : o.content,
    questions: [
      {
        key: ASSIGN_QUESTIONS.unit,
        title: t('cardAssignUnit'),
        options,
        ...(options[0] ? { selected: options[0].id } : {}),
      },
      {
        key: ASSIGN_QUESTIONS.deadline,
        title: t('cardAssignDeadline'),
        options: [
          { id: 'default', text: t('cardAssignDeadlineDefault') },
          ...DEADLINE_WORKDAYS.map((n) => ({ id: `w${n}`, text: t('cardAssignWorkdays', { n }) })),
        ],
        selected: 'default',
      },
    ],
    submit: { text: t('cardAssignSubmit'), key: tapKey('assign', 0) },
  };
}

export interface DueCase {
  code: string;
  unit: string;
  shown: string;
  overdue: boolean;
  days: number;
}

/** The overdue list: one 督办 button per case (WeCom shows at most 6), the list as text. */
export function overdueCard(
  items: readonly DueCase[],
  now: Date,
  o: { taskId?: string; step?: number; title?: string } = {},
): Card {
  const step = o.step ?? 0;
  return {
    type: 'buttons',
    taskId: o.taskId ?? newTaskId('overdue', now),
    title: o.title ?? t('cardOverdueTitle', { count: items.length }),
    text: [t('cardOverdueText'), ...items.slice(0, 6).map((i) => t('cardOverdueLine', i))].join('\n'),
    buttons: items
      .slice(0, 6)
      .map((i) => ({ text: i.code, key: tapKey('chase', step, i.code), style: i.overdue ? 3 : 2 })),
  };
}
