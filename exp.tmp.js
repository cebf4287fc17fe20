const { spawn } = require('child_process');
const mongoose = require('mongoose');
const jar = '.tools/mongo-server/mongo-server.jar';
function start(port) {
  return new Promise((res) => {
    const c = spawn('java', ['-jar', jar, '--port', String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    c.stdout.once('data', (d) => res({ c, uri: String(d).trim() }));
  });
}
(async () => {
  const port = 27999;
  let s = await start(port);
  const conn = await mongoose.createConnection(s.uri + 'x', { serverSelectionTimeoutMS: 1000, heartbeatFrequencyMS: 500, bufferCommands: false, autoIndex: false }).asPromise();
  const t0 = Date.now();
  const log = (...a) => console.log(Date.now() - t0, ...a);
  for (const ev of ['disconnected', 'reconnected', 'connected', 'close', 'error']) conn.on(ev, () => log('event', ev, conn.readyState));
  const M = conn.model('T', new mongoose.Schema({ k: { type: String, unique: true } }));
  await M.createIndexes(); await M.create({ k: 'a' });
  log('killing');
  s.c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  log('state', conn.readyState);
  try { await M.create({ k: 'b' }); log('create ok?'); } catch (e) { log('err', e.constructor.name, e.name, e.message.slice(0, 80)); }
  log('state', conn.readyState);
  try { await conn.db.admin().ping(); } catch (e) { log('ping err', e.name); }
  s = await start(port);
  log('restarted');
  await new Promise((r) => setTimeout(r, 2000));
  log('state', conn.readyState);
  try { await M.create({ k: 'c' }); log('create ok', await M.countDocuments()); } catch (e) { log('err', e.name, e.message.slice(0, 80)); }
  log('indexes', JSON.stringify(await M.collection.indexes()));
  s.c.kill(); await conn.close(); 
})();
