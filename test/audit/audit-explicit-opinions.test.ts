import { expectAudited } from '../helpers/audit-oracle';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// The 操作日志 of opinions, ballots and projects, step by step through the real doors: each step's entries name
// exactly the records the step changed in the database (the audit oracle), and say who did it, how and what.

let h: Harness;
let office: ConsoleClient;

beforeAll(async () => {
  h = await createHarness('audit-explicit-op', { now: '2026-11-23T09:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

const OPINION_CODE = /YJ\d{4}-\d{3}/;

describe('an opinion through the chat and the console', () => {
  let code = '';

  it('files by chat: one create, by the filer', async () => {
    const { result, entries } = await expectAudited(h, () => h.say('zhang', '建议 村口路灯坏了，请尽快维修'));
    code = OPINION_CODE.exec(result)![0];
    expect(entries).toEqual([
      { actor: { userid: 'zhang', name: '张三' }, via: 'chat', what: '建议', kind: 'Opinion', code, op: 'create' },
    ]);
  });

  it('co-signs and assigns by chat, answers by the console: one update each, named by the step', async () => {
    const cosign = await expectAudited(h, () => h.say('li', `附议 ${code}`));
    expect(cosign.entries.map((e) => [e.what, e.via, e.actor.userid, e.op])).toEqual([
      ['附议', 'chat', 'li', 'update'],
    ]);
    const assign = await expectAudited(h, () => h.say('office1', `交办 ${code} 单位：交通运输局`));
    expect(assign.entries.map((e) => [e.what, e.via, e.code])).toEqual([['交办', 'chat', code]]);
    const { version } = (await office.get(`/api/console/opinions/${code}`)).body;
    const answer = await expectAudited(h, () =>
      office.post(`/api/console/opinions/${code}/answer`, { text: '已维修完毕', resolution: 'A', version }),
    );
    expect(answer.result.status).toBe(200);
    expect(answer.entries.map((e) => [e.what, e.via, e.actor.userid])).toEqual([['录入答复', 'console', 'office1']]);
  });

  it('records nothing for a refused step', async () => {
    const { recorded } = await expectAudited(h, () => h.say('li', `撤回 ${code}`));
    expect(recorded).toEqual([]);
  });
});
