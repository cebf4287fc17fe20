import {
  deadlineOfOptionId,
  isValidTaskId,
  newTaskId,
  parseTapKey,
  subjectOf,
  tapKey,
  unitOfOptionId,
  unitOptionId,
} from '../../src/cards';
import { cardTaps } from '../../handlers';
import { createCardTapTable, subjectKindOf } from '../../src/commands/card-taps';
import { cardTapId } from '../../src/wecom/card-events';

// The card door's pure rules: task ids by WeCom's rules, tap keys, option ids, the identity of a tap.

describe('task ids', () => {
  const now = new Date('2026-11-22T02:00:00Z');
  it('follow WeCom’s rules, carry their subject, and are never the same twice', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = newTaskId('HY2026-003', now);
      expect(isValidTaskId(id)).toBe(true);
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(128);
      expect(subjectOf(id)).toBe('HY2026-003');
      ids.add(id);
    }
    expect(ids.size).toBe(1000);
    expect(subjectOf(newTaskId('help', now))).toBe('help');
  });

  it('refuse subjects with characters WeCom refuses, and know no foreign ids', () => {
    expect(() => newTaskId('HY2026:003', now)).toThrow();
    expect(isValidTaskId('appr:1')).toBe(false);
    expect(isValidTaskId('x'.repeat(129))).toBe(false);
    expect(subjectOf('appr-1717000000-ab12')).toBeUndefined();
    expect(subjectKindOf('HD2026-010')).toBe('HD');
    expect(subjectKindOf('overdue')).toBe('overdue');
    expect(subjectKindOf('PJ2026-001')).toBe('PJ');
    expect(subjectKindOf('SS2026-001')).toBeUndefined();
  });
});

describe('tap keys and option ids', () => {
  it('round-trip the action, its argument and the step', () => {
    expect(parseTapKey(tapKey('attend', 0))).toEqual({ action: 'attend', step: 0 });
    expect(parseTapKey(tapKey('chase', 3, 'YJ2026-001'))).toEqual({ action: 'chase', arg: 'YJ2026-001', step: 3 });
    expect(parseTapKey('approve')).toBeUndefined();
    expect(parseTapKey('attend~x')).toBeUndefined();
  });

  it('name a unit by itself, so a reordered list cannot pick another', () => {
    const id = unitOptionId('交通运输局')!;
    expect(id).toMatch(/^u[0-9a-f]+$/);
    expect(unitOfOptionId(id)).toBe('交通运输局');
    expect(unitOptionId('局'.repeat(50))).toBeUndefined();
    expect(unitOfOptionId('u0')).toBeUndefined();
    expect(deadlineOfOptionId('w15')).toEqual({ workdays: 15 });
    expect(deadlineOfOptionId('w16')).toBe('default');
  });
});

describe('the identity of a tap', () => {
  const table = createCardTapTable(cardTaps);
  // An office 交办 card's dropdowns: an ordinary choice, part of the tap.
  const tap = { taskId: `c_YJ2026-001_x_${'a'.repeat(12)}`, eventKey: 'assign~0', selected: { q: ['b', 'a'] } };
  it('is the same for a redelivery and a double tap, different for another person, key or choice', () => {
    const id = cardTapId('bot', 'u1', tap, table.isSecret);
    expect(cardTapId('bot', 'u1', { ...tap, selected: { q: ['a', 'b'] } }, table.isSecret)).toBe(id);
    expect(cardTapId('bot', 'u2', tap, table.isSecret)).not.toBe(id);
    expect(cardTapId('bot', 'u1', { ...tap, eventKey: 'assign~1' }, table.isSecret)).not.toBe(id);
    expect(cardTapId('bot', 'u1', { ...tap, selected: { q: ['c'] } }, table.isSecret)).not.toBe(id);
  });

  it('leaves out the choice of an entry marked secret, and only because of the mark', () => {
    const vote = (ids: string[]) => ({
      taskId: `c_PJ2026-001_x_${'a'.repeat(12)}`,
      eventKey: 'vote~0',
      selected: { choice: ids },
    });
    const ids = (secret: (t: { taskId: string; eventKey: string }) => boolean) =>
      new Set([['c1', 'c2'], ['c3', 'c4'], []].map((c) => cardTapId('bot', 'u1', vote(c), secret)));
    expect(ids(table.isSecret).size).toBe(1);
    // The same table with the ballot's entry unmarked: the transport would keep the ticked boxes again.
    const unmarked = createCardTapTable(cardTaps.map((t) => (t.secret ? { ...t, secret: false } : t)));
    expect(cardTaps.some((t) => t.on === 'PJ' && t.secret)).toBe(true);
    expect(ids(unmarked.isSecret).size).toBe(3);
    // A tap no entry takes acts on nothing: its choice is kept out too.
    expect(table.isSecret({ taskId: tap.taskId, eventKey: 'nosuch~0' })).toBe(true);
    expect(table.isSecret({ taskId: 'not-ours', eventKey: 'assign~0' })).toBe(true);
  });
});
