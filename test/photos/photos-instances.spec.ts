import { type Harness, createHarness } from '../helpers/harness';
import { makePhoto, sendBotImage, servePhoto } from '../helpers/photos';

// Two instances behind one address: a picture reaches one, the deputy's 建议 the other. Each instance
// learns in the background who has pictures waiting (learnWaiting), so 建议 still takes them.

let a: Harness;
let b: Harness;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  const options = { now: '2026-11-02T09:00:00+08:00', tunables: { photos: { allowLoopbackHttp: true } } };
  a = await createHarness('photos_instances', options);
  b = await createHarness('photos_instances_b', { ...options, db: a.db, clock: a.clock });
  await a.addDeputy('zhang', '张三');
});
afterAll(async () => {
  await b.close();
  await a.close();
});

it('a picture received by one instance is taken by 建议 on the other once it has learned of it', async () => {
  const photo = servePhoto(a, await makePhoto({ color: [200, 40, 40] }));
  expect(await sendBotImage(a, 'zhang', { url: photo.url })).toContain('已收到 1 张照片');
  a.clock.advance(3_000);
  // The background round on instance b (every few seconds when the app runs).
  expect(await b.services.photos.learnWaiting(b.clock.now())).toBe(1);
  const filed = await b.say('zhang', '建议 北桥栏杆断了两根，很危险，请尽快修好', single);
  expect(filed).toContain('已附 1 张照片');
  const opinion = await a.db.connection.collection('opinions').findOne({ code: 'YJ2026-001' });
  expect(opinion?.photos).toHaveLength(1);
});

it('learns nothing of pictures past the 10-minute wait or already attached', async () => {
  const photo = servePhoto(a, await makePhoto({ color: [40, 40, 200] }));
  await sendBotImage(a, 'zhang', { url: photo.url });
  a.clock.advance(10 * 60_000 + 1_000);
  expect(await b.services.photos.learnWaiting(b.clock.now())).toBe(0);
  expect(await b.say('zhang', '建议 东河堤岸有一段塌了，雨季前需要加固', single)).not.toContain('已附');
});
