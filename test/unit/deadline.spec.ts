import { withDeadline } from '../../src/wecom/deadline';
import { gate } from '../helpers/eventually';

// Real short timers against promises the test controls: the deadline is what is under test.

it('returns the value when the work finishes first', async () => {
  await expect(withDeadline(Promise.resolve('done'), 50)).resolves.toEqual({ done: true, value: 'done' });
});

it('returns the running work when the deadline comes first, and it still settles later', async () => {
  const g = gate();
  const work = g.wait.then(() => 'late value');
  const timed = await withDeadline(work, 20);
  expect(timed.done).toBe(false);
  g.open();
  if (!timed.done) await expect(timed.later).resolves.toBe('late value');
});

it('rejects when the work fails before the deadline', async () => {
  await expect(withDeadline(Promise.reject(new Error('boom')), 50)).rejects.toThrow('boom');
});

it('hands a failure after the deadline to the caller, unobserved by the race', async () => {
  let fail!: (e: Error) => void;
  const work = new Promise<string>((_, reject) => {
    fail = reject;
  });
  const timed = await withDeadline(work, 20);
  expect(timed.done).toBe(false);
  fail(new Error('after'));
  if (!timed.done) await expect(timed.later).rejects.toThrow('after');
});

it('waits without limit for an infinite deadline', async () => {
  await expect(withDeadline(Promise.resolve(1), Number.POSITIVE_INFINITY)).resolves.toEqual({ done: true, value: 1 });
});
