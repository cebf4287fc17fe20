import { AsyncLocalStorage } from 'node:async_hooks';
import { groupCommit, type Outcome, unorderedOutcomes } from '../../src/db/group-commit';
import { gate } from '../helpers/eventually';

/** A write the test holds open: it records each batch and answers when the test opens its gate. */
function heldWrite() {
  const batches: string[][] = [];
  const gates: Array<ReturnType<typeof gate>> = [];
  const write = async (items: string[]): Promise<Array<Outcome<string>>> => {
    batches.push(items);
    const g = gate();
    gates.push(g);
    await g.wait;
    return items.map((i) =>
      i.startsWith('bad') ? { ok: false, error: new Error(`refused ${i}`) } : { ok: true, value: i.toUpperCase() },
    );
  };
  return { write, batches, gates };
}

const turn = () => new Promise((r) => setImmediate(r));

test('a write alone goes by itself; what arrives while it is on the way goes together next', async () => {
  const w = heldWrite();
  const put = groupCommit(w.write, { maxItems: 10 });
  const first = put('a');
  await turn();
  expect(w.batches).toEqual([['a']]);
  const rest = ['b', 'c', 'd'].map(put);
  await turn();
  // Nothing else is sent while the first command is out.
  expect(w.batches).toHaveLength(1);
  w.gates[0]!.open();
  await expect(first).resolves.toBe('A');
  await turn();
  expect(w.batches).toEqual([['a'], ['b', 'c', 'd']]);
  w.gates[1]!.open();
  await expect(Promise.all(rest)).resolves.toEqual(['B', 'C', 'D']);
});

test('items that arrive in one turn share the first command, at most maxItems in each', async () => {
  const w = heldWrite();
  const put = groupCommit(w.write, { maxItems: 2 });
  const all = ['a', 'b', 'c', 'd', 'e'].map(put);
  await turn();
  expect(w.batches).toEqual([['a', 'b']]);
  for (let i = 0; i < 3; i++) {
    w.gates[i]!.open();
    await new Promise((r) => setTimeout(r, 0));
  }
  await expect(Promise.all(all)).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
  expect(w.batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
});

test('each caller gets its own outcome; a failed command fails its own items only', async () => {
  let calls = 0;
  const put = groupCommit(
    async (items: string[]): Promise<Array<Outcome<string>>> => {
      calls += 1;
      if (items.includes('down')) throw new Error('connection lost');
      return items.map((i) => (i === 'dup' ? { ok: false, error: new Error('dup') } : { ok: true, value: i }));
    },
    { maxItems: 10 },
  );
  const [a, dup, b] = await Promise.allSettled([put('a'), put('dup'), put('b')]);
  expect(a).toEqual({ status: 'fulfilled', value: 'a' });
  expect(dup).toMatchObject({ status: 'rejected', reason: { message: 'dup' } });
  expect(b).toEqual({ status: 'fulfilled', value: 'b' });
  const [x, down] = await Promise.allSettled([put('x'), put('down')]);
  expect(x).toMatchObject({ status: 'rejected', reason: { message: 'connection lost' } });
  expect(down).toMatchObject({ status: 'rejected', reason: { message: 'connection lost' } });
  // The next command is sent as usual.
  await expect(put('after')).resolves.toBe('after');
  expect(calls).toBe(3);
});

test('a bulk error names its failed items; any other error fails them all', async () => {
  const bulk = Object.assign(new Error('bulk'), {
    writeErrors: [
      { index: 1, code: 11000, errmsg: 'E11000 duplicate key' },
      { index: 3, code: 121, errmsg: 'invalid' },
    ],
  });
  const out = await unorderedOutcomes(4, () => Promise.reject(bulk));
  expect(out.map((o) => o.ok)).toEqual([true, false, true, false]);
  expect(out[1]).toMatchObject({ ok: false, error: { code: 11000, message: 'E11000 duplicate key' } });
  // The driver gives a single write error as an object, not a list.
  const one = await unorderedOutcomes(2, () =>
    Promise.reject(Object.assign(new Error('bulk'), { writeErrors: { index: 0, code: 11000 } })),
  );
  expect(one.map((o) => o.ok)).toEqual([false, true]);
  await expect(unorderedOutcomes(2, () => Promise.reject(new Error('socket closed')))).rejects.toThrow('socket closed');
  expect((await unorderedOutcomes(2, () => Promise.resolve())).every((o) => o.ok)).toBe(true);
});

test("a command runs outside the context of the request that started it (no one request's operation-log scope)", async () => {
  const scope = new AsyncLocalStorage<string>();
  const seen: Array<string | undefined> = [];
  const put = groupCommit(
    async (items: string[]): Promise<Array<Outcome<string>>> => {
      seen.push(scope.getStore());
      return items.map((i) => ({ ok: true, value: i }));
    },
    { maxItems: 10 },
  );
  await Promise.all([scope.run('alice', () => put('a')), scope.run('bob', () => put('b'))]);
  expect(seen).toEqual([undefined]);
  // The caller's own context is intact once its write returns.
  await scope.run('carol', async () => {
    await put('c');
    expect(scope.getStore()).toBe('carol');
  });
});
