import { EJSON } from 'bson';
import { subjectOf } from '../../src/cards';
import { cardTaps } from '../../handlers';
import { createCardTapTable } from '../../src/commands/card-taps';
import { cardTapId } from '../../src/wecom/card-events';
import { askCard, tapCallback } from '../helpers/card-taps';
import { type TemplateCardJson, cardText } from '../helpers/cards';
import { type Harness, createHarness } from '../helpers/harness';

// 票决 with a tap: `投票 <编号>` one-to-one answers with the vote box; submitting it is the typed 投票 (one guarded
// update, a second vote refused), and nothing stored or logged joins the voter to the ticked candidates.
let h: Harness;
const CANDIDATES = ['甲村道路硬化', '乙镇自来水厂', '丙村养老驿站', '丁街农贸市场'];

beforeAll(async () => {
  h = await createHarness('ballot-card', { now: '2026-12-01T10:00:00+08:00' });
  for (const id of ['voter01', 'voter02', 'voter03']) await h.addDeputy(id, `代表${id.slice(-2)}`);
  await h.say('office1', `发起票决 民生实事 候选：${CANDIDATES.join('；')} 选2项 截止：12月10日18点`, {
    chattype: 'single',
  });
});
afterAll(async () => h.close());

const vote = (card: TemplateCardJson, userid: string, ids: string[], chattype: 'single' | 'group' = 'single') =>
  tapCallback(h, {
    userid,
    taskId: card.task_id,
    key: card.submit_button!.key,
    cardType: 'vote_interaction',
    selected: { [card.checkbox!.question_key]: ids },
    chattype,
  });

it('offers the candidates as a multi-choice vote box and counts a submitted vote once', async () => {
  const card = await askCard(h, 'voter01', '投票 PJ2026-001');
  expect(card.card_type).toBe('vote_interaction');
  expect(card.checkbox?.mode).toBe(1);
  expect(card.checkbox?.option_list.map((o) => o.text)).toEqual(CANDIDATES);

  const first = await vote(card, 'voter01', ['c1', 'c3']);
  expect(cardText(first.card!)).toContain('已投票');
  for (const name of CANDIDATES) expect(cardText(first.card!)).not.toContain(name);
  // A double tap with other boxes ticked is the same tap: the same answer, nothing counted again.
  const again = await vote(card, 'voter01', ['c2', 'c4']);
  expect(again.card?.main_title).toEqual(first.card?.main_title);
  expect((await h.models.Ballot.findOne({ code: 'PJ2026-001' }).lean())!.counts).toEqual([1, 0, 1, 0]);
  // A fresh card after voting: refused as the typed 投票 is.
  expect(await h.say('voter01', '投票 PJ2026-001', { chattype: 'single' })).toContain('您已投票');
});

it('refuses a wrong number of candidates and a tap in the group, recording nothing', async () => {
  const card = await askCard(h, 'voter02', '投票 PJ2026-001');
  expect(cardText((await vote(card, 'voter02', ['c1'])).card!)).toContain('2');
  const fresh = await askCard(h, 'voter02', '投票 PJ2026-001');
  expect(cardText((await vote(fresh, 'voter02', ['c2', 'c4'], 'group')).card!)).toContain('单聊');
  expect((await h.models.Ballot.findOne({ code: 'PJ2026-001' }).lean())!.counts).toEqual([1, 0, 1, 0]);
  const third = await askCard(h, 'voter02', '投票 PJ2026-001');
  await vote(third, 'voter02', ['c2', 'c4']);
  expect((await h.models.Ballot.findOne({ code: 'PJ2026-001' }).lean())!.counts).toEqual([1, 1, 1, 1]);
});

it('keeps no trace of the ticked candidates beside the voter: inbox, operation log, log lines', async () => {
  // The taps' rows (the 投票 command's own rows show the whole ballot, as everyone's do: no choice in them).
  const rows = await h.models.InboundMessage.find({
    senderId: { $in: ['voter01', 'voter02'] },
    _id: /:card:/,
  }).lean();
  expect(rows.length).toBeGreaterThanOrEqual(4);
  for (const row of rows) {
    const text = EJSON.stringify(row);
    for (const name of CANDIDATES) expect(text).not.toContain(name);
    expect(text).not.toMatch(/"c[1-4]"/);
  }
  const audit = await h.models.AuditEntry.find({ code: 'PJ2026-001', via: 'card' }).lean();
  expect(audit.map((e) => e.actor.userid).sort()).toEqual(['voter01', 'voter02']);
  for (const line of h.logLines.filter((l) => /voter0[12]/.test(l))) {
    for (const name of CANDIDATES) expect(line).not.toContain(name);
    expect(line).not.toMatch(/c[1-4],c[1-4]/);
  }
  // The tap's inbox id: the same for any ticked boxes, so the id stored beside the voter says nothing.
  const tap = (ids: string[]) => ({
    taskId: `c_PJ2026-001_x_${'a'.repeat(12)}`,
    eventKey: 'vote~0',
    selected: { choice: ids },
  });
  expect(subjectOf(tap([]).taskId)).toBe('PJ2026-001');
  const secret = createCardTapTable(cardTaps).isSecret;
  expect(cardTapId('bot', 'voter01', tap(['c1', 'c2']), secret)).toBe(
    cardTapId('bot', 'voter01', tap(['c3', 'c4']), secret),
  );
});
