import { openTestDatabase } from '../helpers/db';

it('probe ferretdb features', async () => {
  const db = await openTestDatabase('probe');
  const c = db.connection.db!.collection('p');
  const out: Record<string, unknown> = {};
  const tryit = async (name: string, f: () => Promise<unknown>) => { try { out[name] = await f(); } catch (e) { out[name] = `ERR ${(e as Error).message}`; } };
  await c.insertOne({ _id: 1 as never, confirmed: [{ userid: 'a', at: new Date() }], waitlist: [{ userid: 'w1' }, { userid: 'w2' }], n: 1, leaves: [{ userid: 'x', reason: 'r' }] });
  await tryit('neDot', () => c.findOneAndUpdate({ _id: 1 as never, 'confirmed.userid': { $ne: 'b' }, 'waitlist.userid': { $ne: 'b' }, n: { $lt: 3 } }, { $push: { confirmed: { userid: 'b', at: new Date() } }, $inc: { n: 1 } } as never, { returnDocument: 'after' }));
  await tryit('neDotBlocked', () => c.findOneAndUpdate({ _id: 1 as never, 'confirmed.userid': { $ne: 'a' } }, { $inc: { n: 1 } }, { returnDocument: 'after' }));
  await tryit('eqDot', () => c.findOne({ 'confirmed.userid': 'a' }));
  await tryit('idx0', () => c.findOne({ 'waitlist.0.userid': 'w1' }));
  await tryit('pullCond', () => c.findOneAndUpdate({ _id: 1 as never }, { $pull: { leaves: { userid: 'x' } } } as never, { returnDocument: 'after' }));
  await tryit('popSet', () => c.findOneAndUpdate({ _id: 1 as never }, { $pop: { waitlist: -1 } } as never, { returnDocument: 'after' }));
  await tryit('elemMatch', () => c.findOne({ confirmed: { $elemMatch: { userid: 'a' } } }));
  await tryit('positional', () => c.findOneAndUpdate({ _id: 1 as never, 'confirmed.userid': 'a' }, { $set: { 'confirmed.$.in': true } }, { returnDocument: 'after' }));
  await tryit('inArr', () => c.find({ 'confirmed.userid': { $in: ['a', 'zz'] } }).toArray());
  await tryit('elemMatchReminders', async () => { await c.insertOne({ _id: 2 as never, reminders: [{ m: 1440, at: new Date('2026-01-01'), status: 'pending' }, { m: 120, at: new Date('2026-01-02'), status: 'pending' }] }); return c.find({ reminders: { $elemMatch: { status: 'pending', at: { $lte: new Date('2026-01-01T12:00:00Z') } } } }).toArray(); });
  await tryit('arrayFilterless idx set', () => c.findOneAndUpdate({ _id: 2 as never, 'reminders.1.status': 'pending' }, { $set: { 'reminders.1.status': 'sent' } }, { returnDocument: 'after' }));
  process.stderr.write(JSON.stringify(out, null, 1) + '\n');
  await db.drop();
});
